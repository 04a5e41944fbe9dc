import Foundation

/// Outside programs some tests check cardigan's output with (poppler, python packages, the
/// pre-commit framework). `scripts/install-test-tools.sh` installs them; a test never does.
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
}
