import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Named groups of principals in `approval:`: how they are read, and each mistake refused at the
/// line and column where it is written.
@Suite struct ApprovalGroupsTests {
    /// `.cardigan.yaml` with `groups` and `principals` as given (YAML flow text).
    static func config(groups: String?, principals: String = "[group:model-risk]", approvers: Int = 2) -> String {
        """
        approval:
          signers: .cardigan/allowed_signers
        \(groups.map { "  groups:\n" + $0 + "\n" } ?? "")  rules:
            - cards: "*"
              risk: [High]
              approvers: \(approvers)
              principals: \(principals)
            - cards: "*"
              approvers: 1
        """
    }

    static let twoMembers = "    model-risk: [ana@example.com, ben@example.com]"

    private func parse(_ text: String) throws -> ApprovalSettings {
        try #require(try CardiganConfig.parse(Data(text.utf8), path: ".cardigan.yaml").approval)
    }

    /// Expects `text` to be refused at `line`:`column` with a message containing `message`.
    private func expectRefused(
        _ text: String, at line: Int, _ column: Int, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sourceLocation: sourceLocation) {
            _ = try CardiganConfig.parse(Data(text.utf8), path: ".cardigan.yaml")
        } throws: { error in
            guard let error = error as? CardiganError, let position = error.location?.position else { return false }
            let matched = position.line == line && position.column == column && error.message.contains(message)
            if !matched { Issue.record("\(position.line):\(position.column): \(error.message)") }
            return matched && error.location?.path == ".cardigan.yaml"
        }
    }

    @Test func aRuleAllowsTheMembersOfTheGroupsItNames() throws {
        let settings = try parse(
            Self.config(
                groups: Self.twoMembers + "\n    audit: [\"*@audit.example.com\"]",
                principals: "[group:model-risk, group:audit, carl@example.com, \"!eve@audit.example.com\"]"))
        #expect(settings.groups.map(\.name) == ["model-risk", "audit"])
        let rule = try #require(settings.rule(for: "credit", risk: "High"))
        for member in ["ana@example.com", "ben@example.com", "carl@example.com", "zoe@audit.example.com"] {
            #expect(settings.allows(member, by: rule), "\(member)")
        }
        #expect(!settings.allows("dan@example.com", by: rule), "not in any group nor named")
        #expect(!settings.allows("eve@audit.example.com", by: rule), "the rule's '!' excludes a group member")
        #expect(!settings.allows("group:model-risk", by: rule), "a group reference is not a principal")
        #expect(
            settings.describePrincipals(of: rule).hasPrefix(
                "group 'model-risk' ('ana@example.com', 'ben@example.com'), group 'audit' ('*@audit.example.com'), 'carl@example.com'"
            ))
        let low = try #require(settings.rule(for: "credit", risk: "Low"))
        #expect(settings.allows("dan@example.com", by: low), "a rule without principals allows any signer")
    }

    @Test func groupsMayBeWrittenAfterTheRules() throws {
        let text = """
            approval:
              signers: s
              rules:
                - cards: "*"
                  approvers: 1
                  principals: [group:model-risk]
              groups:
                model-risk: [ana@example.com]
            """
        let settings = try parse(text)
        #expect(settings.allows("ana@example.com", by: try #require(settings.rules.first)))
    }

    @Test func aChangeOfAGroupChangesThePolicy() throws {
        let before = try parse(Self.config(groups: Self.twoMembers))
        let after = try parse(
            Self.config(groups: "    model-risk: [ana@example.com, ben@example.com, dan@example.com]"))
        #expect(before != after)
        let unused = try parse(Self.config(groups: Self.twoMembers + "\n    spare: [dan@example.com]"))
        #expect(before != unused, "a group no rule names yet is still part of the policy")
        #expect(before == (try parse(Self.config(groups: Self.twoMembers + "   # a comment"))))
    }

    @Test func refusesAnUnknownGroup() {
        expectRefused(
            Self.config(groups: Self.twoMembers, principals: "[group:model-risk, group:validators]"), at: 9, 38,
            "unknown group 'validators'")
        expectRefused(Self.config(groups: nil), at: 7, 20, "unknown group 'model-risk'")
    }

    @Test func refusesAnEmptyGroup() {
        expectRefused(Self.config(groups: "    model-risk: []"), at: 4, 17, "group 'model-risk' is empty")
        expectRefused(Self.config(groups: "    model-risk:"), at: 4, 16, "group 'model-risk' must be a list")
    }

    @Test func refusesAGroupNamingAGroup() {
        expectRefused(
            Self.config(groups: Self.twoMembers + "\n    all: [group:model-risk, dan@example.com]"), at: 5, 11,
            "group 'all' names group 'model-risk': groups do not nest")
    }

    @Test func refusesNamesWrittenTwice() {
        expectRefused(
            Self.config(groups: Self.twoMembers + "\n    model-risk: [dan@example.com]"), at: 5, 5,
            "duplicate key 'model-risk'")
        expectRefused(
            Self.config(groups: "    model-risk: [ana@example.com, Ana@example.com]"), at: 4, 35,
            "'Ana@example.com' is listed twice in group 'model-risk'")
        expectRefused(
            Self.config(groups: Self.twoMembers, principals: "[group:model-risk, carl@example.com, group:model-risk]"),
            at: 9, 56, "'group:model-risk' is named twice in this rule's 'principals'")
    }

    @Test func refusesBadNamesAndMembers() {
        expectRefused(Self.config(groups: "    -risk: [ana@example.com]"), at: 4, 5, "'-risk' is not a group name")
        expectRefused(
            Self.config(groups: "    model-risk: [ana@example.com, \"!ben@example.com\"]"), at: 4, 35,
            "group 'model-risk' lists '!ben@example.com': a group cannot exclude")
        expectRefused(
            Self.config(groups: "    model-risk: [\"ana@example.com ben@example.com\"]"), at: 4, 18,
            "is not a principal")
        expectRefused(Self.config(groups: "    model-risk: ana@example.com"), at: 4, 17, "must be a list of principals")
    }

    @Test func refusesAThresholdTheNamedPrincipalsCannotReach() throws {
        expectRefused(
            Self.config(groups: Self.twoMembers, approvers: 3), at: 8, 18,
            "'approvers' is 3, but the rule allows only 2 principals: group 'model-risk'")
        // One principal in two groups is one principal: the threshold counts distinct principals.
        expectRefused(
            Self.config(
                groups: "    model-risk: [ana@example.com]\n    audit: [ana@example.com]",
                principals: "[group:model-risk, group:audit]"), at: 9, 18, "allows only 1 principal: ")
        // The honest twins: enough principals, or a pattern that may match any number.
        _ = try parse(Self.config(groups: Self.twoMembers))
        _ = try parse(Self.config(groups: "    model-risk: [\"*@example.com\"]", approvers: 3))
    }
}
