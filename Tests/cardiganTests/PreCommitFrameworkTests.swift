import Foundation
import TestSupport
import Testing

/// The pre-commit framework itself (PyPI `pre-commit`) runs cardigan's hook from
/// `.pre-commit-hooks.yaml` and blocks a commit of a broken card.
@Suite struct PreCommitFrameworkTests {
    @Test(
        .enabled(
            if: TestTools.runs(TestTools.path("pre-commit") != nil),
            "the pre-commit framework is not installed; run scripts/install-test-tools.sh"))
    func theFrameworkBlocksACommitOfABrokenCard() throws {
        let preCommit = try #require(
            TestTools.path("pre-commit"),
            "pre-commit is missing (CARDIGAN_REQUIRE_TOOLS=1); scripts/install-test-tools.sh"
        )
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
