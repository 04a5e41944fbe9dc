import Foundation
import TestSupport
import Testing

/// The link rules as `commit`, `link`, `clone` and `packages` apply them to hand-made cards and
/// hand-made tags: each refusal by its message at its line, nothing written, and the honest
/// twin beside it.
@Suite struct LinkRuleEndToEndTests {
    /// Card `name` with `extra` YAML appended (a `model_package_details` section).
    private static func card(_ name: String, _ extra: String = "") -> String {
        CardRepo.card(name) + extra
    }

    /// `model_package_details` naming `group`/`version`.
    private static func details(_ group: String, _ version: Int) -> String {
        "model_package_details:\n  model_package_group_name: \(group)\n  model_package_version: \(version)\n"
    }

    /// Cards `a` (linked to `churn/1` at its version 2) and `b` (version 1, unlinked).
    private func repoWithALink() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", Self.card("a"))
        try repo.write("cards/b.yaml", Self.card("b"))
        try repo.cardigan("commit", "-m", "two cards").checked()
        try repo.cardigan("link", "a", "--model-package", "churn/1").checked()
        return repo
    }

    /// The branch and the tags: what a refused commit must leave as it was.
    private func refs(_ repo: CardRepo) throws -> String {
        try repo.git("rev-parse", "HEAD") + repo.git("for-each-ref", "refs/tags")
    }

    @Test func commitRefusesLinksWrittenOrRemovedByHand() throws {
        let repo = try repoWithALink()
        let before = try refs(repo)

        // The section removed from a linked card.
        try repo.write("cards/a.yaml", Self.card("a"))
        repo.expect(
            try repo.cardigan("commit", "a", "-m", "drop the link"), status: 1,
            saying:
                "cards/a.yaml: error: model_package_details of 'a' was removed; a card documents its model version for good [link]"
        )
        try repo.git("checkout", "-q", "cards/a.yaml")

        // The section written by hand into a card that already has a version.
        try repo.write("cards/b.yaml", Self.card("b", Self.details("fraud", 1)))
        let byHand = try repo.cardigan("commit", "b", "-m", "link by hand")
        repo.expect(
            byHand, status: 1,
            saying:
                "cards/b.yaml:10:26: error: model_package_details of 'b' is written by 'cardigan link', not by hand [link]"
        )
        #expect(byHand.output.contains("hint: restore the section and run 'cardigan link b --model-package fraud/1'"))
        try repo.git("checkout", "-q", "cards/b.yaml")

        // Two new cards claiming one package version in one commit.
        try repo.write("cards/c.yaml", Self.card("c", Self.details("fraud", 2)))
        try repo.write("cards/d.yaml", Self.card("d", Self.details("fraud", 2)))
        repo.expect(
            try repo.cardigan("commit", "c", "d", "-m", "both"), status: 1,
            saying:
                "cards/d.yaml:10:26: error: model package 'fraud/2' is also claimed by card 'c' in this commit; it links to one card [link]"
        )
        try FileManager.default.removeItem(atPath: repo.path + "/cards/d.yaml")

        // A new card claiming a package version another card links.
        try repo.write("cards/c.yaml", Self.card("c", Self.details("churn", 1)))
        repo.expect(
            try repo.cardigan("commit", "c", "-m", "c"), status: 1,
            saying:
                "cards/c.yaml:10:26: error: model package 'churn/1' is already linked to card 'a' version 2; a model package version links to one card version, forever [link]"
        )
        #expect(try refs(repo) == before, "a refused commit wrote a commit or a tag")

        // The honest twin: a new card with its own package version is committed and linked.
        try repo.write("cards/c.yaml", Self.card("c", Self.details("fraud", 2)))
        try repo.cardigan("commit", "c", "-m", "c").checked()
        #expect(try repo.git("tag", "-l", "model-packages/*") == "model-packages/churn/1\nmodel-packages/fraud/2\n")
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func linkAndCloneRefuseWhatTheyCannotDoAndWriteNothing() throws {
        let repo = try repoWithALink()
        try repo.write("cards/e.yaml", Self.card("e"))
        let before = try refs(repo)
        let refusals: [(arguments: [String], saying: String)] = [
            (
                ["link", "e", "--model-package", "e/1"],
                "error: card 'e' has no committed version\n  hint: commit it first: 'cardigan commit e -m <message>'"
            ),
            (
                [
                    "link", "b", "--model-package", "fraud/1", "--arn",
                    "arn:aws:sagemaker:eu-west-1:123456789012:model/fraud",
                ],
                "error: ARN 'arn:aws:sagemaker:eu-west-1:123456789012:model/fraud' does not name a model package version (…:model-package/<group>/<version>)"
            ),
            (
                ["clone", "a", "a2", "--model-package", "churn/2", "--model-name", " "],
                "error: the new card's --model-name is empty"
            ),
            (
                ["clone", "a", "a2", "--model-package", "churn/2", "--model-name", "a2", "--approved"],
                "error: card 'a' has no Approved version\n  hint: clone its latest version (leave out --approved) or approve a version first"
            ),
        ]
        for refusal in refusals {
            let result = try repo.repo.run([PackagePaths.cardigan] + refusal.arguments)
            repo.expect(result, status: 2, saying: refusal.saying)
            #expect(try refs(repo) == before, "\(refusal.arguments) wrote a commit or a tag")
        }
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/cards/a2.yaml"))

        // The honest twin of --approved: once a version is Approved, the clone starts from it.
        for status in ["PendingReview", "Approved"] { try repo.cardigan("status", "a", status).checked() }
        try repo.cardigan("clone", "a", "a2", "--model-package", "churn/2", "--model-name", "a2", "--approved")
            .checked()
        #expect(try repo.read("cards/a2.yaml").hasPrefix("# Cloned from a v2 for model package churn/2"))
    }

    @Test func linkKeepsTheFieldsACardAlreadyHadInTheSection() throws {
        let repo = try CardRepo()
        try repo.write("cards/f.yaml", Self.card("f", "model_package_details:\n  model_package_status: Completed\n"))
        try repo.cardigan("commit", "f", "-m", "f").checked()
        try repo.cardigan("link", "f", "--model-package", "fraud/1", "--approval-status", "Approved").checked()
        #expect(
            try repo.read("cards/f.yaml").hasSuffix(
                "model_package_details:\n  model_package_status: Completed\n  model_package_group_name: fraud\n"
                    + "  model_package_version: 1\n  model_approval_status: Approved\n"))
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func packagesShowsTagsThatPointOffTheBranchOrAtAnotherVersionAsBroken() throws {
        let repo = try repoWithALink()
        let intact = try repo.cardigan("packages").checked().output
        #expect(intact.contains("churn/1") && intact.contains("intact") && !intact.contains("BROKEN"))

        let message = "Card: a\nCard-Version: 2"
        try repo.git("checkout", "-q", "-b", "side")
        try repo.git("commit", "-q", "--allow-empty", "-m", "side")
        let side = try repo.git("rev-parse", "--short=12", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("tag", "-a", "model-packages/x/1", "-m", message)
        try repo.git("checkout", "-q", "main")
        let first = try repo.git("rev-parse", "--short=12", "cards/b/v1^{commit}")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("tag", "-a", "model-packages/y/1", "-m", message, "cards/b/v1^{commit}")

        let broken = try repo.cardigan("packages")
        #expect(broken.status == 1, "\(broken.output)\(broken.error)")
        #expect(
            broken.output.contains(
                "BROKEN: 'model-packages/x/1' points at commit \(side), which the protected branch does not contain"),
            "\(broken.output)")
        #expect(
            broken.output.contains(
                "BROKEN: 'model-packages/y/1' points at commit \(first), which is not version 2 of 'a'"),
            "\(broken.output)")
    }
}
