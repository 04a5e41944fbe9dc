import Foundation
import TestSupport
import Testing

/// A rewritten pull request (`check-rewrite`) and each kind of refused push (`push-refused`, by
/// the server's pre-receive hook and the client's pre-push hook) name the place a person acts on,
/// as a compiler names a file: the head's branch, the pushed reference's name, or the
/// line of `.cardigan.yaml` that moved a protected setting.
@Suite struct RefusalLocationTests {
    /// A repository on branch `pr`, a history of two commits unrelated to `main`'s (a branch
    /// merely behind `main` is judged from the merge base, no rewrite). Returns `main`'s commit.
    private func rewrittenPullRequest() throws -> (CardRepo, base: String) {
        let repo = try CardRepo.withTwoCards()
        try repo.git("checkout", "-q", "--orphan", "pr")
        try repo.git("commit", "-qm", "the cards, again")
        try repo.write("notes.txt", "notes\n")
        try repo.git("add", "notes.txt")
        try repo.git("commit", "-qm", "notes")
        return (repo, try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The `path` of each finding of `rule` in `check --format json` output.
    private func paths(_ result: ProcessResult, rule: String) throws -> [String?] {
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return findings.filter { $0["rule"] as? String == rule }.map { $0["path"] as? String }
    }

    /// An orphan branch is placed at the branch's name, as a refused push names it, never at
    /// its file inside `.git` (meaningless to a reviewer, and gone once references are packed);
    /// the message says what is wrong once, the head's commit in the suffix, and the hint how to
    /// start again from the base.
    @Test func aRewrittenPullRequestNamesTheHeadsBranchInEveryFormat() throws {
        let (repo, base) = try rewrittenPullRequest()
        let head = String(try repo.git("rev-parse", "pr").prefix(12))
        let text = try repo.cardigan("check", "--base", "main")
        #expect(text.status == 1)
        #expect(
            text.output.hasPrefix(
                "refs/heads/pr: error: 'pr' shares no commit with the base 'main': it does not start from the base (an orphan branch, or a rewritten history) (commit \(head)) [check-rewrite]\n    hint: start a branch from the base ('git switch -c <branch> main'), bring the cards over ('git checkout pr -- cards')"
            ), "\(text.output)")
        #expect(!text.output.contains(".git/"), "\(text.output)")
        let json = try repo.cardigan("check", "--base", base, "--format", "json")
        #expect(try paths(json, rule: "check-rewrite") == ["refs/heads/pr"], "\(json.output)")
        let github = try repo.cardigan("check", "--base", base, "--format", "github")
        #expect(github.output.contains("::error file=refs/heads/pr,title=check-rewrite::"), "\(github.output)")
        let sarif = try repo.cardigan("check", "--base", base, "--format", "sarif")
        #expect(sarif.output.contains(#""uri" : "refs/heads/pr""#), "\(sarif.output)")
        // `--head` names the reference itself; a detached HEAD (a CI checkout) is git's HEAD.
        let named = try repo.cardigan("check", "--base", base, "--head", "pr", "--format", "json")
        #expect(try paths(named, rule: "check-rewrite") == ["refs/heads/pr"], "\(named.output)")
        try repo.git("checkout", "-q", "--detach")
        let detached = try repo.cardigan("check", "--base", base, "--format", "json")
        #expect(try paths(detached, rule: "check-rewrite") == ["HEAD"], "\(detached.output)")
        // The honest twin: a base that is an ancestor is no rewrite.
        let ancestor = try repo.cardigan("check", "--base", "pr~1")
        #expect(ancestor.status == 0 && !ancestor.output.contains("check-rewrite"), "\(ancestor.output)")
    }

    /// `--head` given as a commit id (or any revision that names no reference) is placed at the
    /// revision as given, what the person can look at; it used to be the repository's `.git`.
    @Test func aRewrittenHeadGivenAsACommitIDNamesTheRevisionAsGiven() throws {
        let (repo, base) = try rewrittenPullRequest()
        let head = String(try repo.git("rev-parse", "pr").prefix(12))
        let text = try repo.cardigan("check", "--base", base, "--head", head)
        #expect(text.status == 1)
        #expect(
            text.output.hasPrefix("\(head): error: '\(head)' shares no commit with the base "),
            "\(text.output)")
        #expect(!text.output.contains(".git: error"), "\(text.output)")
        let json = try repo.cardigan("check", "--base", base, "--head", head, "--format", "json")
        #expect(try paths(json, rule: "check-rewrite") == [head], "\(json.output)")
        let sarif = try repo.cardigan("check", "--base", base, "--head", head, "--format", "sarif")
        #expect(sarif.output.contains(#""uri" : "\#(head)""#), "\(sarif.output)")
        if SARIFSchemaCheck.usable {
            let valid = try SARIFSchemaCheck.validate(sarif.output)
            #expect(valid.status == 0, "\(valid.output)")
        }
        // A revision with an operator is named as typed too.
        let relative = try repo.cardigan("check", "--base", base, "--head", "pr~0", "--format", "json")
        #expect(try paths(relative, rule: "check-rewrite") == ["pr~0"], "\(relative.output)")
        // The honest twin: the same commit id on a base it descends from is no rewrite.
        let ancestor = try repo.cardigan("check", "--base", "pr~1", "--head", head)
        #expect(ancestor.status == 0 && !ancestor.output.contains("check-rewrite"), "\(ancestor.output)")
    }

