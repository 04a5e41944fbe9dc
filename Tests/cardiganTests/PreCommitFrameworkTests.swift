import Foundation
import TestSupport
import Testing

/// The pre-commit framework itself (PyPI `pre-commit`, from scripts/install-test-tools.sh) runs
/// cardigan's hooks from `.pre-commit-hooks.yaml`: it blocks a broken card with located errors,
/// printed once, and a good card committed through it becomes a version `verify` accepts.
@Suite struct PreCommitFrameworkTests {
    /// A configuration as the README suggests, with the `-system` hooks (cardigan on PATH).
    static func configuration(repo: String, rev: String) -> String {
        """
        default_install_hook_types: [pre-commit, prepare-commit-msg, post-commit]
        repos:
          - repo: \(repo)
            rev: \(rev)
            hooks:
              - id: cardigan-staged-system
              - id: cardigan-prepare-commit-msg-system
              - id: cardigan-post-commit-system

        """
    }

    /// A card repository configured as the README suggests, with the framework's hooks installed
    /// (`pre-commit install`) from a hook repository holding this package's
    /// `.pre-commit-hooks.yaml` (kept while the test holds it: the framework fetches from it at
    /// the first commit); the environment runs the built cardigan from PATH.
    static func frameworkRepository() throws -> (
        repo: CardRepo, hooks: ScratchRepository, environment: [String: String], installed: ProcessResult
    ) {
        let preCommit = try TestTools.require("pre-commit")
        // The hook repository: this package's .pre-commit-hooks.yaml, committed.
        let hooks = try ScratchRepository()
        try hooks.write(
            ".pre-commit-hooks.yaml",
            String(contentsOfFile: PackagePaths.root + "/.pre-commit-hooks.yaml", encoding: .utf8))
        try hooks.git("add", ".")
        try hooks.git("commit", "-qm", "hooks")
        let rev = try hooks.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)

