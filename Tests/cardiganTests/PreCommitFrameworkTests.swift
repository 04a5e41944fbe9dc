import Foundation
import TestSupport
import Testing

/// The pre-commit framework itself (PyPI `pre-commit`) runs cardigan's hook from
/// `.pre-commit-hooks.yaml` and blocks a commit of a broken card.
@Suite struct PreCommitFrameworkTests {
    /// `pre-commit` from a virtual environment made once per run; nil, with the reason printed,
    /// when it cannot be installed (no network to PyPI, no python3).
    static let preCommit: String? = {
        let venv = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-pre-commit-venv").path
        let executable = venv + "/bin/pre-commit"
        if FileManager.default.isExecutableFile(atPath: executable) { return executable }
        let make = try? ProcessResult.run(["python3", "-m", "venv", venv], in: "/")
        let install = try? ProcessResult.run([venv + "/bin/pip", "install", "-q", "pre-commit"], in: "/")
        guard make?.status == 0, install?.status == 0, FileManager.default.isExecutableFile(atPath: executable) else {
            print(
                "skipped: the pre-commit framework could not be installed from PyPI: \(install?.error.suffix(300) ?? "no python3")"
            )
            return nil
        }
        return executable
    }()

    @Test func theFrameworkBlocksACommitOfABrokenCard() throws {
        guard let preCommit = Self.preCommit else {
            print("skipped theFrameworkBlocksACommitOfABrokenCard: pre-commit is not installable here")
            return
        }
        // The hook repository: this package's .pre-commit-hooks.yaml, committed.
        let hooks = try ScratchRepository()
        try hooks.write(
            ".pre-commit-hooks.yaml",
            String(contentsOfFile: PackagePaths.root + "/.pre-commit-hooks.yaml", encoding: .utf8))
        try hooks.git("add", ".")
        try hooks.git("commit", "-qm", "hooks")
        let rev = try hooks.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

        let repo = try CardRepo()
        try repo.write(
            ".pre-commit-config.yaml",
            """
            repos:
              - repo: \(hooks.path)
                rev: \(rev)
                hooks:
                  - id: cardigan-validate-system
                  - id: cardigan-staged-system

            """)
        let binDirectory = (PackagePaths.cardigan as NSString).deletingLastPathComponent
        let environment = [
            "PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": repo.path + "/.pre-commit-cache",
        ]
        try repo.repo.run([preCommit, "install"], environment: environment).checked()
        try repo.write("cards/x.yaml", CardRepo.card("x", risk: "Meduim"))
        try repo.git("add", "cards/x.yaml", ".pre-commit-config.yaml")
        let blocked = try repo.repo.run(["git", "commit", "-qm", "broken card"], environment: environment)
        #expect(blocked.status != 0)
        #expect(
            (blocked.output + blocked.error).contains("'Meduim' is not one of"), "\(blocked.output)\(blocked.error)")
        #expect((try? repo.git("rev-parse", "--verify", "-q", "HEAD")) == nil, "the commit went through")

        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.git("add", "cards/x.yaml")
        let passed = try repo.repo.run(["git", "commit", "-qm", "good card"], environment: environment)
        #expect(passed.status == 0, "\(passed.output)\(passed.error)")
    }
}
