import Foundation
import TestSupport
import Testing

/// What a newcomer's try-out found: JSON summaries that count what was checked, `null` for what
/// is absent, the newcomer blamed for a taken model name, a used card name refused by every
/// writer, and counts that read right in the singular.
@Suite struct TryOutFixesTests {
    /// The JSON summary of `arguments`.
    private func summary(_ repo: CardRepo, _ arguments: String...) throws -> [String: Any] {
        let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        return try #require(object?["summary"] as? [String: Any], "\(arguments): \(result.output)\(result.error)")
    }

    @Test func verifyAndCheckSummariesCountWhatTheyRead() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        try repo.cardigan("commit", "-m", "a v2").checked()

        let verify = try summary(repo, "verify", "--format", "json")
        let verifyCounts = try #require(verify["counts"] as? [String: Int], "\(verify)")
        let commits = try #require(verifyCounts["commits"])
        #expect(commits >= 2 && verify["checked"] as? Int == commits, "\(verify)")
        #expect(verifyCounts["versions"] == 2 && verifyCounts["version_tags"] == 2, "\(verify)")
        #expect(verifyCounts["link_tags"] == 0, "\(verify)")

        let check = try summary(repo, "check", "--base", base, "--format", "json")
        #expect(check["counts"] as? [String: Int] == ["commits": 1, "changed_cards": 1], "\(check)")
        #expect(check["checked"] as? Int == 1, "\(check)")
        // The text says it in the singular.
        let text = try repo.cardigan("check", "--base", base).checked()
        #expect(text.output.contains("no errors in 1 commit and 1 changed card\n"), "\(text.output)")

