import Testing

@testable import CardiganKit

/// One rule of ``HistoryRules`` on hand-made facts: a history that breaks it once, and its
/// honest twin, which differs in the one fact the rule is about and must pass. Both start
/// from card `a` version 1 (Draft, model name `m`) committed in `c1`.
struct HistoryRuleCase: Sendable, CustomTestStringConvertible {
    /// What the offending history does.
    var name: String
    /// The one finding it must get.
    var expected: PlacedFinding
    /// Breaks the rule, after ``start()``.
    var offending: @Sendable (inout HistoryReplay) -> Void
    /// Keeps it, after ``start()``.
    var twin: @Sendable (inout HistoryReplay) -> Void

    var testDescription: String { "\(expected.rule.rawValue): \(name)" }

    /// Card `a` version 1, Draft, in `c1`.
    static func start() -> HistoryReplay {
        var replay = HistoryReplay()
        replay.blob("b1", digest: "1")
        replay.commit("c1", ["a": "b1"], records: [cardRecord(1, digest: "1")])
        return replay
    }

    /// Card `a`'s file edited to blob `b2` (digest `2`; the other facts as given, else as
    /// ``HistoryReplay/blob(_:digest:status:name:modelName:package:problem:)`` has them) and
    /// committed in `c2` with `records`: the set-up most offending and twin cases share.
    static func edit(
        _ replay: inout HistoryReplay, status: CardStatus = .draft, name: String = "a", modelName: String = "m",
        package: String? = nil, problem: String? = nil, records: [CardRecord] = []
    ) {
        replay.blob(
            "b2", digest: "2", status: status, name: name, modelName: modelName, package: package, problem: problem)
        replay.commit("c2", ["a": "b2"], records: records)
    }

    /// Status commits of `a` (version 1) from Draft to `statuses`, in `c2`, `c3`…
    static func move(_ replay: inout HistoryReplay, through statuses: [CardStatus]) {
        for (offset, status) in statuses.enumerated() {
            let blob = "s\(offset)"
            replay.blob(blob, digest: "1", status: status)
            replay.commit("c\(offset + 2)", ["a": blob], records: [cardRecord(1, digest: "1", status, .status)])
        }
    }

    /// Card `a` (version 1) to PendingReview in `c2` and Approved in `c3`, its model package's
    /// approval status `package`.
    static func approve(_ replay: inout HistoryReplay, package: ModelApprovalStatus) {
        for (commit, status) in [("c2", CardStatus.pendingReview), ("c3", .approved)] {
            replay.blob(commit, digest: "1", status: status)
            replay.snapshots[commit]?.packageApproval = package.rawValue
            replay.commit(commit, ["a": commit], records: [cardRecord(1, digest: "1", status, .status)])
        }
    }

    /// Card `a` linked to `churn/1` in version 2 (`c2`, by `link`, details `d1`).
    static func linked(_ replay: inout HistoryReplay) {
        replay.blob("l2", digest: "2", package: "churn/1")
        replay.snapshots["l2"]?.packageDetails = "d1"
        var record = cardRecord(2, digest: "2", package: "churn/1")
        record.packageDetailsSource = PackageDetailsRule.link
        replay.commit("c2", ["a": "l2"], records: [record])
    }
}

@Suite struct HistoryRulesUnitTests {
    static let path = "cards/a.yaml"

