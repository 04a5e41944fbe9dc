import Foundation
import Testing

@testable import CardiganKit

/// The semantic comparison of two card trees and its renderings.
@Suite struct SemanticDiffTests {
    static func tree(_ yaml: String) throws -> ValueNode {
        try #require(SafeYAMLLoader.load(Data(yaml.utf8), path: "cards/a.yaml").root)
    }

    static func card(
        status: String = "Draft", risk: String = "Low", description: String = "Predicts churn.",
        metrics: String = Self.metrics, extra: String = ""
    ) -> String {
        """
        name: a
        status: \(status)
        model_overview:
          model_name: a-model
          model_description: \(description)
        intended_uses:
          risk_rating: \(risk)
        evaluation_details:
          - name: holdout
            metric_groups:
              - name: binary
                metric_data:
        \(metrics)
        \(extra)
        """
    }

    static let metrics = """
                  - {name: auc, type: number, value: 0.91}
                  - {name: f1, type: number, value: 0.80}
        """

    static func changes(_ old: String, _ new: String) throws -> [CardChange] {
        SemanticDiff.compare(old: try tree(old), new: try tree(new), oldText: old, newText: new)
    }

    @Test func reportsARiskRatingChange() throws {
        let changes = try Self.changes(Self.card(), Self.card(risk: "High"))
        #expect(changes == [CardChange(path: "intended_uses.risk_rating", kind: .changed, old: "Low", new: "High")])
        #expect(DiffRenderer.textLine(changes[0]) == "intended_uses.risk_rating: Low → High")
    }

