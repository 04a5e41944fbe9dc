import Testing

@testable import CardiganKit

/// What ``TagRules`` is given: the versions the branch made, the version tags, the tags of a
/// pull request's base, the commits the branch and another branch reach, and the references
/// under `refs/tags/cards/` whose names are checked.
struct TagFacts: Sendable {
    var versions: [VersionEvent]
    var tags: [VersionTagFacts]
    var earlierTags: [VersionTagFacts] = []
    var otherBranch: Set<String> = []
    var branch: Set<String> = []
    var references: [String] = []

    static let digest1 = HistoryReplay.digest("1")
    static let digest2 = HistoryReplay.digest("2")
    static let digest3 = HistoryReplay.digest("3")

    static func version(_ version: Int, digest: String) -> VersionEvent {
        VersionEvent(card: "a", version: version, commit: "c\(version)", digest: digest, status: .draft)
    }

    static func tag(_ version: Int, digest: String?, previous: String?, objectID: String? = nil) -> VersionTagFacts {
        VersionTagFacts(
            reference: "refs/tags/cards/a/v\(version)", card: "a", version: version,
            objectID: objectID ?? "t\(version)",
            isAnnotated: true, targetCommit: "c\(version)", digest: digest, previous: previous)
    }

    /// Versions 1 and 2 of card `a` (commits `c1`, `c2`) and the tags cardigan makes for them.
    static let honest = TagFacts(
        versions: [version(1, digest: digest1), version(2, digest: digest2)],
        tags: [tag(1, digest: digest1, previous: nil), tag(2, digest: digest2, previous: "t1")])

    /// The honest facts with `change` applied.
    static func honest(_ change: (inout TagFacts) -> Void) -> TagFacts {
        var facts = honest
        change(&facts)
        return facts
    }

    /// The findings of ``TagRules`` over these facts.
    func check() -> [Finding] {
        var rules = TagRules(cardsDirectory: "cards", branch: "main")
        let otherBranch = otherBranch
        let branch = branch
        _ = rules.check(versions: versions, tags: tags, earlierTags: earlierTags, branchContains: branch.contains) {
            otherBranch.contains($0)
        }
        rules.checkNames(references, cards: Set(versions.map(\.card)))
        return rules.findings
    }
}

/// One rule of ``TagRules``: facts that break it once, and the honest twin that must pass.
struct TagRuleCase: Sendable, CustomTestStringConvertible {
    /// What the offending facts hold.
    var name: String
    /// The one finding they must get.
    var expected: PlacedFinding
    /// Its severity.
    var severity: Finding.Severity = .error
    /// Facts that break the rule.
    var offending: TagFacts
    /// Facts that keep it.
    var twin: TagFacts

    var testDescription: String { "\(expected.rule.rawValue): \(name)" }
}

@Suite struct TagRulesUnitTests {
    static let path = "cards/a.yaml"

    /// Version 3 of `a`, in `c3`: made on the branch in the twin, only tagged in the offending facts.
    static let third = TagFacts.tag(3, digest: TagFacts.digest3, previous: "t2")

    static let cases: [TagRuleCase] = [
        TagRuleCase(
            name: "the tag of version 2 is missing",
            expected: PlacedFinding(.versionTagMissing, path: path, commit: "c2"),
            offending: TagFacts.honest { $0.tags.removeLast() }, twin: TagFacts.honest),
        TagRuleCase(
            name: "a lightweight tag",
            expected: PlacedFinding(.versionTagLightweight, path: path, commit: "c2"),
            offending: TagFacts.honest { $0.tags[1].isAnnotated = false }, twin: TagFacts.honest),
        TagRuleCase(
            name: "a tag on another commit than its version's",
            expected: PlacedFinding(.versionTagMoved, path: path, commit: "c1"),
            offending: TagFacts.honest { $0.tags[0].targetCommit = "c9" }, twin: TagFacts.honest),
        TagRuleCase(
            name: "a tag with another digest",
            expected: PlacedFinding(.versionTagMismatch, path: path, commit: "c2"),
            offending: TagFacts.honest { $0.tags[1].digest = TagFacts.digest1 }, twin: TagFacts.honest),
        TagRuleCase(
            name: "a tag naming another previous tag (the twin chains to the base's tag)",
            expected: PlacedFinding(.versionChain, path: path, commit: "c3"),
            offending: TagFacts(
                versions: [TagFacts.version(3, digest: TagFacts.digest3)], tags: [third],
                earlierTags: [TagFacts.tag(2, digest: TagFacts.digest2, previous: "t1", objectID: "t2-recreated")]),
            twin: TagFacts(
                versions: [TagFacts.version(3, digest: TagFacts.digest3)], tags: [third],
                earlierTags: [TagFacts.tag(2, digest: TagFacts.digest2, previous: "t1")])),
        TagRuleCase(
            name: "the tag of version 1 names a previous tag",
            expected: PlacedFinding(.versionChain, path: path, commit: "c1"),
            offending: TagFacts.honest { $0.tags[0].previous = "t0" }, twin: TagFacts.honest),
        TagRuleCase(
            name: "a tag of a version another branch made",
            expected: PlacedFinding(.versionPending, path: path, commit: "c3"), severity: .warning,
            offending: TagFacts.honest {
                $0.tags.append(third)
                $0.otherBranch = ["c3"]
            },
            twin: TagFacts.honest {
                $0.tags.append(third)
                $0.versions.append(TagFacts.version(3, digest: TagFacts.digest3))
            }),
        TagRuleCase(
            name: "a tag of a version no branch reaches",
            expected: PlacedFinding(.versionOrphaned, path: path, commit: "c3"),
            offending: TagFacts.honest { $0.tags.append(third) },
            twin: TagFacts.honest {
                $0.tags.append(third)
                $0.versions.append(TagFacts.version(3, digest: TagFacts.digest3))
            }),
        TagRuleCase(
            name: "a hand-made tag of a version no commit makes, on a commit the branch contains",
            expected: PlacedFinding(.versionTagStray, path: path, commit: "c3"),
            offending: TagFacts.honest {
                $0.tags.append(third)
                $0.branch = ["c1", "c2", "c3"]
            },
            twin: TagFacts.honest {
                $0.tags.append(third)
                $0.versions.append(TagFacts.version(3, digest: TagFacts.digest3))
                $0.branch = ["c1", "c2", "c3"]
            }),
        TagRuleCase(
            name: "a tag under cards/ whose version is not v<N>",
            expected: PlacedFinding(.versionTagName, path: path, commit: nil),
            offending: TagFacts.honest { $0.references = ["refs/tags/cards/a/v1", "refs/tags/cards/a/vX"] },
            twin: TagFacts.honest { $0.references = ["refs/tags/cards/a/v1", "refs/tags/cards/a/v2"] }),
    ]

    @Test(arguments: cases)
    func reportsTheRuleAtItsPlace(_ rule: TagRuleCase) {
        let findings = rule.offending.check()
        #expect(findings.map(PlacedFinding.init) == [rule.expected])
        #expect(findings.map(\.severity) == [rule.severity])
    }

    @Test(arguments: cases)
    func passesTheHonestTwin(_ rule: TagRuleCase) {
        #expect(rule.twin.check().map(PlacedFinding.init) == [])
    }

    @Test func everyRuleTagRulesReportsHasACase() {
        let reported = RuleID.named(in: ["TagRules.swift"])
        #expect(reported.count >= 5, "the scan found only \(reported)")
        #expect(Set(Self.cases.map(\.expected.rule)) == reported)
    }
}