    static let cases: [HistoryRuleCase] = [
        HistoryRuleCase(
            name: "a card recorded twice in one commit",
            expected: PlacedFinding(.recordMalformed, path: path, commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(&replay, records: [cardRecord(2, digest: "2"), cardRecord(2, digest: "2")])
            },
            twin: { replay in
                HistoryRuleCase.edit(&replay, records: [cardRecord(2, digest: "2")])
            }),
        HistoryRuleCase(
            name: "a trailer that cannot be read, about no file",
            expected: PlacedFinding(.recordMalformed, path: nil, pointer: nil, commit: "c2"),
            offending: { replay in replay.commit("c2", [:], problems: ["'Card-Version: x' is not a number"]) },
            twin: { replay in replay.commit("c2", [:]) }),
        HistoryRuleCase(
            name: "a record of a card the commit does not hold",
            expected: PlacedFinding(.recordMismatch, path: "cards/ghost.yaml", commit: "c2"),
            offending: { replay in replay.commit("c2", [:], records: [cardRecord(1, card: "ghost", digest: "9")]) },
            twin: { replay in
                replay.blob("g1", digest: "9", name: "ghost", modelName: "mg")
                replay.commit("c2", ["ghost": "g1"], records: [cardRecord(1, card: "ghost", digest: "9")])
            }),
        HistoryRuleCase(
            name: "a record giving another status than the card's",
            expected: PlacedFinding(.recordMismatch, path: path, pointer: "/status", commit: "c2"),
            offending: { replay in
                replay.blob("b2", digest: "1", status: .pendingReview)
                replay.commit("c2", ["a": "b2"], records: [cardRecord(1, digest: "1", .approved, .status)])
            },
            twin: { replay in
                replay.blob("b2", digest: "1", status: .pendingReview)
                replay.commit("c2", ["a": "b2"], records: [cardRecord(1, digest: "1", .pendingReview, .status)])
            }),
        HistoryRuleCase(
            name: "a versioned card deleted (its twin is archived instead)",
            expected: PlacedFinding(.cardDeleted, path: path, commit: "c2"),
            offending: { replay in replay.commit("c2", ["a": nil]) },
            twin: { replay in HistoryRuleCase.move(&replay, through: [.pendingReview, .approved, .archived]) }),
        HistoryRuleCase(
            name: "a new card with the model name of another",
            expected: PlacedFinding(
                .modelNameTaken, path: "cards/x.yaml", pointer: "/model_overview/model_name", commit: "c2"),
            offending: { replay in
                replay.blob("x1", digest: "x", name: "x", modelName: "m")
                replay.commit("c2", ["x": "x1"], records: [cardRecord(1, card: "x", digest: "x")])
            },
            twin: { replay in
                replay.blob("x1", digest: "x", name: "x", modelName: "mx")
                replay.commit("c2", ["x": "x1"], records: [cardRecord(1, card: "x", digest: "x")])
            }),
        HistoryRuleCase(
            name: "a content change without a record",
            expected: PlacedFinding(.unversionedChange, path: path, commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(&replay)
            },
            twin: { replay in
                HistoryRuleCase.edit(&replay, records: [cardRecord(2, digest: "2")])
            }),
        HistoryRuleCase(
            name: "a version number skipped",
            expected: PlacedFinding(.versionSequence, path: path, commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(&replay, records: [cardRecord(3, digest: "2")])
            },
            twin: { replay in
                HistoryRuleCase.edit(&replay, records: [cardRecord(2, digest: "2")])
            }),
        HistoryRuleCase(
            name: "version 2 made on two branches",
            expected: PlacedFinding(.versionDuplicate, path: path, commit: "c2"),
            offending: { replay in
                let ours = CardState(version: 2, digest: "d1", status: .draft, blob: "x", versionCommit: "left")
                let theirs = CardState(version: 2, digest: "d2", status: .draft, blob: "y", versionCommit: "right")
                _ = replay.rules.merge([["a": ours], ["a": theirs]], commit: "c2", tree: ["a": "x"])
            },
            twin: { replay in
                let ours = CardState(version: 2, digest: "d1", status: .draft, blob: "x", versionCommit: "left")
                let theirs = CardState(version: 3, digest: "d2", status: .draft, blob: "y", versionCommit: "right")
                _ = replay.rules.merge([["a": ours], ["a": theirs]], commit: "c2", tree: ["a": "y"])
            }),
        HistoryRuleCase(
            name: "the model name changed in a new version",
            expected: PlacedFinding(.modelNameChanged, path: path, pointer: "/model_overview/model_name", commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(&replay, modelName: "other", records: [cardRecord(2, digest: "2")])
            },
            twin: { replay in
                HistoryRuleCase.edit(&replay, modelName: "m", records: [cardRecord(2, digest: "2")])
            }),
        HistoryRuleCase(
            name: "Approved back to Draft by a status commit",
            expected: PlacedFinding(.statusMove, path: path, pointer: "/status", commit: "c4"),
            offending: { replay in HistoryRuleCase.move(&replay, through: [.pendingReview, .approved, .draft]) },
            twin: { replay in HistoryRuleCase.move(&replay, through: [.pendingReview, .approved, .archived]) }),
        HistoryRuleCase(
            name: "a new version born Approved",
            expected: PlacedFinding(.statusMove, path: path, pointer: "/status", commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(&replay, status: .approved, records: [cardRecord(2, digest: "2", .approved)])
            },
            twin: { replay in
                HistoryRuleCase.edit(
                    &replay, status: .pendingReview, records: [cardRecord(2, digest: "2", .pendingReview)])
            }),
        HistoryRuleCase(
            name: "an archived card changed",
            expected: PlacedFinding(.statusMove, path: path, commit: "c5"),
            offending: { replay in
                HistoryRuleCase.move(&replay, through: [.pendingReview, .approved, .archived])
                replay.blob("b5", digest: "5")
                replay.commit("c5", ["a": "b5"], records: [cardRecord(2, digest: "5")])
            },
            twin: { replay in
                HistoryRuleCase.move(&replay, through: [.pendingReview, .approved])
                replay.blob("b5", digest: "5")
                replay.commit("c5", ["a": "b5"], records: [cardRecord(2, digest: "5")])
            }),
        HistoryRuleCase(
            name: "a linked card names another model package",
            expected: PlacedFinding(
                .linkChanged, path: path, pointer: "/model_package_details/model_package_version", commit: "c3"),
            offending: { replay in
                HistoryRuleCase.edit(
                    &replay, package: "churn/1", records: [cardRecord(2, digest: "2", package: "churn/1")])
                replay.blob("b3", digest: "3", package: "churn/2")
                replay.commit("c3", ["a": "b3"], records: [cardRecord(3, digest: "3", package: "churn/2")])
            },
            twin: { replay in
                HistoryRuleCase.edit(
                    &replay, package: "churn/1", records: [cardRecord(2, digest: "2", package: "churn/1")])
                replay.blob("b3", digest: "3", package: "churn/1")
                replay.commit("c3", ["a": "b3"], records: [cardRecord(3, digest: "3", package: "churn/1")])
            }),
        HistoryRuleCase(
            name: "a linked card drops its model package",
            expected: PlacedFinding(.linkChanged, path: path, commit: "c3"),
            offending: { replay in
                HistoryRuleCase.edit(
                    &replay, package: "churn/1", records: [cardRecord(2, digest: "2", package: "churn/1")])
                replay.blob("b3", digest: "3")
                replay.commit("c3", ["a": "b3"], records: [cardRecord(3, digest: "3")])
            },
            twin: { replay in
                HistoryRuleCase.edit(
                    &replay, package: "churn/1", records: [cardRecord(2, digest: "2", package: "churn/1")])
                replay.blob("b3", digest: "3", package: "churn/1")
                replay.commit("c3", ["a": "b3"], records: [cardRecord(3, digest: "3", package: "churn/1")])
            }),
        HistoryRuleCase(
            name: "an Approved card of a Rejected model package",
            expected: PlacedFinding(
                .packageRejected, path: path, pointer: "/model_package_details/model_approval_status", commit: "c3"),
            offending: { replay in HistoryRuleCase.approve(&replay, package: .rejected) },
            twin: { replay in HistoryRuleCase.approve(&replay, package: .approved) }),
        HistoryRuleCase(
            name: "a committed card that does not validate",
            expected: PlacedFinding(.invalidCard, path: path, commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(
                    &replay, problem: "/status: 'Dreft' is not one of …", records: [cardRecord(2, digest: "2")])
            },
            twin: { replay in
                HistoryRuleCase.edit(&replay, records: [cardRecord(2, digest: "2")])
            }),
        HistoryRuleCase(
            name: "a card whose name is not its file name",
            expected: PlacedFinding(.nameChanged, path: path, pointer: "/name", commit: "c2"),
            offending: { replay in
                HistoryRuleCase.edit(&replay, name: "b", records: [cardRecord(2, digest: "2")])
            },
            twin: { replay in
                HistoryRuleCase.edit(&replay, name: "a", records: [cardRecord(2, digest: "2")])
            }),
        HistoryRuleCase(
            name: "model_package_details edited without a record of who made it",
            expected: PlacedFinding(.packageDetailsEdited, path: path, pointer: "/model_package_details", commit: "c3"),
            offending: { replay in
                HistoryRuleCase.linked(&replay)
                replay.blob("l3", digest: "3", package: "churn/1")
                replay.snapshots["l3"]?.packageDetails = "d2"
                replay.commit("c3", ["a": "l3"], records: [cardRecord(3, digest: "3", package: "churn/1")])
            },
            twin: { replay in
                HistoryRuleCase.linked(&replay)
                replay.blob("l3", digest: "3", package: "churn/1")
                replay.snapshots["l3"]?.packageDetails = "d2"
                var record = cardRecord(3, digest: "3", package: "churn/1")
                record.packageDetailsSource = PackageDetailsRule.registry
                replay.commit("c3", ["a": "l3"], records: [record])
            }),
    ]

    @Test(arguments: cases)
    func reportsTheRuleAtItsPlace(_ rule: HistoryRuleCase) {
        var offending = HistoryRuleCase.start()
        rule.offending(&offending)
        #expect(offending.rules.findings.map(PlacedFinding.init) == [rule.expected])
        #expect(offending.rules.findings.allSatisfy { $0.severity == .error })
    }

    @Test(arguments: cases)
    func passesTheHonestTwin(_ rule: HistoryRuleCase) {
        var twin = HistoryRuleCase.start()
        rule.twin(&twin)
        #expect(twin.rules.findings.map(PlacedFinding.init) == [])
    }

    @Test func everyRuleHistoryRulesReportsHasACase() {
        let reported = RuleID.named(in: ["HistoryRules.swift", "HistoryRules+Records.swift", "CardTransitions.swift"])
        #expect(reported.count >= 10, "the scan found only \(reported)")
        #expect(Set(Self.cases.map(\.expected.rule)) == reported)
    }
}
