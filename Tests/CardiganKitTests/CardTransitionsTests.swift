import Foundation
import Testing

@testable import CardiganKit

/// ``CardTransitions`` on facts alone: each refused move gives its rule id, message and field,
/// each allowed one gives nothing, and `verify`'s history rules say the very same thing as
/// `commit` and the hooks.
@Suite struct CardTransitionsTests {
    private let moves = CardTransitions(card: "churn", path: "cards/churn.yaml")

    @Test func refusesStatusMovesOutsideTheLifecycle() throws {
        let selfApproved = try #require(
            moves.statusChange(from: .draft, to: .approved, at: SourcePosition(line: 2, column: 9)))
        #expect(selfApproved.ruleID == .statusMove)
        #expect(selfApproved.message == "status of 'churn' cannot move from Draft to Approved")
        #expect(
            selfApproved.location
                == Location(path: "cards/churn.yaml", position: SourcePosition(line: 2, column: 9), pointer: "/status"))
        #expect(selfApproved.hint == "a card is approved after review: move it to PendingReview first")
        let backToDraft = try #require(moves.statusChange(from: .approved, to: .draft))
        #expect(backToDraft.hint == "an approved card returns to Draft only with a new version: change its content")
        #expect(moves.statusChange(from: .archived, to: .draft)?.hint == "an archived card changes no more")
        #expect(moves.statusChange(from: .pendingReview, to: .archived)?.ruleID == .statusMove)
    }

    @Test func allowsEveryLifecycleMove() {
        let allowed: [(CardStatus, CardStatus)] = [
            (.draft, .pendingReview), (.pendingReview, .draft), (.pendingReview, .approved), (.approved, .archived),
            (.draft, .draft),
        ]
        for (from, to) in allowed { #expect(moves.statusChange(from: from, to: to) == nil, "\(from) → \(to)") }
    }

    @Test func anArchivedCardChangesNoMore() throws {
        let edit = try #require(moves.contentChange(after: .archived))
        #expect(edit.ruleID == .statusMove)
        #expect(edit.message == "card 'churn' is archived and changes no more")
        #expect(edit.location == Location(path: "cards/churn.yaml"))
        for status in [CardStatus.draft, .pendingReview, .approved] {
            #expect(moves.contentChange(after: status) == nil)
        }
        #expect(moves.contentChange(after: nil) == nil)
    }

    @Test func theModelNameNeverChanges() throws {
        let renamed = try #require(moves.modelNameChange(from: "churn-xgb", to: "churn-lgbm"))
        #expect(renamed.ruleID == .modelNameChanged)
        #expect(renamed.message == "'model_overview.model_name' of 'churn' changed from 'churn-xgb' to 'churn-lgbm'")
        #expect(renamed.location?.pointer == "/model_overview/model_name")
        #expect(moves.modelNameChange(from: "churn-xgb", to: "churn-xgb") == nil)
        #expect(moves.modelNameChange(from: nil, to: "churn-xgb") == nil)  // no name before: nothing changed
    }

    @Test func aNewVersionIsBornDraftOrPendingReview() throws {
        let approved = try #require(moves.birth(version: 3, status: .approved))
        #expect(approved.ruleID == .statusMove)
        #expect(
            approved.message
                == "version 3 of 'churn' cannot be born Approved; a new version is born Draft or PendingReview")
        #expect(approved.location?.pointer == "/status")
        #expect(moves.birth(version: 3, status: .archived) != nil)
        #expect(moves.birth(version: 3, status: .draft) == nil)
        #expect(moves.birth(version: 1, status: .pendingReview) == nil)
    }

    @Test func aCardOfARejectedPackageIsNotApproved() throws {
        let rejected = try #require(moves.approval(status: .approved, packageApproval: "Rejected"))
        #expect(rejected.ruleID == .packageRejected)
        #expect(rejected.message == "card 'churn' cannot be Approved: its model package's approval status is Rejected")
        #expect(rejected.location?.pointer == "/model_package_details/model_approval_status")
        #expect(moves.approval(status: .approved, packageApproval: "Approved") == nil)
        #expect(moves.approval(status: .approved, packageApproval: nil) == nil)
        #expect(moves.approval(status: .pendingReview, packageApproval: "Rejected") == nil)
    }

    /// The history rules (`verify`, `check`, the server hook) report the transitions' own
    /// findings, with the commit added: one message per rule, whoever checks it.
    @Test func theHistoryRulesSayWhatCommitSays() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1", modelName: "m")
        replay.blob("b2", digest: "1", status: .approved, modelName: "m")
        replay.blob("b3", digest: "3", modelName: "n")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        replay.commit("c2", ["a": "b2"], records: [cardRecord(1, digest: "1", .approved, .status)])
        replay.commit("c3", ["a": "b3"], records: [cardRecord(2, digest: "3")])
        let a = CardTransitions(card: "a", path: "cards/a.yaml")
        var expected = [a.statusChange(from: .draft, to: .approved), a.modelNameChange(from: "m", to: "n")]
        expected[0]?.commit = "c2"
        expected[1]?.commit = "c3"
        #expect(replay.rules.findings == expected.compactMap { $0 })
    }
}

/// ``LinkTag`` writes the link tag's message and reads it back.
@Suite struct LinkTagTests {
    @Test func writesTheMessageCardiganHasAlwaysWritten() throws {
        let package = try ModelPackage(parsing: "churn/3")
        let tag = LinkTag(
            package: package, card: "churn", cardVersion: 2,
            arn: "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3")
        #expect(
            tag.message == """
                model-packages/churn/3

                Card: churn
                Card-Version: 2
                Model-Package: churn/3
                Model-Package-Arn: arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3

                """)
        #expect(LinkTag(package: package, message: tag.message) == tag)
        let withoutARN = LinkTag(package: package, card: "churn", cardVersion: 2, arn: nil)
        #expect(!withoutARN.message.contains("Arn"))
        #expect(LinkTag(package: package, message: withoutARN.message) == withoutARN)
    }

    @Test func aHandMadeMessageNamesNoCard() throws {
        let package = try ModelPackage(parsing: "churn/3")
        let tag = LinkTag(package: package, message: "release 3\n\nCard-Version: three\n")
        #expect(tag.card == nil)
        #expect(tag.cardVersion == nil)
        #expect(tag.arn == nil)
    }
}