        let repo = try CardRepo()
        try repo.write(".pre-commit-config.yaml", configuration(repo: hooks.path, rev: rev))
        try repo.write(".gitignore", ".pre-commit-cache/\n.home/\n")
        let binDirectory = (PackagePaths.cardigan as NSString).deletingLastPathComponent
        let environment = [
            "PATH": binDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": repo.path + "/.pre-commit-cache", "HOME": repo.path + "/.home",
            "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_EDITOR": "true",
        ]
        let installed = try repo.repo.run([preCommit, "install"], environment: environment).checked()
        return (repo, hooks, environment, installed)
    }

    @Test(.enabled(if: TestTools.usable("pre-commit"), "pre-commit is not installed (scripts/install-test-tools.sh)"))
    func theFrameworkBlocksABrokenCardAndMakesAGoodOneAVersion() throws {
        let (repo, hooks, environment, installed) = try Self.frameworkRepository()
        for hook in ["pre-commit", "prepare-commit-msg", "post-commit"] {
            #expect(installed.output.contains(".git/hooks/\(hook)"), "\(installed.output)")
        }

        try repo.write("cards/x.yaml", CardRepo.card("x", risk: "Meduim"))
        try repo.git("add", "cards/x.yaml", ".pre-commit-config.yaml", ".gitignore")
        let blocked = try repo.repo.run(["git", "commit", "-qm", "broken card"], environment: environment)
        let said = blocked.output + blocked.error
        #expect(blocked.status != 0)
        let located = "cards/x.yaml:7:16: error: 'Meduim' is not one of"
        #expect(said.components(separatedBy: located).count == 2, "not exactly once: \(said)")
        #expect((try? repo.git("rev-parse", "--verify", "-q", "HEAD")) == nil, "the commit went through")

        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.git("add", "cards/x.yaml")
        let passed = try repo.repo.run(["git", "commit", "-qm", "good card"], environment: environment)
        #expect(passed.status == 0, "\(passed.output)\(passed.error)")
        let message = try repo.git("log", "-1", "--format=%B")
        #expect(message.contains("Card: x\nCard-Version: 1\n"), "\(message)")
        #expect(try repo.git("tag", "--list", "cards/*") == "cards/x/v1\n")
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")

        // A second version through the framework, too.
        try repo.edit("cards/x.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.repo.run(["git", "commit", "-qam", "riskier"], environment: environment).checked()
        #expect(try repo.git("tag", "--list", "cards/*") == "cards/x/v1\ncards/x/v2\n")
        #expect(try repo.cardigan("verify").status == 0)
        withExtendedLifetime(hooks) {}
    }

    @Test(
        .enabled(
            if: TestTools.runs(TestTools.path("pre-commit") != nil),
            "the pre-commit framework is not installed; run scripts/install-test-tools.sh"))
    func theValidateAndStagedHooksBlockACommitOfABrokenCard() throws {
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

    /// The framework cannot run a `reference-transaction` hook, so its users add cardigan's own
    /// with `hook install --only`: it leaves the framework's scripts alone, and with both every
    /// amend of a recorded version is refused — `--amend` by the framework's prepare-commit-msg
    /// hook, `--amend -m` by cardigan's reference-transaction hook.
    @Test(.enabled(if: TestTools.usable("pre-commit"), "pre-commit is not installed (scripts/install-test-tools.sh)"))
    func theFrameworkWithTheGuardHooksRefusesEveryAmend() throws {
        let (repo, hooks, environment, _) = try Self.frameworkRepository()
        let added = try repo.cardigan("hook", "install", "--only", "reference-transaction", "--only", "pre-push")
            .checked()
        #expect(added.output == "installed reference-transaction\ninstalled pre-push\n", "\(added.output)")
        for hook in ["pre-commit", "prepare-commit-msg", "post-commit"] {
            let script = try repo.read(".git/hooks/\(hook)")
            #expect(script.contains("File generated by pre-commit"), "\(hook) is not the framework's any more")
            #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/\(hook).local"))
        }

        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.git("add", "cards/x.yaml", ".pre-commit-config.yaml", ".gitignore")
        try repo.repo.run(["git", "commit", "-qm", "x"], environment: environment).checked()
        let head = try repo.git("rev-parse", "HEAD")
        #expect(try repo.git("rev-parse", "cards/x/v1^{commit}") == head)
        for amend in [["--amend", "--no-edit"], ["--amend", "-m", "x, reworded"]] {
            let refused = try repo.repo.run(["git", "commit", "-q"] + amend, environment: environment)
            #expect(refused.status != 0, "\(amend)")
            #expect(
                (refused.output + refused.error).contains("[amend-refused]"),
                "\(amend): \(refused.output)\(refused.error)")
            #expect(try repo.git("rev-parse", "HEAD") == head, "\(amend)")
        }
        // The honest twin: the next version through the framework, past cardigan's guard.
        try repo.edit("cards/x.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.repo.run(["git", "commit", "-qam", "riskier"], environment: environment).checked()
        #expect(try repo.git("tag", "--list", "cards/*") == "cards/x/v1\ncards/x/v2\n")
        #expect(try repo.cardigan("verify").status == 0)
        withExtendedLifetime(hooks) {}
    }

    /// What the README says the framework lacks: its manifest knows no `reference-transaction` stage.
    @Test(.enabled(if: TestTools.usable("pre-commit"), "pre-commit is not installed (scripts/install-test-tools.sh)"))
    func theFrameworkHasNoReferenceTransactionStage() throws {
        let preCommit = try TestTools.require("pre-commit")
        let repo = try ScratchRepository()
        let manifest = try String(contentsOfFile: PackagePaths.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        try repo.write("ours.yaml", manifest)
        try repo.write(
            "guard.yaml",
            manifest.replacingOccurrences(of: "stages: [post-commit]", with: "stages: [reference-transaction]"))
        try repo.run([preCommit, "validate-manifest", "ours.yaml"]).checked()
        let refused = try repo.run([preCommit, "validate-manifest", "guard.yaml"])
        #expect(refused.status != 0)
        #expect((refused.output + refused.error).contains("reference-transaction"), "\(refused.output)\(refused.error)")
    }

    @Test func everyHookNamesItsStages() throws {
        let manifest = try String(contentsOfFile: PackagePaths.root + "/.pre-commit-hooks.yaml", encoding: .utf8)
        let hooks = manifest.components(separatedBy: "\n- id: ").dropFirst()
        #expect(hooks.count == 8)
        for hook in hooks {
            #expect(hook.contains("\n  stages: ["), "no stages: \(hook.prefix(40))")
        }
        for stage in ["prepare-commit-msg", "post-commit"] {
            #expect(manifest.contains("stages: [\(stage)]"))
        }
    }
}
