import Foundation
import Testing

@testable import CardiganKit

/// A history replayed through ``HistoryRules`` from facts alone: commits named `c1`, `c2`…,
/// blobs named by the test, each blob's snapshot given directly.
struct HistoryReplay {
    var rules = HistoryRules(cardsDirectory: "cards")
    var state: [String: CardState] = [:]
    var snapshots: [String: CardSnapshot] = [:]

    /// A digest that differs per `tag`.
    static func digest(_ tag: Character) -> String { "sha256:" + String(repeating: tag, count: 64) }

    /// Registers blob `blob` as a card with these fields.
    mutating func blob(
        _ blob: String, digest: Character, status: CardStatus = .draft, name: String = "a", modelName: String = "m",
        package: String? = nil, problem: String? = nil
    ) {
        snapshots[blob] = CardSnapshot(
            digest: Self.digest(digest), status: status, name: name, modelName: modelName, modelPackage: package,
            riskRating: "Low", problem: problem)
    }

    /// Applies commit `id` changing `changes` (card → blob, nil: deleted) with trailers `records`.
    mutating func commit(
        _ id: String, _ changes: [String: String?], records: [CardRecord] = [], problems: [String] = []
    ) {
        let facts = CommitFacts(id: id, parents: [], records: records, trailerProblems: problems)
        let known = snapshots
        rules.apply(facts, to: &state, changes: changes) { known[$0] ?? CardSnapshot(problem: "unknown blob \($0)") }
    }

    /// `rule@commit` of every finding, in order.
    var found: [String] { rules.findings.map { "\($0.ruleID)@\($0.commit ?? "-")" } }
}

/// A record of card `card` as cardigan writes it.
func cardRecord(
    _ version: Int, card: String = "a", digest: Character, _ status: CardStatus = .draft,
    _ change: CardRecord.Change = .version, package: String? = nil
) -> CardRecord {
    CardRecord(
        card: card, version: version, digest: HistoryReplay.digest(digest), status: status, change: change,
        modelPackage: package)
}

/// Rules 1, 2, 4, 5 and 6 of DESIGN.md on hand-made facts: each rule id at its commit, and the
/// honest history beside it that must pass.
@Suite struct HistoryRulesTests {
    /// a v1 (c1), v2 (c2), a status commit to PendingReview (c3), a format-only commit (c4).
    private func honest() -> HistoryReplay {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1")
        replay.blob("b2", digest: "2")
        replay.blob("b3", digest: "2", status: .pendingReview)
        replay.blob("b4", digest: "2", status: .pendingReview)
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        replay.commit("c2", ["a": "b2"], records: [cardRecord(2, digest: "2")])
        replay.commit("c3", ["a": "b3"], records: [cardRecord(2, digest: "2", .pendingReview, .status)])
        replay.commit("c4", ["a": "b4"], records: [cardRecord(2, digest: "2", .pendingReview, .format)])
        return replay
    }

    /// The one-card-per-model check looks among the cards that ever held the name: a deleted
    /// card frees its name, a card still there is named, and so is one of a state the rules did
    /// not make (a pull request's base).
    @Test func aModelNameIsTakenOnlyByACardOfTheStateNow() {
        var replay = HistoryReplay()
        replay.state["base"] = CardState(version: 1, digest: nil, blob: "base1", modelName: "mbase")
        replay.rules.noteModelNames(of: replay.state)
        replay.blob("a1", digest: "1", name: "a", modelName: "m")
        replay.blob("b1", digest: "2", name: "b", modelName: "mb")
        replay.blob("x1", digest: "3", name: "x", modelName: "m")
        replay.blob("y1", digest: "4", name: "y", modelName: "mb")
        replay.blob("z1", digest: "5", name: "z", modelName: "mbase")
        replay.commit(
            "c1", ["a": "a1", "b": "b1"], records: [cardRecord(1, digest: "1"), cardRecord(1, card: "b", digest: "2")])
        replay.commit("c2", ["a": nil])
        replay.commit("c3", ["x": "x1"], records: [cardRecord(1, card: "x", digest: "3")])
        replay.commit("c4", ["y": "y1"], records: [cardRecord(1, card: "y", digest: "4")])
        replay.commit("c5", ["z": "z1"], records: [cardRecord(1, card: "z", digest: "5")])
        #expect(replay.found == ["card-deleted@c2", "model-name-taken@c4", "model-name-taken@c5"])
        let taken = replay.rules.findings.filter { $0.ruleID == .modelNameTaken }.map(\.message)
        #expect(taken.count == 2 && taken[0].contains("card 'b'") && taken[1].contains("card 'base'"), "\(taken)")
    }

