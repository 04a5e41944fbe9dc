import Foundation
import Testing

@testable import CardiganKit

/// Rules 3 and 6 of DESIGN.md on hand-made facts: what the version and link tags must say
/// about the versions and links the branch made.
@Suite struct TagAndLinkRulesTests {
    private static let digest1 = HistoryReplay.digest("1")
    private static let digest2 = HistoryReplay.digest("2")

    private let versions = [
        VersionEvent(card: "a", version: 1, commit: "c1", digest: digest1, status: .draft),
        VersionEvent(card: "a", version: 2, commit: "c2", digest: digest2, status: .draft),
    ]

    /// The tags cardigan makes for ``versions``: annotated, on their commits, chained.
    private var honestTags: [VersionTagFacts] {
        [
            VersionTagFacts(
                reference: "refs/tags/cards/a/v1", card: "a", version: 1, objectID: "t1", isAnnotated: true,
                targetCommit: "c1", digest: Self.digest1, previous: nil),
            VersionTagFacts(
                reference: "refs/tags/cards/a/v2", card: "a", version: 2, objectID: "t2", isAnnotated: true,
                targetCommit: "c2", digest: Self.digest2, previous: "t1"),
        ]
    }

    private func check(_ tags: [VersionTagFacts], otherBranch: Set<String> = []) -> (
        found: [String], missing: [String], findings: [Finding]
    ) {
        var rules = TagRules(cardsDirectory: "cards", branch: "main")
        let missing = rules.check(versions: versions, tags: tags) { otherBranch.contains($0) }
        return (
            rules.findings.map { "\($0.ruleID)@\($0.commit ?? "-")" }, missing.map { "\($0.card)/\($0.version)" },
            rules.findings
        )
    }

    @Test func honestTagsHaveNoFindings() {
        let result = check(honestTags)
        #expect(result.found == [] && result.missing == [])
    }

    @Test func aMissingTagIsReportedAndReturnedForRepair() {
        let result = check([honestTags[0]])
        #expect(result.found == ["version-tag-missing@c2"])
        #expect(result.missing == ["a/2"])
        #expect(result.findings[0].location?.path == "cards/a.yaml")
    }

    @Test func aLightweightTag() {
        var tags = honestTags
        tags[1].isAnnotated = false
        #expect(check(tags).found == ["version-tag-lightweight@c2"])
    }

    @Test func aMovedTag() {
        var tags = honestTags
        tags[0].targetCommit = "c9"
        #expect(check(tags).found == ["version-tag-moved@c1"])
    }

    @Test func aTagWithAnotherDigest() {
        var tags = honestTags
        tags[1].digest = Self.digest1
        let result = check(tags)
        #expect(result.found == ["version-tag-mismatch@c2"])
        #expect(result.findings[0].message.contains("but the version has \(Self.digest2)"))
    }

    @Test func aBrokenChain() {
        var tags = honestTags
        tags[1].previous = "t0"
        tags[0].previous = "t-1"
        #expect(check(tags).found == ["version-chain@c1", "version-chain@c2"])
    }

    @Test func aTagOfNoVersionOnTheBranch() {
        let extra = VersionTagFacts(
            reference: "refs/tags/cards/a/v3", card: "a", version: 3, objectID: "t3", isAnnotated: true,
            targetCommit: "c3", digest: nil, previous: "t2")
        let orphaned = check(honestTags + [extra])
        #expect(orphaned.found == ["version-orphaned@c3"])
        #expect(orphaned.findings[0].severity == .error)
        let pending = check(honestTags + [extra], otherBranch: ["c3"])
        #expect(pending.found == ["version-pending@c3"])
        #expect(pending.findings[0].severity == .warning)
    }

