import Foundation
import TestSupport
import Testing

/// Defects found by a review of the integrated audit-truth, hostile-input and approval work,
/// each reproduced with the built binary in a scratch repository.
@Suite struct ReviewFindingsTests {
    private func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// A plain `git commit` that sets the package's approval status by hand and claims, in a
    /// forged `Package-Details-Source:` trailer, that `source` made the change: a trailer is a
    /// claim, and neither `link` (which refuses a linked card) nor `clone` (which makes
    /// version 1) could have made version 3 of a linked card.
    @Test(arguments: ["link", "clone"])
    func aForgedPackageDetailsSourceDoesNotHideAHandEdit(source: String) throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.cardigan(
            "link", "x", "--model-package", "g/3", "--approval-status", "Rejected"
        ).checked()
        let edited = try repo.read("cards/x.yaml").replacingOccurrences(
            of: "model_approval_status: Rejected", with: "model_approval_status: Approved")
        // The digest of the edited card, as cardigan computes it in another repository.
        let other = try CardRepo()
        try other.write("cards/x.yaml", edited)
        try other.cardigan("commit", "-m", "x").checked()
        let digest = trimmed(try other.git("log", "-1", "--format=%(trailers:key=Card-Digest,valueonly)"))
        #expect(digest.hasPrefix("sha256:"))

        let base = trimmed(try repo.git("rev-parse", "HEAD"))
        try repo.write("cards/x.yaml", edited)
        try repo.write(
            ".git/forged-message",
            "approve the package by hand\n\nCard: x\nCard-Version: 3\nCard-Digest: \(digest)\nCard-Status: Draft\nCard-Change: version\nModel-Package: g/3\nPackage-Details-Source: \(source)\n"
        )
        try repo.git("commit", "-q", "-a", "-F", ".git/forged-message")
        let line = (edited.components(separatedBy: "\n").firstIndex { $0.contains("model_approval_status") } ?? -1) + 1
        for result in [try repo.cardigan("verify"), try repo.cardigan("check", "--base", base)] {
            #expect(result.status == 1)
            #expect(
                result.output.contains("cards/x.yaml:\(line):") && result.output.contains("[package-details-edited]"),
                "\(result.command): \(result.output)")
        }
    }

    /// The honest twin: `link` and `clone` record their changes, and `verify` accepts them.
    @Test func linkAndCloneStillRecordTheirPackageDetails() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.cardigan("link", "x", "--model-package", "g/3").checked()
        try repo.cardigan("clone", "x", "y", "--model-package", "g/4", "--model-name", "y-model").checked()
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)")
    }

    /// `show` and `export` of a card's latest version name the commit of that version's last
    /// record, not the branch head, which may be a commit about another card.
    @Test func theLatestVersionNamesItsOwnCommitNotTheBranchHead() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try repo.cardigan("status", "x", "PendingReview").checked()
        let own = trimmed(try repo.git("rev-parse", "HEAD"))
        try repo.write("cards/y.yaml", CardRepo.card("y"))
        try repo.cardigan("commit", "-m", "another card").checked()
        let head = trimmed(try repo.git("rev-parse", "HEAD"))
        #expect(own != head)

        for arguments in [["show", "x"], ["show", "x", "--card-version", "1"]] {
            let show = try repo.repo.run([PackagePaths.cardigan] + arguments).checked()
            #expect(show.output.contains("# commit \(own),"), "\(show.output)")
            #expect(!show.output.contains(head), "\(show.output)")
        }
        let export = try repo.cardigan("export", "x", "--format", "markdown", "-o", "-").checked()
        #expect(export.output.contains("content from commit \(own),"), "\(export.output)")
        let json = try repo.cardigan("show", "x", "--format", "json").checked()
        let shown = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(shown?["commit"] as? String == own, "\(json.output)")
    }

    /// A plain commit that moves the protected branch or the cards folder in `.cardigan.yaml`
    /// is refused by the server: the hook reads both from the branch, so once accepted, a below
    /// -threshold Approved or a force push of 'main' would pass. Another setting passes.
    @Test(arguments: [
        ("branch: main", "branch: other", "1:9"), ("cards: cards", "cards: elsewhere", "2:8"),
        ("fsync: true", "fsync: false", nil),
    ])
    func theServerRefusesAPushThatMovesTheProtectedSettings(old: String, new: String, refusedAt: String?) throws {
        let fixture = try PushFixture()
        let repo = fixture.clone
        try repo.commitConfiguration("branch: main\ncards: cards\nfsync: true\n")
        try repo.write("cards/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        try fixture.pushMain()

        try repo.edit(".cardigan.yaml", replacing: old, with: new)
        try repo.git("commit", "-q", "-a", "-m", "move a setting")
        let push = try fixture.push("origin", "main")
        if let refusedAt {
            #expect(push.status != 0, "the push was accepted")
            #expect(
                push.error.contains(
                    "remote: .cardigan.yaml:\(refusedAt): error: the push changes '\(old.prefix { $0 != ":" })'")
                    && push.error.contains("[push-refused]"), "\(push.error)")
        } else {
            #expect(push.status == 0, "\(push.error)")
        }
    }

    /// The honest twin: before the first card, a new repository may still set its folders up.
    @Test func aRepositoryWithoutCardsMayStillMoveItsCardsFolder() throws {
        let fixture = try PushFixture()
        let repo = fixture.clone
        try repo.write("README.md", "models\n")
        try repo.git("add", "README.md")
        try repo.git("commit", "-q", "-m", "start")
        try fixture.pushMain()
        try repo.commitConfiguration("cards: model-cards\n")
        let push = try fixture.push("origin", "main")
        #expect(push.status == 0, "\(push.error)")
    }

    /// The first push to an empty server is judged by the settings it brings: a repository that
    /// keeps its cards in `models/` (and one whose protected branch is `trunk`, on a server whose
    /// HEAD names `trunk`) is taken with its version tag; before, the server judged it by the default folder and refused
    /// it ("the trailers record card 'x', but the commit has no such card").
    @Test(arguments: [("cards: models\n", "main"), ("branch: trunk\ncards: models\n", "trunk")])
    func theFirstPushIsJudgedByTheSettingsItBrings(settings: String, branch: String) throws {
        let fixture = try PushFixture()
        let repo = fixture.clone
        if branch != "main" {
            try fixture.server.git("symbolic-ref", "HEAD", "refs/heads/" + branch)
            try repo.git("checkout", "-q", "-b", branch)
        }
        try repo.commitConfiguration(settings)
        try repo.write("models/x.yaml", CardRepo.card("x"))
        try repo.cardigan("commit", "-m", "x").checked()
        let push = try fixture.push("-q", "--follow-tags", "origin", branch)
        #expect(push.status == 0, "\(push.error)")
        #expect(try fixture.serverRefs().contains("refs/tags/cards/x/v1 "))

        // The settings taken are the pushed branch's: a forged version of x is still refused.
        try repo.edit("models/x.yaml", replacing: "Predicts churn.", with: "Predicts churn twice.")
        try repo.git("commit", "-q", "-a", "-m", "no new version")
        let refused = try fixture.push("origin", branch)
        #expect(refused.status != 0, "a changed card without a new version was taken")
    }
}
