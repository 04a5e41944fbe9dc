import Foundation
import TestSupport
import Testing

/// `check` on prepared base/head pairs: each refusal, and a passing case.
@Suite struct CheckEndToEndTests {
    /// A repository whose main has cards `a` (v2) and `b` (v1); returns it on a branch `pr`
    /// started from main, and main's commit.
    private func pullRequest() throws -> (CardRepo, String) {
        let repo = try CardRepo.withTwoCards()
        try repo.git("checkout", "-q", "-b", "pr")
        return (repo, try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func expectRefused(
        _ repo: CardRepo, base: String, rule: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try repo.cardigan("check", "--base", base)
        #expect(result.status == 1, "check passed: \(result.output)", sourceLocation: sourceLocation)
        #expect(
            result.output.contains("[\(rule)]") && result.output.contains(text), "\(result.output)",
            sourceLocation: sourceLocation)
    }

    @Test func passesAProperPullRequest() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.cardigan("commit", "-m", "b riskier").checked()
        try repo.cardigan("status", "a", "PendingReview").checked()
        let result = try repo.cardigan("check", "--base", base)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("no errors in 2 commits and 2 changed cards"))
    }

    @Test func judgesABranchBehindItsBaseFromTheMergeBase() throws {
        let (repo, base) = try pullRequest()
        try repo.git("checkout", "-q", "main")
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "a v3 on main").checked()
        let moved = try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "pr")
        // Merely behind: nothing rewritten (unrelated histories and copies: CheckBehindBaseTests).
        let result = try repo.cardigan("check", "--base", moved)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("0 commits since the merge base \(base.prefix(12))"), "\(result.output)")
    }

    @Test func refusesAnInvalidCard() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Meduim")
        try repo.git("commit", "-qam", "typo")
        let result = try repo.cardigan("check", "--base", base)
        #expect(result.status == 1)
        #expect(result.output.contains("cards/b.yaml:7:16: error: 'Meduim' is not one of"))
    }

    @Test func refusesAnUnversionedChange() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn better.")
        try repo.git("commit", "-qam", "plain edit")
        try expectRefused(repo, base: base, rule: "unversioned-change", "card 'b' changed without a new version")
    }

    @Test func refusesAVersionThatCollidesWithOneOnBase() throws {
        let (repo, base) = try pullRequest()
        // A version 2 of 'a' written by hand, as if made on another branch before main's v2.
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Two, again.")
        try repo.git("add", "cards/a.yaml")
        try repo.git(
            "commit", "-q", "-m",
            "hand made\n\nCard: a\nCard-Version: 2\nCard-Digest: sha256:00\nCard-Status: Draft\nCard-Change: version")
        try expectRefused(repo, base: base, rule: "version-sequence", "the next version is 3")
    }

    @Test func refusesAVersionThatSkips() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn better.")
        try repo.git("add", "cards/b.yaml")
        try repo.git(
            "commit", "-q", "-m",
            "skips\n\nCard: b\nCard-Version: 3\nCard-Digest: sha256:00\nCard-Status: Draft\nCard-Change: version")
        try expectRefused(repo, base: base, rule: "version-sequence", "the next version is 2")
    }

    @Test func refusesTheSameVersionMadeOnBaseAndInThePullRequest() throws {
        let (repo, _) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn on the branch.")
        try repo.cardigan("commit", "-m", "b v2 on the branch").checked()
        // Meanwhile main got its own version 2 of 'b' (made in another clone: no tag here).
        try repo.git("checkout", "-q", "main")
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.git("add", "cards/b.yaml")
        try repo.git(
            "commit", "-q", "-m",
            "b v2 on main\n\nCard: b\nCard-Version: 2\nCard-Digest: sha256:00\nCard-Status: Draft\nCard-Change: version"
        )
        let base = try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "pr")
        try repo.git("merge", "-q", "--no-edit", "main")
        try expectRefused(repo, base: base, rule: "version-duplicate", "'b'")
    }

    @Test func refusesAChangedName() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "name: b\n", with: "name: bee\n")
        try repo.git("commit", "-qam", "rename inside")
        try expectRefused(repo, base: base, rule: "name-changed", "'b'")
    }

    @Test func refusesADeletedOrRenamedCard() throws {
        let (repo, base) = try pullRequest()
        try repo.git("mv", "cards/b.yaml", "cards/c.yaml")
        try repo.git("commit", "-qm", "rename")
        try expectRefused(repo, base: base, rule: "card-deleted", "versioned card 'b' was deleted or renamed")
    }

    @Test func refusesAChangedModelName() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "model_name: b-model", with: "model_name: b-model-2")
        try repo.git("commit", "-qam", "rename model")
        try expectRefused(repo, base: base, rule: "model-name-changed", "changed from 'b-model' to 'b-model-2'")
    }

    @Test func refusesAnIllegalStatusMove() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "status: Draft", with: "status: Approved")
        try repo.git("commit", "-qam", "approve myself")
        try expectRefused(repo, base: base, rule: "status-move", "cannot move from Draft to Approved")
        // Annotated on the line of the field the rule is about, not on line 1.
        let github = try repo.cardigan("check", "--base", base, "--format", "github")
        #expect(
            github.output.contains("::error file=cards/b.yaml,line=2,col=9,title=status-move::"), "\(github.output)")
    }

    @Test func refusesAMissingOrMovedVersionTag() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn better.")
        try repo.cardigan("commit", "-m", "b v2").checked()
        try repo.git("tag", "-d", "cards/b/v2")
        try expectRefused(repo, base: base, rule: "version-tag-missing", "tag 'cards/b/v2'")
        try repo.git("tag", "-a", "-m", "wrong", "cards/b/v2", "HEAD~1")
        try expectRefused(repo, base: base, rule: "version-tag-moved", "tag 'cards/b/v2' points at commit")
        // On the right commit with the right digest, but chained to another v1 than base's.
        try repo.git("tag", "-d", "cards/b/v2")
        let digest = try repo.git("log", "-1", "--format=%(trailers:key=Card-Digest,valueonly)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let message =
            "cards/b/v2\n\nCard: b\nCard-Version: 2\nCard-Digest: \(digest)\nPrevious: \(String(repeating: "0", count: 40))\n"
        try repo.git("tag", "-a", "-m", message, "cards/b/v2", "HEAD")
        try expectRefused(repo, base: base, rule: "version-chain", "names previous tag 000000000000")
    }

    /// `check` end to end against golden files: commits made at fixed times by fixed people,
    /// so every id in the output is the same on every run. `UPDATE_GOLDEN=1` rewrites them.
    @Test func checkOutputMatchesGoldenFiles() throws {
        let fixed = [
            "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada",
            "GIT_COMMITTER_EMAIL": "ada@example.com", "GIT_AUTHOR_DATE": "@1700000000 +0000",
            "GIT_COMMITTER_DATE": "@1700000000 +0000",
        ]
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.write("cards/b.yaml", CardRepo.card("b"))
        try repo.cardigan("commit", "-m", "two cards", environment: fixed).checked()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "-b", "pr")
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.cardigan("commit", "-m", "b riskier", environment: fixed).checked()
        try repo.edit("cards/a.yaml", replacing: "One.", with: "One, edited by hand.")
        try repo.edit("cards/a.yaml", replacing: "status: Draft", with: "status: Approved")
        try repo.repo.run(["git", "commit", "-qam", "plain edit"], environment: fixed).checked()
        let golden = PackagePaths.root + "/Tests/CardiganKitTests/Golden/"
        for (format, file) in [("markdown", "check.md"), ("github", "check.github.txt"), ("sarif", "check.sarif")] {
            let result = try repo.cardigan("check", "--base", base, "--format", format)
            #expect(result.status == 1)
            if GoldenFile.updating {
                try GoldenFile.update(golden + file, with: result.output)
                continue
            }
            let expected = try String(contentsOfFile: golden + file, encoding: .utf8)
            #expect(result.output == expected, "check --format \(format) differs from \(file)")
        }
    }

    @Test func githubFormatAnnotatesAndWritesTheJobSummary() throws {
        let (repo, base) = try pullRequest()
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Meduim")
        try repo.git("commit", "-qam", "typo")
        let summary = repo.path + "/.summary.md"
        let result = try repo.cardigan(
            "check", "--base", base, "--format", "github", environment: ["GITHUB_STEP_SUMMARY": summary])
        #expect(result.status == 1)
        #expect(result.output.contains("::error file=cards/b.yaml,line=7,col=16,title=schema-enum::"))
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.contains("## ❌ cardigan check:") && written.contains("`schema-enum`"))
        let sarif = try repo.cardigan("check", "--base", base, "--format", "sarif")
        #expect(sarif.output.contains("\"ruleId\" : \"schema-enum\""))
    }
}

