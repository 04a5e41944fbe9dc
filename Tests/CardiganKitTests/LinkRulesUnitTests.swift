import Testing

@testable import CardiganKit

/// What ``LinkRules`` is given: the links the branch made, the link tags, what explains a tag
/// of no link, and the ARN each linking version's card names.
struct LinkFacts: Sendable {
    /// A link tag as these facts write it: its package as text, parsed when checked.
    struct Tag: Sendable {
        var package: String
        var isAnnotated = true
        var targetCommit: String?
        var card: String?
        var cardVersion: Int?
        var arn: String?
    }

    var links: [LinkEvent]
    var tags: [Tag]
    /// The ARN the card names in a link's commit, by package; checked only when not empty.
    var arns: [String: String] = [:]

    static func arn(_ package: String) -> String {
        "arn:aws:sagemaker:eu-west-1:111122223333:model-package/\(package)"
    }

    static func tag(_ package: String, card: String?, version: Int?, commit: String) -> Tag {
        Tag(package: package, targetCommit: commit, card: card, cardVersion: version, arn: arn(package))
    }

    /// `churn/1` linked by `a` v2 in `c2` and `churn/2` by `b` v1 in `c5`, with the tags
    /// cardigan makes for them.
    static let honest = LinkFacts(
        links: [
            LinkEvent(package: "churn/1", card: "a", version: 2, commit: "c2"),
            LinkEvent(package: "churn/2", card: "b", version: 1, commit: "c5"),
        ],
        tags: [
            tag("churn/1", card: "a", version: 2, commit: "c2"), tag("churn/2", card: "b", version: 1, commit: "c5"),
        ])

    /// The honest facts with `change` applied.
    static func honest(_ change: (inout LinkFacts) -> Void) -> LinkFacts {
        var facts = honest
        change(&facts)
        return facts
    }

    /// The findings of ``LinkRules`` over these facts.
    func check() throws -> [Finding] {
        let tagFacts = try tags.map { tag in
            LinkTagFacts(
                package: try ModelPackage(parsing: tag.package), objectID: "tag-\(tag.package)",
                isAnnotated: tag.isAnnotated, targetCommit: tag.targetCommit, card: tag.card,
                cardVersion: tag.cardVersion, arn: tag.arn)
        }
        var rules = LinkRules(cardsDirectory: "cards")
        let arns = arns
        let linkedARN: ((LinkEvent) -> String?)? = arns.isEmpty ? nil : { arns[$0.package] }
        _ = rules.check(links: links, tags: tagFacts, problem: { _ in nil }, linkedARN: linkedARN)
        return rules.findings
    }
}

/// One rule of ``LinkRules``: facts that break it once, and the honest twin that must pass.
struct LinkRuleCase: Sendable, CustomTestStringConvertible {
    /// What the offending facts hold.
    var name: String
    /// The one finding they must get.
    var expected: PlacedFinding
    /// Facts that break the rule.
    var offending: LinkFacts
    /// Facts that keep it.
    var twin: LinkFacts

    var testDescription: String { "\(expected.rule.rawValue): \(name)" }
}

@Suite struct LinkRulesUnitTests {
    static let details = "/model_package_details"

    static let cases: [LinkRuleCase] = [
        LinkRuleCase(
            name: "a package version linked by two cards",
            expected: PlacedFinding(.linkDuplicate, path: "cards/c.yaml", pointer: details, commit: "c7"),
            offending: LinkFacts.honest {
                $0.links.append(LinkEvent(package: "churn/1", card: "c", version: 1, commit: "c7"))
            },
            twin: LinkFacts.honest {
                $0.links.append(LinkEvent(package: "churn/3", card: "c", version: 1, commit: "c7"))
                $0.tags.append(LinkFacts.tag("churn/3", card: "c", version: 1, commit: "c7"))
            }),
        LinkRuleCase(
            name: "the tag of a link is missing",
            expected: PlacedFinding(.linkTagMissing, path: "cards/b.yaml", pointer: details, commit: "c5"),
            offending: LinkFacts.honest { $0.tags.removeLast() }, twin: LinkFacts.honest),
        LinkRuleCase(
            name: "a lightweight link tag",
            expected: PlacedFinding(.linkTagLightweight, path: "cards/a.yaml", pointer: details, commit: "c2"),
            offending: LinkFacts.honest { $0.tags[0].isAnnotated = false }, twin: LinkFacts.honest),
        LinkRuleCase(
            name: "a link tag on another commit",
            expected: PlacedFinding(.linkTagMoved, path: "cards/b.yaml", pointer: details, commit: "c5"),
            offending: LinkFacts.honest { $0.tags[1].targetCommit = "c9" }, twin: LinkFacts.honest),
        LinkRuleCase(
            name: "a link tag naming another card version",
            expected: PlacedFinding(.linkTagMismatch, path: "cards/b.yaml", pointer: details, commit: "c5"),
            offending: LinkFacts.honest { $0.tags[1].cardVersion = 3 }, twin: LinkFacts.honest),
        LinkRuleCase(
            name: "a link tag recording another ARN than the card's",
            expected: PlacedFinding(.linkTagMismatch, path: "cards/a.yaml", pointer: details, commit: "c2"),
            offending: LinkFacts.honest {
                $0.arns = ["churn/1": LinkFacts.arn("churn/9"), "churn/2": LinkFacts.arn("churn/2")]
            },
            twin: LinkFacts.honest {
                $0.arns = ["churn/1": LinkFacts.arn("churn/1"), "churn/2": LinkFacts.arn("churn/2")]
            }),
        LinkRuleCase(
            name: "a link tag of no link, naming a card",
            expected: PlacedFinding(.linkTagInvalid, path: "cards/a.yaml", commit: "c8"),
            offending: LinkFacts.honest {
                $0.tags.append(LinkFacts.tag("churn/7", card: "a", version: 3, commit: "c8"))
            },
            twin: LinkFacts.honest {
                $0.tags.append(LinkFacts.tag("churn/7", card: "a", version: 3, commit: "c8"))
                $0.links.append(LinkEvent(package: "churn/7", card: "a", version: 3, commit: "c8"))
            }),
        LinkRuleCase(
            name: "a link tag of no link, naming no card",
            expected: PlacedFinding(.linkTagInvalid, path: nil, pointer: nil, commit: "c8"),
            offending: LinkFacts.honest {
                $0.tags.append(LinkFacts.tag("churn/7", card: nil, version: nil, commit: "c8"))
            },
            twin: LinkFacts.honest),
    ]

    @Test(arguments: cases)
    func reportsTheRuleAtItsPlace(_ rule: LinkRuleCase) throws {
        let findings = try rule.offending.check()
        #expect(findings.map(PlacedFinding.init) == [rule.expected])
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test(arguments: cases)
    func passesTheHonestTwin(_ rule: LinkRuleCase) throws {
        #expect(try rule.twin.check().map(PlacedFinding.init) == [])
    }

    @Test func everyRuleLinkRulesReportsHasACase() {
        let reported = RuleID.named(in: ["LinkRules.swift"])
        #expect(reported.count >= 5, "the scan found only \(reported)")
        #expect(Set(Self.cases.map(\.expected.rule)) == reported)
    }
}