        // The twin: validate still counts cards.
        let validate = try summary(repo, "validate", "--format", "json")
        #expect(validate["checked"] as? Int == 1 && validate["counts"] as? [String: Int] == ["cards": 1])
    }

    @Test func aDiffFromNothingAndAFindingOfNoFieldAreNull() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        let result = try repo.cardigan("diff", "a", "--format", "json").checked()
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(diff["base"] is NSNull, "\(result.output)")
        let card = try #require((diff["cards"] as? [[String: Any]])?.first)
        let old = try #require(card["old"] as? [String: Any])
        #expect(old["label"] is NSNull && old["version"] is NSNull, "\(old)")
        // The text still says what the base is.
        #expect(try repo.cardigan("diff", "a").checked().output.contains("nothing"))

        try repo.cardigan("commit", "-m", "a").checked()
        // The twin: a committed card is diffed from its version.
        let committed = try repo.cardigan("diff", "a", "--format", "json").checked()
        #expect(committed.output.contains(#""base" : "v1""#), "\(committed.output)")

        // A missing tag names the card's file but no field in it.
        try repo.git("tag", "-d", "cards/a/v1")
        let verify = try repo.repo.run([PackagePaths.cardigan, "verify", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(verify.output.utf8)) as? [String: Any]
        let finding = try #require((object?["findings"] as? [[String: Any]])?.first, "\(verify.output)")
        #expect(finding["rule"] as? String == "version-tag-missing")
        #expect(finding["pointer"] is NSNull && finding["path"] as? String == "cards/a.yaml", "\(finding)")
        // The twin: a finding at a field keeps its pointer.
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Hihg")
        let validate = try repo.repo.run([PackagePaths.cardigan, "validate", "--format", "json"])
        #expect(validate.output.contains(#""pointer" : "/intended_uses/risk_rating""#), "\(validate.output)")
    }

    @Test func validateBlamesTheNewcomerForATakenModelName() throws {
        let repo = try CardRepo()
        try repo.write("cards/customer-churn.yaml", CardRepo.card("customer-churn", modelName: "customer-churn"))
        try repo.cardigan("commit", "-m", "customer-churn").checked()
        // A card whose name sorts first, with the committed card's model name.
        try repo.write("cards/churn-copy.yaml", CardRepo.card("churn-copy", modelName: "customer-churn"))
        let result = try repo.cardigan("validate")
        #expect(result.status == 1)
        #expect(
            result.output.contains(
                "cards/churn-copy.yaml:4:15: error: model name 'customer-churn' of 'churn-copy' is already documented by card 'customer-churn'; one card per model [model-name-taken]"
            ), "\(result.output)")
        #expect(!result.output.contains("cards/customer-churn.yaml:"), "\(result.output)")
        // `commit` agrees.
        let commit = try repo.cardigan("commit", "churn-copy", "-m", "copy")
        #expect(commit.status == 1 && commit.output.contains("[model-name-taken]"), "\(commit.output)")

        // The committed card changing its model name to one another card has is the newcomer.
        try FileManager.default.removeItem(atPath: repo.path + "/cards/churn-copy.yaml")
        try repo.write("cards/zeta.yaml", CardRepo.card("zeta", modelName: "zeta-model"))
        try repo.cardigan("commit", "-m", "zeta").checked()
        try repo.edit(
            "cards/customer-churn.yaml", replacing: "model_name: customer-churn", with: "model_name: zeta-model")
        let renamed = try repo.cardigan("validate")
        #expect(
            renamed.output.contains("cards/customer-churn.yaml:4:15: error: model name 'zeta-model'"),
            "\(renamed.output)")

        // The twin: two uncommitted cards keep today's order, the later name flagged.
        let fresh = try CardRepo()
        try fresh.write("cards/b.yaml", CardRepo.card("b", modelName: "m"))
        try fresh.write("cards/a.yaml", CardRepo.card("a", modelName: "m"))
        let both = try fresh.cardigan("validate")
        #expect(both.output.contains("cards/b.yaml:4:15: error: model name 'm' of 'b'"), "\(both.output)")
    }

    @Test func newAndImportRefuseANameThatHasVersionTags() throws {
        let repo = try CardRepo()
        try repo.write("cards/gone.yaml", CardRepo.card("gone"))
        try repo.cardigan("commit", "-m", "gone").checked()
        try repo.git("rm", "-q", "cards/gone.yaml")
        try repo.git("commit", "-qm", "remove gone")
        let refusal = "error: card 'gone' has version tags already; card names are never reused"
        repo.expect(try repo.cardigan("new", "gone"), status: 2, saying: refusal)
        try repo.write("content.json", #"{"model_overview":{"model_name":"gone-again"}}"#)
        repo.expect(
            try repo.cardigan("import", "--from", "sagemaker", "content.json", "--name", "gone"), status: 2,
            saying: refusal)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/cards/gone.yaml"))
        // The twin: a name never used is written by both.
        try repo.cardigan("new", "fresh").checked()
        try repo.cardigan("import", "--from", "sagemaker", "content.json", "--name", "other").checked()
        #expect(FileManager.default.fileExists(atPath: repo.path + "/cards/other.yaml"))
    }

    @Test func statusOfNoCardAndPackagesOfAnArchivedCardSayWhatIs() throws {
        // The s15 try-out: 'status nosuch Draft' said "has no committed version / commit it
        // first", and an Approved-then-Archived card showed "none approved".
        let repo = try CardRepo()
        try repo.write("cards/churn.yaml", CardRepo.card("churn"))
        try repo.cardigan("commit", "-m", "churn").checked()
        let none = try repo.cardigan("status", "nosuch", "Draft")
        #expect(none.status == 2, "\(none.output)")
        #expect(none.error.hasPrefix("error: there is no card 'nosuch' (no 'cards/nosuch.yaml')\n"), "\(none.error)")
        #expect(none.error.contains("'cardigan new nosuch' makes one"), "\(none.error)")
        // The twin: a card written but not committed is told to commit it.
        try repo.write("cards/fresh.yaml", CardRepo.card("fresh"))
        let fresh = try repo.cardigan("status", "fresh", "Draft")
        #expect(fresh.status == 2 && fresh.error.contains("card 'fresh' has no committed version"), "\(fresh.error)")

        try repo.cardigan("link", "churn", "--model-package", "churn/1").checked()  // churn v2
        try repo.cardigan("status", "churn", "PendingReview").checked()
        try repo.cardigan("status", "churn", "Approved").checked()
        let approved = try repo.cardigan("packages").checked().output
        #expect(approved.contains(" v2 Approved "), "\(approved)")
        try repo.cardigan("status", "churn", "Archived").checked()
        let text = try repo.cardigan("packages").checked().output
        let row = text.split(separator: "\n").dropFirst().first?.split(separator: " ")
        #expect(row == ["churn/1", "churn", "v2", "v2", "Archived", "archived", "intact"], "\(text)")
    }

    @Test func anUncommittedConfigurationIsCalledUncommittedNotDifferent() throws {
        // The s15 try-out: after 'cardigan init' with a registry section, 'list' said the
        // working tree's .cardigan.yaml "differs from the one on 'main'", which had none.
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.write(".cardigan.yaml", "registry:\n  kind: mlflow\n")
        let list = try repo.cardigan("list").checked()
        #expect(
            list.error.contains(
                "note: '.cardigan.yaml' is not committed on 'main' yet; the default configuration is used here until it is"
            ) && !list.error.contains("differs"), "\(list.error)")
        // The twin: once committed and then edited, the working tree's differs.
        try repo.git("add", ".cardigan.yaml")
        try repo.git("commit", "-qm", "settings")
        try repo.write(".cardigan.yaml", "registry:\n  kind: sagemaker\n  region: eu-west-1\n")
        let edited = try repo.cardigan("list").checked()
        #expect(
            edited.error.contains("note: the working tree's '.cardigan.yaml' differs from the one on 'main'"),
            "\(edited.error)")
    }
}