/// The hooks, driven by the real git CLI: a clone pushing to a bare repository with the server
/// hook, and the client hooks turning a plain `git commit` into a version.
@Suite struct HookEndToEndTests {
    @Test func acceptsANormalPushOfANewVersion() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try clone.cardigan("commit", "-m", "x v2").checked()
        let push = try fixture.push("--follow-tags", "origin", "main")
        #expect(push.status == 0, "\(push.error)")
        #expect(try fixture.server.git("tag", "-l", "cards/*") == "cards/x/v1\ncards/x/v2\n")
    }

    @Test func refusesANewVersionPushedWithoutItsTag() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        let before = try fixture.serverRefs()
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try clone.cardigan("commit", "-m", "x v2").checked()
        let bare = try fixture.push("origin", "main")
        #expect(bare.status != 0)
        #expect(bare.error.contains("[version-tag-missing]") && bare.error.contains("--follow-tags"), "\(bare.error)")
        #expect(try fixture.serverRefs() == before)
        let withTags = try fixture.push("--follow-tags", "origin", "main")
        #expect(withTags.status == 0, "\(withTags.error)")
    }

    @Test func refusesAForcePushAfterAnAmend() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        let before = try fixture.serverRefs()
        try clone.git("commit", "-q", "--amend", "-m", "rewritten")
        let push = try fixture.push("--force", "origin", "main")
        #expect(push.status != 0)
        #expect(
            push.error.contains("remote:") && push.error.contains("[push-refused]")
                && push.error.contains("force push"),
            "\(push.error)")
        #expect(try fixture.serverRefs() == before)
    }

    @Test func refusesDeletingAVersionTag() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        let before = try fixture.serverRefs()
        let push = try fixture.push("--delete", "origin", "cards/x/v1")
        #expect(push.status != 0)
        #expect(push.error.contains("error: deleting tag 'cards/x/v1' is refused"), "\(push.error)")
        #expect(try fixture.serverRefs() == before)
    }

    @Test func refusesAMovedTag() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        try clone.write("notes.txt", "n\n")
        try clone.git("add", "notes.txt")
        try clone.git("commit", "-qm", "notes")
        try clone.git("push", "-q", "origin", "main")
        let before = try fixture.serverRefs()
        try clone.git("tag", "-f", "-a", "-m", "moved", "cards/x/v1", "HEAD")
        let push = try fixture.push("--force", "origin", "cards/x/v1")
        #expect(push.status != 0)
        #expect(push.error.contains("error: moving tag 'cards/x/v1' is refused"), "\(push.error)")
        #expect(try fixture.serverRefs() == before)
    }

    @Test func theServerUsesTheRepositorysOwnSchema() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        // The repository's schema: the built-in one, plus intended_uses required.
        let builtIn = try String(
            contentsOfFile: PackagePaths.root + "/templates/model-card.schema.json", encoding: .utf8)
        let own = builtIn.replacingOccurrences(
            of: "\"required\": [\n    \"name\",", with: "\"required\": [\n    \"intended_uses\",\n    \"name\",")
        #expect(own != builtIn)
        try clone.write("schemas/org.json", own)
        try clone.write(".cardigan.yaml", "schema: schemas/org.json\n")
        try clone.git("add", "schemas/org.json", ".cardigan.yaml")
        try clone.git("commit", "-qm", "our schema")
        try clone.git("push", "-q", "origin", "main")
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try clone.cardigan("commit", "-m", "x v2").checked()
        let push = try fixture.push("--follow-tags", "origin", "main")
        #expect(push.status == 0, "\(push.error)")
        #expect(try fixture.server.git("tag", "-l", "cards/x/*") == "cards/x/v1\ncards/x/v2\n")
    }

    @Test func refusesNewTagsCardiganDidNotMake() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        let before = try fixture.serverRefs()
        let forged: [(tag: [String], text: String)] = [
            (
                ["-a", "-m", "cards/x/v9\n\nCard: x\nCard-Version: 9\nCard-Digest: sha256:00\n", "cards/x/v9"],
                "records no version 9 of 'x'"
            ),
            (["cards/x/v2"], "lightweight"),
            (
                ["-a", "-m", "model-packages/evil/1\n\nCard: x\nCard-Version: 1\n", "model-packages/evil/1"],
                "do not link model package 'evil/1'"
            ),
        ]
        for (arguments, text) in forged {
            try clone.repo.run(["git", "tag"] + arguments + ["HEAD"]).checked()
            let name = arguments.last ?? ""
            let push = try fixture.push("origin", name)
            #expect(push.status != 0, "\(name) was accepted")
            #expect(push.error.contains("tag '\(name)'") && push.error.contains(text), "\(push.error)")
        }
        #expect(try fixture.serverRefs() == before)
        // The real next version and its tag still go through.
        try clone.git("tag", "-d", "cards/x/v2")
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try clone.cardigan("commit", "-m", "x v2").checked()
        let push = try fixture.push("origin", "main", "cards/x/v2")
        #expect(push.status == 0, "\(push.error)")
    }

    @Test func prePushChecksEveryBranchNotOnlyTheProtectedOne() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        try clone.cardigan("hook", "install").checked()
        try clone.edit("cards/x.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Meduim")
        try clone.git("-c", "core.hooksPath=/dev/null", "commit", "-qam", "bad, hooks bypassed")
        let push = try fixture.push("origin", "HEAD:refs/heads/feature")
        #expect(push.status != 0)
        #expect(push.error.contains("[schema-enum]"), "\(push.error)")
        #expect(try fixture.server.git("branch", "--list", "feature") == "")
    }

    @Test func prePushSaysNothingOddWhenTheRemoteIsAhead() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        try clone.cardigan("hook", "install").checked()
        let other = try CardRepo()
        try other.git("fetch", "-q", fixture.server.path, "main:other")
        try other.git("reset", "-q", "--hard", "other")
        try other.write("notes.txt", "other\n")
        try other.git("add", "notes.txt")
        try other.git("commit", "-qm", "other")
        try other.git("push", "-q", fixture.server.path, "HEAD:main")
        try clone.write("mine.txt", "mine\n")
        try clone.git("add", "mine.txt")
        try clone.git("commit", "-qm", "mine")
        let push = try fixture.push("origin", "main")
        #expect(push.status != 0)
        #expect(!push.error.contains("git_graph_descendant_of"), "\(push.error)")
        #expect(push.error.contains("rejected"), "\(push.error)")
    }

    @Test func refusesAnUnversionedCardChange() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        let before = try fixture.serverRefs()
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Sneaky.")
        try clone.git("commit", "-qam", "plain edit")
        let push = try fixture.push("origin", "main")
        #expect(push.status != 0)
        #expect(push.error.contains("[unversioned-change]"), "\(push.error)")
        #expect(try fixture.serverRefs() == before)
        try fixture.server.git("fsck", "--strict")
    }

    @Test func aPlainGitCommitWithHooksMakesTheSameVersion() throws {
        let viaCardigan = try CardRepo()
        let viaGit = try CardRepo()
        for repo in [viaCardigan, viaGit] {
            try repo.write("cards/x.yaml", CardRepo.card("x", description: "One."))
            try repo.cardigan("commit", "-m", "x").checked()
            try repo.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        }
        try viaGit.cardigan("hook", "install").checked()
        try viaCardigan.cardigan("commit", "-m", "Second version").checked()
        let commit = try viaGit.repo.run(["git", "commit", "-q", "-am", "Second version"])
        #expect(commit.status == 0, "\(commit.error)")
        let format = "--format=%B"
        #expect(try viaGit.git("log", "-1", format) == viaCardigan.git("log", "-1", format))
        // The tags say the same; only ids and times that depend on each repository differ.
        let tag = { (repo: CardRepo) in
            try repo.git("cat-file", "-p", "cards/x/v2").split(separator: "\n")
                .filter { !$0.hasPrefix("tagger") && !$0.hasPrefix("object") && !$0.hasPrefix("Previous:") }
        }
        #expect(try tag(viaGit) == tag(viaCardigan))
        let previous = try viaGit.git("rev-parse", "cards/x/v1").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try viaGit.git("cat-file", "-p", "cards/x/v2").contains("Previous: \(previous)"))
        #expect(try viaGit.cardigan("verify").status == 0)
    }

    /// Card lines a person writes into a plain commit's message are not a record: the hook
    /// still writes the real trailers (as the last paragraph, the one git reads) and the tag.
    /// Before, a message whose last lines were `Card: x` / `Card-Version: 3` skipped both, and
    /// `verify` found an unversioned change and a malformed record.
    @Test(arguments: [
        "Card: x\nCard-Version: 3", "Card: other\nCard-Version: 2\nCard-Status: Draft\nCard-Change: version",
    ])
    func cardLinesWrittenByHandDoNotStandForTheRecord(handWritten: String) throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x", description: "One."))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.cardigan("hook", "install").checked()
        try repo.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        let commit = try repo.repo.run(["git", "commit", "-q", "-a", "-m", "e\n\n" + handWritten])
        #expect(commit.status == 0, "\(commit.error)")
        let trailers = try repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Card: x\nCard-Version: 2\n"), "\(trailers)")
        #expect(!trailers.contains("Card-Version: 3") && !trailers.contains("Card: other"), "\(trailers)")
        #expect(try repo.git("tag", "--list", "cards/x/v2") == "cards/x/v2\n")
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")
    }

    @Test func hooksRefuseAmendingAVersionAndRepairMatchesTheirTags() throws {
        let repo = try CardRepo()
        try repo.cardigan("hook", "install").checked()
        try repo.write("cards/x.yaml", CardRepo.card("x", description: "One."))
        try repo.git("add", "cards/x.yaml")
        try repo.git("commit", "-qm", "x")
        let head = try repo.git("rev-parse", "HEAD")
        try repo.edit("cards/x.yaml", replacing: "One.", with: "Amended.")
        let amend = try repo.repo.run(["git", "commit", "-q", "--amend", "-a", "--no-edit"])
        #expect(amend.status != 0)
        #expect(amend.error.contains("[amend-refused]"), "\(amend.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        // The hook tagged as cardigan does, so a lost tag comes back as the same object.
        try repo.git("checkout", "-q", "--", "cards/x.yaml")
        let lost = try repo.git("rev-parse", "cards/x/v1")
        try repo.git("tag", "-d", "cards/x/v1")
        try repo.cardigan("verify", "--repair").checked()
        #expect(try repo.git("rev-parse", "cards/x/v1") == lost)
    }

    @Test func aTagLeftFromARewriteBlocksTheNextVersionEitherWay() throws {
        let repo = try CardRepo()
        try repo.cardigan("hook", "install").checked()
        try repo.write("cards/x.yaml", CardRepo.card("x", description: "One."))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try repo.cardigan("commit", "-m", "x v2").checked()
        try repo.git("reset", "-q", "--hard", "HEAD~1")  // cards/x/v2 now points off the branch
        try repo.edit("cards/x.yaml", replacing: "One.", with: "Another two.")
        let viaCardigan = try repo.cardigan("commit", "-m", "x v2 again")
        #expect(viaCardigan.status == 2)
        #expect(viaCardigan.error.contains("tag 'cards/x/v2' already exists"), "\(viaCardigan.error)")
        let head = try repo.git("rev-parse", "HEAD")
        let viaGit = try repo.repo.run(["git", "commit", "-q", "-am", "x v2 again"])
        #expect(viaGit.status != 0)
        #expect(viaGit.error.contains("[version-tag-leftover]"), "\(viaGit.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }

    @Test func preCommitBlocksAnInvalidStagedCard() throws {
        let repo = try CardRepo()
        try repo.cardigan("hook", "install").checked()
        try repo.write("cards/x.yaml", CardRepo.card("x", risk: "Meduim"))
        try repo.git("add", "cards/x.yaml")
        // The working tree is fixed, the index is not: the hook must read the staged content.
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        let commit = try repo.repo.run(["git", "commit", "-qm", "x"])
        #expect(commit.status != 0)
        #expect(commit.error.contains("cards/x.yaml:7:16: error: 'Meduim'"), "\(commit.error)")
        #expect((try? repo.git("rev-parse", "--verify", "-q", "HEAD")) == nil)
    }

    @Test func installKeepsAnExistingHookAndChainsIt() throws {
        let repo = try CardRepo()
        let hook = repo.path + "/.git/hooks/pre-commit"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/hooks", withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho own hook ran >&2\nexit 0\n".utf8).write(to: URL(fileURLWithPath: hook))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        let install = try repo.cardigan("hook", "install").checked()
        #expect(install.output.contains("kept as pre-commit.local"))
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.git("add", "cards/x.yaml")
        let commit = try repo.repo.run(["git", "commit", "-qm", "x"])
        #expect(commit.status == 0 && commit.error.contains("own hook ran"), "\(commit.error)")
        #expect(try repo.cardigan("hook", "install").checked().output.contains("updated pre-commit"))
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: URL(fileURLWithPath: hook))
        let refused = try repo.cardigan("hook", "install")
        #expect(refused.status == 2 && refused.error.contains("pre-commit.local' exists too"))
    }
}
