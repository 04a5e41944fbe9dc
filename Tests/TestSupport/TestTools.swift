import Foundation

/// Outside programs some tests check cardigan's output with (poppler, qpdf, check-jsonschema,
/// python packages, the pre-commit framework). `scripts/install-test-tools.sh` installs them; a
/// test never does.
///
/// A test that needs one is marked `.enabled(if: TestTools.runs(…), "reason")`, so that without
/// the tool it shows as skipped with its reason. With `CARDIGAN_REQUIRE_TOOLS=1` (CI sets it) it
/// runs anyway and fails on the missing tool, so a machine lacking one cannot pass quietly.
public enum TestTools {
    /// Whether a missing tool fails the test instead of skipping it (`CARDIGAN_REQUIRE_TOOLS=1`).
    public static var required: Bool {
        ProcessInfo.processInfo.environment["CARDIGAN_REQUIRE_TOOLS"] == "1"
    }

    /// The virtual environment `scripts/install-test-tools.sh` makes for the python tools.
    public static var virtualEnvironment: String { PackagePaths.root + "/.tools/venv" }

    /// Whether a test needing a tool runs: when `available`, or when tools are required (then it
    /// runs to fail).
    public static func runs(_ available: Bool) -> Bool {
        available || required
    }

    /// `program` from the tools' virtual environment or PATH, nil when neither has it.
    public static func path(_ program: String) -> String? {
        let local = virtualEnvironment + "/bin/" + program
        if FileManager.default.isExecutableFile(atPath: local) { return local }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A python that imports every module of `modules` (the tools' environment first), nil when none does.
    public static func python(importing modules: [String]) -> String? {
        let candidates = [virtualEnvironment + "/bin/python3", path("python3")].compactMap { $0 }
        let statement = modules.isEmpty ? "pass" : "import " + modules.joined(separator: ", ")
        return candidates.first { candidate in
            FileManager.default.isExecutableFile(atPath: candidate)
                && (try? ProcessResult.run([candidate, "-c", statement], in: "/"))?.status == 0
        }
    }

    /// Whether a test needing the program `name` runs: it is installed, or tools are required.
    public static func usable(_ name: String) -> Bool { runs(path(name) != nil) }

    /// The tools' virtual environment's python (which has the PyPI packages), nil when absent.
    public static var venvPython: String? {
        let candidate = virtualEnvironment + "/bin/python"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Whether a test needing the python module `module` (from the tools' environment) runs.
    public static func usablePythonModule(_ module: String) -> Bool {
        if required { return true }
        guard let venvPython else { return false }
        return (try? ProcessResult.run([venvPython, "-c", "import \(module)"], in: "/").status) == 0
    }

    /// The path of `name`, or an error that says how to install it.
    public static func require(_ name: String) throws -> String {
        guard let path = path(name) else { throw MissingTool(name: name) }
        return path
    }

    /// The tools' virtual environment's python, or an error that says how to install it.
    public static func requirePython() throws -> String {
        guard let venvPython else { throw MissingTool(name: ".tools/venv/bin/python") }
        return venvPython
    }
}

/// A tool a test needs is not installed.
public struct MissingTool: Error, CustomStringConvertible {
    /// The tool's name.
    public var name: String
    /// What to do about it.
    public var description: String { "'\(name)' is not installed; run scripts/install-test-tools.sh" }
}
