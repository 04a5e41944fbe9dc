import Foundation
import TestSupport
import Testing

/// `cardigan diff` through the built binary.
@Suite struct DiffEndToEndTests {
    @Test func showsTheWorkingChangeAgainstTheLatestVersion() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Low"))
        try repo.cardigan("commit", "-m", "a").checked()
        let clean = try repo.cardigan("diff", "a").checked()
        #expect(clean.output.contains("no changes"))

        try repo.edit("cards/a.yaml", replacing: "risk_rating: Low", with: "risk_rating: High")
        let result = try repo.cardigan("diff", "a")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "a: modified, v1 → working tree\n  intended_uses.risk_rating: Low → High\n")
    }

    @Test func comparesTwoVersions() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Low"))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        try repo.cardigan("commit", "-m", "weekly").checked()
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Low", with: "risk_rating: High")

        let result = try repo.cardigan("diff", "a", "1", "2").checked()
        #expect(
            result.output
                == "a: modified, v1 → v2 (version 1 → 2)\n  model_overview.model_description: Predicts churn. → Predicts churn weekly.\n"
        )
        let json = try repo.cardigan("diff", "a", "v1", "--format", "json").checked()
        #expect(json.output.contains("\"path\" : \"intended_uses.risk_rating\""))
        #expect(json.output.contains("\"path\" : \"model_overview.model_description\""))
    }

    @Test func jsonCarriesTheValuesThemselves() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        let long = String(repeating: "A long description of what the model predicts. ", count: 5)
        try repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: long)
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High\n  limitations: x")
        let output = try repo.cardigan("diff", "a", "--format", "json").checked().output
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8))
        let cards = ((decoded as? [String: Any])?["cards"] as? [[String: Any]]) ?? []
        let changes = (cards.first?["changes"] as? [[String: Any]]) ?? []
        let description = changes.first { $0["path"] as? String == "model_overview.model_description" }
        // The display string is cut at 120 characters; the value is whole.
        #expect((description?["new"] as? String)?.hasSuffix("…") == true, "\(output)")
        #expect(description?["new_value"] as? String == long.trimmingCharacters(in: .whitespaces), "\(output)")
        #expect(description?["old_value"] as? String == "Predicts churn.")
    }

    @Test func comparesRevisionsAsMarkdown() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Low"))
        try repo.write("cards/gone.yaml", CardRepo.card("gone"))
        try repo.cardigan("commit", "-m", "first").checked()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Low", with: "risk_rating: High")
        try repo.write("cards/b.yaml", CardRepo.card("b"))
        try repo.cardigan("commit", "-m", "second").checked()
        try repo.git("rm", "-q", "cards/gone.yaml")
        try repo.git("commit", "-qm", "drop gone")

        let result = try repo.cardigan("diff", "--base", base, "--head", "HEAD", "--format", "markdown").checked()
        let output = result.output
        #expect(output.contains("| `a` | v1 → v2 | Draft | Low → **High** | 1 |"), "\(output)")
        #expect(output.contains("| `b` (added) | — → v1 |"), "\(output)")
        #expect(output.contains("| `gone` (removed) | v1 → — |"), "\(output)")
        #expect(output.contains("- `intended_uses.risk_rating`: `Low` → `High`"))
        let a = try #require(output.range(of: "### `a`"))
        let b = try #require(output.range(of: "### `b`"))
        #expect(a.lowerBound < b.lowerBound)
    }

    @Test func refusesUnknownCardsVersionsAndRevisions() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        for arguments in [
            ["diff", "nope"], ["diff", "a", "7"], ["diff", "a", "x"], ["diff", "--base", "no-such-rev"], ["diff"],
        ] {
            let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
            #expect(result.status == 2, "\(arguments): \(result.output) \(result.error)")
        }
    }
}