    @Test func anHonestHistoryHasNoFindings() {
        let replay = honest()
        #expect(replay.found == [])
        #expect(replay.rules.versions.map { "\($0.card)/\($0.version)@\($0.commit)" } == ["a/1@c1", "a/2@c2"])
        #expect(replay.state["a"]?.version == 2 && replay.state["a"]?.status == .pendingReview)
    }

    @Test func malformedTrailersAndATwiceRecordedCard() {
        var replay = honest()
        replay.blob("b5", digest: "5", status: .draft)
        replay.commit(
            "c5", ["a": "b5"], records: [cardRecord(3, digest: "5"), cardRecord(3, digest: "5")],
            problems: ["'Card-Version: x' is not a number"])
        #expect(replay.found == ["record-malformed@c5", "record-malformed@c5"])
        #expect(replay.rules.findings[0].location == nil)
        #expect(replay.rules.findings[1].location?.path == "cards/a.yaml")
    }

    @Test func recordsThatDisagreeWithTheTree() {
        var replay = honest()
        replay.commit("c5", [:], records: [cardRecord(1, card: "ghost", digest: "9")])
        replay.commit("c6", [:], records: [cardRecord(3, digest: "2", .pendingReview)])
        replay.blob("b7", digest: "7")
        replay.commit("c7", ["a": "b7"], records: [cardRecord(3, digest: "8")])
        replay.blob("b8", digest: "8")
        replay.commit("c8", ["a": "b8"], records: [cardRecord(4, digest: "8", .pendingReview)])
        #expect(
            replay.found == ["record-mismatch@c5", "record-mismatch@c6", "record-mismatch@c7", "record-mismatch@c8"])
        #expect(replay.rules.findings[2].message.contains("digest"))
        #expect(replay.rules.findings[3].message.contains("status PendingReview, but the card says Draft"))
    }

    @Test func aDeletedVersionedCardButNotAnUnversionedOne() {
        var replay = honest()
        replay.blob("x1", digest: "x", name: "x", modelName: "mx")
        replay.commit("c5", ["x": "x1"])  // added by hand: never versioned
        replay.commit("c6", ["x": nil])
        replay.commit("c7", ["a": nil])
        #expect(replay.found == ["unversioned-change@c5", "card-deleted@c7"])
        #expect(replay.rules.findings[1].location?.path == "cards/a.yaml")
    }

    @Test func changesWithoutTheirRecord() {
        var replay = honest()
        replay.blob("b5", digest: "5", status: .pendingReview)
        replay.commit("c5", ["a": "b5"])
        replay.blob("b6", digest: "5", status: .draft)
        replay.commit("c6", ["a": "b6"])
        #expect(replay.found == ["unversioned-change@c5", "unversioned-change@c6"])
        #expect(replay.rules.findings[1].message.contains("status of 'a' changed from PendingReview to Draft"))
    }

    @Test func aContentChangeRecordedAsAStatusOrFormatChange() {
        var replay = honest()
        replay.blob("b5", digest: "5", status: .pendingReview)
        replay.commit("c5", ["a": "b5"], records: [cardRecord(2, digest: "5", .pendingReview, .format)])
        replay.blob("b6", digest: "6", status: .pendingReview)
        replay.commit("c6", ["a": "b6"], records: [cardRecord(2, digest: "6", .pendingReview, .status)])
        #expect(replay.found == ["unversioned-change@c5", "unversioned-change@c6"])
        #expect(replay.rules.versions.count == 2)
    }

    @Test func versionNumbersThatSkipOrRepeat() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(2, digest: "1")])
        replay.blob("b2", digest: "2")
        replay.commit("c2", ["a": "b2"], records: [cardRecord(4, digest: "2")])
        replay.blob("b3", digest: "2", status: .pendingReview)
        replay.commit("c3", ["a": "b3"], records: [cardRecord(5, digest: "2", .pendingReview, .status)])
        #expect(replay.found == ["version-sequence@c1", "version-sequence@c2", "version-sequence@c3"])
        #expect(replay.rules.findings[1].message.contains("but the next version is 3"))
    }

    @Test func theNextVersionNumberPasses() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1")
        replay.blob("b2", digest: "2")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        replay.commit("c2", ["a": "b2"], records: [cardRecord(2, digest: "2")])
        #expect(replay.found == [])
    }

    @Test func statusMovesOutsideTheLifecycle() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1", status: .approved)
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1", .approved)])  // born Approved
        replay.blob("b2", digest: "1", status: .draft)
        replay.commit("c2", ["a": "b2"], records: [cardRecord(1, digest: "1", .draft, .status)])  // Approved → Draft
        #expect(replay.found == ["status-move@c1", "status-move@c2"])
        #expect(replay.rules.findings.map { $0.location?.pointer } == ["/status", "/status"])
    }

    @Test func anArchivedCardChangesNoMore() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1", status: .archived)
        replay.blob("b2", digest: "2", status: .draft)
        replay.state["a"] = CardState(version: 3, digest: HistoryReplay.digest("1"), status: .archived, blob: "b1")
        replay.commit("c1", ["a": "b2"], records: [cardRecord(4, digest: "2")])
        #expect(replay.found == ["status-move@c1"])
        #expect(replay.rules.findings[0].message == "card 'a' is archived and changes no more")
    }

    @Test func approvedToArchivedAndDraftToPendingReviewPass() {
        var replay = HistoryReplay()
        for (blob, status) in [("b1", CardStatus.draft), ("b2", .pendingReview), ("b3", .approved), ("b4", .archived)] {
            replay.blob(blob, digest: "1", status: status)
        }
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        replay.commit("c2", ["a": "b2"], records: [cardRecord(1, digest: "1", .pendingReview, .status)])
        replay.commit("c3", ["a": "b3"], records: [cardRecord(1, digest: "1", .approved, .status)])
        replay.commit("c4", ["a": "b4"], records: [cardRecord(1, digest: "1", .archived, .status)])
        #expect(replay.found == [])
    }

    @Test func theModelNameNeverChanges() {
        var replay = honest()
        replay.blob("b5", digest: "5", modelName: "other")
        replay.commit("c5", ["a": "b5"], records: [cardRecord(3, digest: "5")])
        #expect(replay.found == ["model-name-changed@c5"])
        #expect(replay.rules.findings[0].location?.pointer == "/model_overview/model_name")
    }

    @Test func anInvalidCardAndANameThatIsNotTheFileName() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1", name: "b", problem: "/status: 'Dreft' is not one of …")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        #expect(replay.found == ["invalid-card@c1", "name-changed@c1"])
        #expect(replay.rules.findings[1].location?.pointer == "/name")
    }

    @Test func aLinkIsMadeOnceAndNeverChanged() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1")
        replay.blob("b2", digest: "2", package: "churn/1")
        replay.blob("b3", digest: "3", package: "churn/2")
        replay.blob("b4", digest: "4")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        replay.commit("c2", ["a": "b2"], records: [cardRecord(2, digest: "2", package: "churn/1")])
        #expect(replay.found == [])
        #expect(
            replay.rules.links.map { "\($0.package) \($0.card) v\($0.version) \($0.commit)" } == ["churn/1 a v2 c2"])
        replay.commit("c3", ["a": "b3"], records: [cardRecord(3, digest: "3", package: "churn/2")])
        replay.commit("c4", ["a": "b4"], records: [cardRecord(4, digest: "4")])
        #expect(replay.found == ["link-changed@c3", "link-changed@c4"])
    }

    @Test func aLinkTheTrailersDoNotName() {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1", package: "churn/3")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1", package: "churn/99")])
        #expect(replay.found == ["record-mismatch@c1"])
        #expect(replay.rules.findings[0].message.contains("'churn/3'"))
    }

    @Test func aVersionMadeOnTwoBranchesIsADuplicate() {
        var rules = HistoryRules(cardsDirectory: "cards")
        let ours = CardState(version: 2, digest: "d1", status: .draft, blob: "x", versionCommit: "left")
        let theirs = CardState(version: 2, digest: "d2", status: .draft, blob: "y", versionCommit: "right")
        _ = rules.merge([["a": ours], ["a": theirs]], commit: "m", tree: ["a": "x"])
        #expect(rules.findings.map { "\($0.ruleID)@\($0.commit ?? "-")" } == ["version-duplicate@m"])
        // The honest twin: one branch made v3 after the other's v2.
        var clean = HistoryRules(cardsDirectory: "cards")
        var later = theirs
        later.version = 3
        let merged = clean.merge([["a": ours], ["a": later]], commit: "m", tree: ["a": "y"])
        #expect(clean.findings.isEmpty)
        #expect(merged["a"]?.version == 3)
    }
}