    @Test func aHandMadeTagOnACommitTheBranchContainsIsStrayNotOrphaned() {
        var stray = TagFacts.honest { $0.branch = ["c1", "c2"] }
        stray.tags.append(
            VersionTagFacts(
                reference: "refs/tags/cards/a/v5", card: "a", version: 5, objectID: "c2", isAnnotated: false,
                targetCommit: "c2", digest: nil, previous: nil))
        let findings = stray.check()
        #expect(findings.map(\.ruleID) == [.versionTagStray])
        #expect(
            findings.first?.message
                == "lightweight tag 'cards/a/v5' names version 5 of 'a', which no commit on 'main' makes; the commit it points at is on 'main'"
        )
        #expect(findings.first?.hint?.contains("git tag -d cards/a/v5") == true)
        stray.tags[2].isAnnotated = true
        #expect(stray.check().first?.message.hasPrefix("tag 'cards/a/v5' names version 5") == true)
        // Off the branch, the same tag is orphaned, as before.
        stray.branch = []
        #expect(stray.check().map(\.ruleID) == [.versionOrphaned])
    }

    @Test func tagsUnderCardsThatAreNotVersionTagNames() {
        var rules = TagRules(cardsDirectory: "cards", branch: "main")
        rules.referenceLocation = { Location(path: ".git/" + $0) }
        rules.checkNames(
            [
                "refs/tags/cards/foo", "refs/tags/cards/a/vX", "refs/tags/cards/Bad/v1", "refs/tags/cards/a/v01",
                "refs/tags/cards/a/v1", "refs/tags/cards/a/b/v1", "refs/tags/cards/ghost/v01",
            ], cards: ["a"])
        #expect(
            rules.findings.map(\.message) == [
                "tag 'cards/foo' is not a version tag name: version tags are named 'cards/<name>/v<N>'",
                "tag 'cards/a/vX' is not a version tag name: 'vX' is not a version 'v<N>' (N from 1, no leading zero)",
                "tag 'cards/Bad/v1' is not a version tag name: 'Bad' is not a card name",
                "tag 'cards/a/v01' is not a version tag name: 'v01' is not a version 'v<N>' (N from 1, no leading zero)",
                "tag 'cards/a/b/v1' is not a version tag name: version tags are named 'cards/<name>/v<N>'",
                "tag 'cards/ghost/v01' is not a version tag name: 'v01' is not a version 'v<N>' (N from 1, no leading zero)",
            ])
        #expect(rules.findings.allSatisfy { $0.ruleID == .versionTagName })
        // A tag of a card the branch versions is placed at its file; any other at its reference
        // (no card 'ghost': a file that does not exist is no location).
        #expect(
            rules.findings.map { $0.location?.path } == [
                ".git/refs/tags/cards/foo", "cards/a.yaml", ".git/refs/tags/cards/Bad/v1", "cards/a.yaml",
                ".git/refs/tags/cards/a/b/v1", ".git/refs/tags/cards/ghost/v01",
            ])
        #expect(VersionTag.parse(reference: "refs/tags/cards/Bad/v1") == nil)
    }

    // MARK: Link tags

    private let links = [
        LinkEvent(package: "churn/1", card: "a", version: 2, commit: "c2"),
        LinkEvent(package: "churn/2", card: "b", version: 1, commit: "c5"),
    ]

    private var honestLinkTags: [LinkTagFacts] {
        get throws {
            [
                LinkTagFacts(
                    package: try ModelPackage(parsing: "churn/1"), objectID: "l1", isAnnotated: true,
                    targetCommit: "c2", card: "a", cardVersion: 2),
                LinkTagFacts(
                    package: try ModelPackage(parsing: "churn/2"), objectID: "l2", isAnnotated: true,
                    targetCommit: "c5", card: "b", cardVersion: 1),
            ]
        }
    }

    private func checkLinks(_ links: [LinkEvent], _ tags: [LinkTagFacts]) -> (found: [String], missing: [String]) {
        var rules = LinkRules(cardsDirectory: "cards")
        let missing = rules.check(links: links, tags: tags) { _ in nil }
        return (rules.findings.map { "\($0.ruleID)@\($0.commit ?? "-")" }, missing.map(\.package))
    }

    @Test func honestLinkTagsHaveNoFindings() throws {
        let result = checkLinks(links, try honestLinkTags)
        #expect(result.found == [] && result.missing == [])
    }

    @Test func aPackageVersionLinkedTwice() throws {
        let twice = links + [LinkEvent(package: "churn/1", card: "c", version: 1, commit: "c7")]
        #expect(checkLinks(twice, try honestLinkTags).found == ["link-duplicate@c7"])
    }

    @Test func aMissingLinkTag() throws {
        let result = checkLinks(links, [try honestLinkTags[0]])
        #expect(result.found == ["link-tag-missing@c5"])
        #expect(result.missing == ["churn/2"])
    }

    @Test func aLightweightMovedOrMismatchedLinkTag() throws {
        var tags = try honestLinkTags
        tags[0].isAnnotated = false
        tags[1].targetCommit = "c9"
        #expect(checkLinks(links, tags).found == ["link-tag-lightweight@c2", "link-tag-moved@c5"])
        tags = try honestLinkTags
        tags[1].cardVersion = 3
        #expect(checkLinks(links, tags).found == ["link-tag-mismatch@c5"])
    }

    @Test func aLinkTagOfNoLink() throws {
        let stray = LinkTagFacts(
            package: try ModelPackage(parsing: "churn/7"), objectID: "l7", isAnnotated: true, targetCommit: "c8",
            card: "a", cardVersion: 9)
        var rules = LinkRules(cardsDirectory: "cards")
        _ = rules.check(links: links, tags: try honestLinkTags + [stray]) { _ in nil }
        #expect(rules.findings.map { "\($0.ruleID)@\($0.commit ?? "-")" } == ["link-tag-invalid@c8"])
        #expect(rules.findings[0].message == "link tag 'model-packages/churn/7' records no link made on the branch")
        var explained = LinkRules(cardsDirectory: "cards")
        _ = explained.check(links: links, tags: [stray] + (try honestLinkTags)) { _ in "made by hand" }
        #expect(explained.findings.map(\.message) == ["made by hand"])
    }
}