    /// Packed references change nothing: the branch is named, not the line of `packed-refs`.
    @Test func aRewrittenPullRequestWithPackedReferencesStillNamesTheBranch() throws {
        let (repo, base) = try rewrittenPullRequest()
        try repo.git("pack-refs", "--all")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/refs/heads/pr"))
        let text = try repo.cardigan("check", "--base", base)
        #expect(text.output.hasPrefix("refs/heads/pr: error: 'pr' shares no commit with the base "), "\(text.output)")
    }

    /// `push` was refused by the server and said `text` at `place`, relayed by git as `remote:`.
    private func expectRefused(_ push: ProcessResult, at place: String, _ text: String) {
        #expect(push.status != 0, "the push was accepted")
        #expect(
            push.error.contains("remote: \(place): error: \(text)") && push.error.contains("[push-refused]"),
            "\(push.error)")
    }

    @Test func deletingAVersionTagNamesTheTag() throws {
        let fixture = try PushFixture.withCardX()
        expectRefused(
            try fixture.push("--delete", "origin", "cards/x/v1"), at: "refs/tags/cards/x/v1",
            "deleting tag 'cards/x/v1' is refused")
    }

    @Test func movingAVersionTagNamesTheTag() throws {
        let fixture = try PushFixture.withCardX()
        try fixture.clone.write("notes.txt", "n\n")
        try fixture.clone.git("add", "notes.txt")
        try fixture.clone.git("commit", "-qm", "notes")
        try fixture.pushMain()
        try fixture.clone.git("tag", "-f", "-a", "-m", "moved", "cards/x/v1", "HEAD")
        expectRefused(
            try fixture.push("--force", "origin", "cards/x/v1"), at: "refs/tags/cards/x/v1",
            "moving tag 'cards/x/v1' is refused")
    }

    @Test func aNewTagCardiganDidNotMakeNamesTheTag() throws {
        let fixture = try PushFixture.withCardX()
        try fixture.clone.git("tag", "-a", "-m", "by hand", "cards/foo", "main")
        expectRefused(
            try fixture.push("origin", "cards/foo"), at: "refs/tags/cards/foo",
            "tag 'cards/foo' is not a version tag")
    }

    /// A commit whose hand-written trailers are no record (`record-malformed`, about no file) is
    /// refused at the pushed branch, like every other refusal; it used to print with no place.
    @Test func aMalformedRecordPushedNamesTheBranch() throws {
        let fixture = try PushFixture.withCardX()
        try fixture.clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try fixture.clone.git(
            "commit", "-q", "-a", "-m", "sneaky\n\nCard: x\nCard-Version: 2\nCard-Status: Draft\nCard-Change: version")
        let push = try fixture.push("origin", "main")
        #expect(push.status != 0, "the push was accepted")
        #expect(push.error.contains("remote: refs/heads/main: error: the trailers of card 'x'"), "\(push.error)")
        #expect(push.error.contains("[record-malformed]"), "\(push.error)")
    }

    @Test func deletingTheProtectedBranchNamesTheBranch() throws {
        let fixture = try PushFixture.withCardX()
        expectRefused(
            try fixture.push("origin", ":main"), at: "refs/heads/main",
            "deleting the protected branch 'refs/heads/main' is refused")
    }

    @Test func aForcePushNamesTheBranchOnTheServerAndInThePrePushHook() throws {
        let fixture = try PushFixture.withCardX()
        try fixture.clone.git("commit", "-q", "--amend", "-m", "rewritten")
        expectRefused(
            try fixture.push("--force", "origin", "main"), at: "refs/heads/main", "'refs/heads/main' would move from")
        // The client's pre-push hook says it first, at the same place, before anything is sent.
        try fixture.clone.cardigan("hook", "install").checked()
        let push = try fixture.push("--force", "origin", "main")
        #expect(push.status != 0)
        #expect(!push.error.contains("remote:"), "\(push.error)")
        #expect(push.error.contains("refs/heads/main: error: 'refs/heads/main' would move from"), "\(push.error)")
    }

    @Test func movingAProtectedSettingNamesItsLineOfTheConfiguration() throws {
        let fixture = try PushFixture()
        let repo = fixture.clone
        try repo.commitConfiguration("fsync: true\ncards: model-cards\n")
        // The server reads the settings from its own branch: the configuration goes first.
        try fixture.pushMain()
        try repo.write("model-cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try fixture.pushMain()
        try repo.edit(".cardigan.yaml", replacing: "cards: model-cards", with: "cards: elsewhere")
        try repo.git("commit", "-q", "-a", "-m", "move the cards")
        expectRefused(try fixture.push("origin", "main"), at: ".cardigan.yaml:2:8", "the push changes 'cards'")
        // A setting taken out (back to the default folder) has no line left: the file is named.
        try repo.write(".cardigan.yaml", "fsync: true\n")
        try repo.git("commit", "-q", "-a", "--amend", "-m", "drop the cards setting")
        expectRefused(try fixture.push("origin", "main"), at: ".cardigan.yaml", "the push changes 'cards'")
    }
}
