import Foundation

/// The ecosystem tools the interoperability tests run cardigan's outputs through, installed by
/// `scripts/install-tools.sh` (PyPI packages into `.tools/venv`, Debian packages system-wide).
///
/// A test that needs one is `.enabled(if: ExternalTool.usable("…"), "…")`: skipped with its
/// reason when the tool is missing, except when `CARDIGAN_REQUIRE_TOOLS=1` (CI), where it runs
/// and fails on the missing tool.
public enum ExternalTool {
    /// The virtual environment's programs.
    public static let venvBin = PackagePaths.root + "/.tools/venv/bin"

    /// Whether missing tools are failures rather than reasons to skip.
    public static var required: Bool { ProcessInfo.processInfo.environment["CARDIGAN_REQUIRE_TOOLS"] == "1" }

    /// The path of `name`: in the tools' virtual environment, else on PATH; nil when absent.
    public static func path(_ name: String) -> String? {
        let candidate = venvBin + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The tools' Python, which has the PyPI packages (rfc8785, huggingface_hub) installed.
    public static var python: String? {
        let candidate = venvBin + "/python"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Whether a test needing `name` should run: the tool is there, or tools are required.
    public static func usable(_ name: String) -> Bool { required || path(name) != nil }

    /// Whether a test needing the Python module `module` should run.
    public static func usablePythonModule(_ module: String) -> Bool {
        if required { return true }
        guard let python else { return false }
        return (try? ProcessResult.run([python, "-c", "import \(module)"], in: "/").status) == 0
    }

    /// The path of `name`, or an error that says how to install it.
    public static func require(_ name: String) throws -> String {
        guard let path = path(name) else { throw MissingTool(name: name) }
        return path
    }

    /// The tools' Python, or an error that says how to install it.
    public static func requirePython() throws -> String {
        guard let python else { throw MissingTool(name: ".tools/venv/bin/python") }
        return python
    }
}

/// A tool a test needs is not installed.
public struct MissingTool: Error, CustomStringConvertible {
    /// The tool's name.
    public var name: String
    public var description: String { "'\(name)' is not installed; run scripts/install-tools.sh" }
}

/// SARIF logs checked against the OASIS SARIF 2.1.0 schema in `../shared/conformance/`, with
/// check-jsonschema and its format checks on (so `uri-reference` values are checked too).
public enum SARIFSchemaCheck {
    /// The schema, beside the repository as CI and developers have it.
    public static let schemaPath = PackagePaths.root + "/../shared/conformance/sarif-2.1.0/sarif-schema-2.1.0.json"

    /// Whether SARIF validation can run here.
    public static var usable: Bool {
        ExternalTool.usable("check-jsonschema") && FileManager.default.fileExists(atPath: schemaPath)
    }

    /// Validates `sarif`; the result's status is 0 when the log is valid, and its output says why not.
    public static func validate(_ sarif: String) throws -> ProcessResult {
        let checker = try ExternalTool.require("check-jsonschema")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProcessResult.run([checker, "--schemafile", schemaPath, file.path], in: "/")
    }
}