    @Test func matchesMetricsByNameAcrossReordering() throws {
        let reordered = """
                      - {name: f1, type: number, value: 0.80}
                      - {name: auc, type: number, value: 0.87}
            """
        let changes = try Self.changes(Self.card(), Self.card(metrics: reordered))
        #expect(
            changes.map(DiffRenderer.textLine) == [
                "evaluation_details[holdout].metric_groups[binary].auc: 0.91 → 0.87",
                "evaluation_details[holdout].metric_groups[binary].metric_data: reordered [auc, f1] → [f1, auc]",
            ])
    }

    @Test func reportsAddedAndRemovedListItems() throws {
        let swapped = """
                      - {name: auc, type: number, value: 0.91}
                      - {name: recall, type: number, value: 0.5}
            """
        let changes = try Self.changes(Self.card(), Self.card(metrics: swapped))
        #expect(
            changes.map(DiffRenderer.textLine) == [
                "evaluation_details[holdout].metric_groups[binary].f1: removed 0.80",
                "evaluation_details[holdout].metric_groups[binary].recall: added 0.5",
            ])
    }

    @Test func reportsAddedAndRemovedSections() throws {
        let added = Self.card(extra: "training_details:\n  training_observations: 'many'\n")
        let changes = try Self.changes(Self.card(), added)
        // Field by field, as a changed section is shown: a reviewer sees each new value.
        #expect(
            changes == [
                CardChange(
                    path: "training_details.training_observations", kind: .added, new: "many",
                    newValue: .string("many"))
            ])
        let removed = try Self.changes(added, Self.card())
        #expect(removed.map(\.kind) == [.removed])
        #expect(removed.map(\.path) == ["training_details.training_observations"])
    }

    @Test func matchesUnnamedListItemsByIndex() throws {
        let old = "name: a\nbusiness_details:\n  tags: [x, y]\n"
        let new = "name: a\nbusiness_details:\n  tags: [x, z, w]\n"
        #expect(
            try Self.changes(old, new).map(DiffRenderer.textLine) == [
                "business_details.tags[1]: y → z", "business_details.tags[2]: added w",
            ])
    }

    @Test func showsLongTextAsAWordDiff() throws {
        let before = "Predicts churn for retail customers using twelve months of purchase history and support tickets."
        let after = "Predicts churn for retail and online customers using eighteen months of purchase history."
        let changes = try Self.changes(Self.card(description: before), Self.card(description: after))
        let change = try #require(changes.first)
        #expect(changes.count == 1)
        #expect(change.words != nil)
        #expect(
            DiffRenderer.textLine(change)
                == "model_overview.model_description: Predicts churn for retail {+and online+} customers using "
                + "[-twelve-]{+eighteen+} months of purchase [-history and support tickets.-]{+history.+}")
        let markdown = DiffRenderer.markdownLine(change)
        #expect(markdown.contains("~~twelve~~ **eighteen**"))
    }

    @Test func wordDiffKeepsCommonWords() {
        let segments = WordDiff.segments(from: "a b c d", to: "a x c d e")
        #expect(WordDiff.text(segments) == "a [-b-]{+x+} c d {+e+}")
        #expect(WordDiff.markdown(segments) == "a ~~b~~ **x** c d **e**")
    }

    @Test func reportsAFormattingOnlyChange() throws {
        let old = Self.card()
        let new = "# reviewed in Q3\n" + old.replacingOccurrences(of: "value: 0.80", with: "value: 0.8")
        let changes = try Self.changes(old, new)
        #expect(changes == [CardChange(path: "", kind: .formatting)])
        #expect(try Self.changes(old, old).isEmpty)
    }

    @Test func reportsAStatusChangeAndNotFormatting() throws {
        let changes = try Self.changes(Self.card(), Self.card(status: "Approved"))
        #expect(changes == [CardChange(path: "status", kind: .changed, old: "Draft", new: "Approved")])
    }

    @Test func putsRiskAndApprovalFirstThenStatus() throws {
        let old = Self.card() + "model_package_details:\n  model_approval_status: PendingManualApproval\n"
        let new =
            Self.card(status: "PendingReview", risk: "High", description: "Predicts churn well.")
            + "model_package_details:\n  model_approval_status: Approved\n"
        let changes = try Self.changes(old, new)
        #expect(
            changes.map(\.path) == [
                "intended_uses.risk_rating", "model_package_details.model_approval_status", "status",
                "model_overview.model_description",
            ])
        #expect(changes[2] == CardChange(path: "status", kind: .changed, old: "Draft", new: "PendingReview"))
    }

    static let report: DiffReport = {
        let old = card(metrics: metrics)
        let new = card(
            status: "PendingReview", risk: "High",
            description:
                "Predicts churn for retail customers using eighteen months of purchase history and support tickets.",
            metrics: """
                          - {name: f1, type: number, value: 0.80}
                          - {name: auc, type: number, value: 0.87}
                          - {name: recall, type: number, value: 0.5}
                """)
        let oldRoot = SafeYAMLLoader.load(Data(old.utf8), path: "a").root
        let newRoot = SafeYAMLLoader.load(Data(new.utf8), path: "a").root
        let formatted = "# owner: retail-ml\n" + old
        return DiffReport(
            base: "main", head: "HEAD",
            cards: [
                CardDiff(
                    card: "churn", change: .modified,
                    old: CardDiff.Side(version: 1, label: "main", root: oldRoot),
                    new: CardDiff.Side(version: 2, label: "HEAD", root: newRoot),
                    changes: SemanticDiff.compare(old: oldRoot, new: newRoot, oldText: old, newText: new)),
                CardDiff(
                    card: "fraud", change: .added, old: CardDiff.Side(version: nil, label: "main", root: nil),
                    new: CardDiff.Side(version: 1, label: "HEAD", root: oldRoot),
                    changes: [CardChange(path: "name", kind: .added, new: "fraud")]),
                CardDiff(
                    card: "spam", change: .modified, old: CardDiff.Side(version: 3, label: "main", root: oldRoot),
                    new: CardDiff.Side(version: 3, label: "HEAD", root: oldRoot),
                    changes: SemanticDiff.compare(old: oldRoot, new: oldRoot, oldText: old, newText: formatted)),
            ])
    }()

    @Test func markdownMatchesGolden() {
        Golden.expect(DiffRenderer.markdown(Self.report), matches: "diff.md")
    }

    @Test func textMatchesGolden() {
        Golden.expect(DiffRenderer.text(Self.report), matches: "diff.txt")
    }

    @Test func jsonMatchesGolden() throws {
        Golden.expect(try DiffRenderer.render(Self.report, as: .json), matches: "diff.json")
    }
}
