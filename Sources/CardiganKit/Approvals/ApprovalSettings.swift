import Foundation

/// The `approval:` section of `.cardigan.yaml`: approvals are signatures, checked against an
/// allowed signers file and rules on who approves which cards, and how many must.
///
/// ```yaml
/// approval:
///   signers: .cardigan/allowed_signers
///   groups:                 # optional: named groups of principals (see ``ApprovalGroup``)
///     model-risk: [risk-officer@example.com, validator@example.com]
///   rules:                  # the first rule whose `cards` (and `risk`) match applies
///     - cards: "*"
///       risk: [High]
///       approvers: 2
///       principals: [group:model-risk]
///     - cards: "*"
///       approvers: 1
/// ```
public struct ApprovalSettings: Sendable, Equatable {
    /// One rule: which cards it covers, who may approve them and how many must.
    public struct Rule: Sendable, Equatable {
        /// A glob over card names (`*`, `?`).
        public var cards: String
        /// The `risk_rating` values it covers; nil for any.
        public var risk: [String]?
        /// The number of distinct principals a version needs.
        public var approvers: Int
        /// The principal patterns allowed to approve, as written (`group:<name>` names a
        /// group); nil for any signer.
        public var principals: [String]?
        /// Where the rule is written, for findings.
        public var line: Int

        /// Whether the rule covers card `name` of risk `risk`.
        public func covers(card name: String, risk rating: String?) -> Bool {
            guard Glob.matches(name, pattern: cards) else { return false }
            guard let risk else { return true }
            return rating.map { risk.contains($0) } ?? false
        }
    }

    /// The allowed signers file, relative to the repository root.
    public var signersPath: String
    /// The rules, in order.
    public var rules: [Rule]
    /// The named groups of principals the rules may name; part of the policy, so a change of a
    /// group is a policy change.
    public var groups: [ApprovalGroup]

    /// Creates settings.
    public init(signersPath: String, rules: [Rule], groups: [ApprovalGroup] = []) {
        self.signersPath = signersPath
        self.rules = rules
        self.groups = groups
    }

    /// The rule for card `name` of risk `risk`: the first that covers it.
    public func rule(for name: String, risk: String?) -> Rule? {
        rules.first { $0.covers(card: name, risk: risk) }
    }

    /// The principal patterns `rule` allows, each `group:<name>` replaced by the group's
    /// principals; nil for any signer.
    public func principalPatterns(of rule: Rule) -> [String]? {
        rule.principals.map { entries in
            entries.flatMap { entry in
                ApprovalGroup.reference(in: entry).map { name in
                    groups.first { $0.name == name }?.principals ?? []
                } ?? [entry]
            }
        }
    }

    /// Whether `principal` may approve under `rule`: OpenSSH's pattern-list match over the
    /// rule's principals with its groups expanded, so a `!` pattern of the rule excludes a
    /// member of its groups too.
    public func allows(_ principal: String, by rule: Rule) -> Bool {
        principalPatterns(of: rule).map { AllowedSigners.matches(principal, patternList: $0) } ?? true
    }

    /// Who `rule` allows, in words for a finding: `group 'model-risk' ('ana@…', 'ben@…'), 'carl@…'`.
    public func describePrincipals(of rule: Rule) -> String {
        (rule.principals ?? []).map { entry in
            guard let name = ApprovalGroup.reference(in: entry) else { return "'\(entry)'" }
            let members = groups.first { $0.name == name }?.principals ?? []
            return "group '\(name)' (\(members.map { "'\($0)'" }.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// The settings without the lines they are written on: what decides approvals, so that an
    /// edit which only moves them (a comment, another setting above) is not a policy change.
    var withoutLines: ApprovalSettings {
        var copy = self
        for index in copy.rules.indices { copy.rules[index].line = 0 }
        for index in copy.groups.indices { copy.groups[index].line = 0 }
        return copy
    }

    /// The most approvers any rule asks for: what a change of the policy itself needs.
    public var strictestThreshold: Int { rules.map(\.approvers).max() ?? 1 }

    /// Reads the section from its node in `path`; every mistake is a located error.
    public static func parse(_ node: ValueNode, path: String) throws -> ApprovalSettings {
        func fail(_ message: String, _ at: ValueNode, hint: String? = nil) -> CardiganError {
            CardiganError(
                message, location: Location(path: path, position: at.position), hint: hint, ruleID: .approvalPolicy)
        }
        guard let members = node.members else { throw fail("'approval' must be a mapping", node) }
        var signers: String?
        var rules: [Rule] = []
        // Groups first, wherever they are written, so that rules can be checked against them.
        let groups =
            try members.first { $0.key == "groups" }.map { try ApprovalGroup.parseAll($0.value, fail: fail) } ?? []
        for member in members {
            switch member.key {
            case "signers":
                guard let value = member.value.stringValue, !value.isEmpty, !value.hasPrefix("/"),
                    !value.split(separator: "/").contains("..")
                else { throw fail("'approval.signers' must be a path inside the repository", member.value) }
                signers = value
            case "rules":
                guard let elements = member.value.elements, !elements.isEmpty else {
                    throw fail("'approval.rules' must be a non-empty list", member.value)
                }
                rules = try elements.map { try rule($0, groups: groups, fail: fail) }
            case "groups":
                continue
            default:
                throw CardiganError(
                    "unknown setting 'approval.\(member.key)'",
                    location: Location(path: path, position: member.keyPosition),
                    hint: "'approval' has 'signers', 'groups' and 'rules'", ruleID: .approvalPolicy)
            }
        }
        guard let signers else {
            throw fail("'approval' names no 'signers' file", node, hint: "signers: .cardigan/allowed_signers")
        }
        guard !rules.isEmpty else { throw fail("'approval' has no 'rules'", node) }
        return ApprovalSettings(signersPath: signers, rules: rules, groups: groups)
    }

    private static func rule(
        _ node: ValueNode, groups: [ApprovalGroup], fail: (String, ValueNode, String?) -> CardiganError
    ) throws -> Rule {
        guard let members = node.members else { throw fail("an approval rule must be a mapping", node, nil) }
        var rule = Rule(cards: "*", risk: nil, approvers: 1, principals: nil, line: node.position.line)
        var approversNode: ValueNode?
        for member in members {
            switch member.key {
            case "cards":
                guard let glob = member.value.stringValue, !glob.isEmpty else {
                    throw fail("'cards' must be a glob over card names, like \"*\"", member.value, nil)
                }
                rule.cards = glob
            case "risk":
                let values = try strings(member.value, fail: fail)
                let known = ["High", "Medium", "Low", "Unknown"]
                if let wrong = values.first(where: { !known.contains($0) }) {
                    throw fail(
                        "'\(wrong)' is not a risk rating", member.value, "risk ratings are High, Medium, Low, Unknown")
                }
                rule.risk = values
            case "approvers":
                guard case .integer(let count) = member.value.kind, (1...20).contains(count) else {
                    throw fail("'approvers' must be a whole number from 1 to 20", member.value, nil)
                }
                rule.approvers = count
                approversNode = member.value
            case "principals":
                rule.principals = try principals(member.value, groups: groups, fail: fail)
            default:
                throw fail(
                    "unknown rule setting '\(member.key)'", member.value,
                    "a rule has cards, risk, approvers, principals")
            }
        }
        guard let approversNode else { throw fail("an approval rule needs 'approvers'", node, nil) }
        // A threshold that the named principals cannot reach would refuse every approval.
        let settings = ApprovalSettings(signersPath: "", rules: [rule], groups: groups)
        if let patterns = settings.principalPatterns(of: rule),
            patterns.allSatisfy({ pattern in !pattern.contains { "*?!".contains($0) } })
        {
            let distinct = Set(patterns.map { $0.lowercased() })
            if distinct.count < rule.approvers {
                throw fail(
                    "'approvers' is \(rule.approvers), but the rule allows only \(Counted.text(distinct.count, "principal")): \(settings.describePrincipals(of: rule))",
                    approversNode, "the threshold counts distinct principals; name more, or lower 'approvers'")
            }
        }
        return rule
    }

    /// A rule's `principals`: principals, patterns and `group:<name>`, each group defined and
    /// no entry written twice.
    private static func principals(
        _ node: ValueNode, groups: [ApprovalGroup], fail: (String, ValueNode, String?) -> CardiganError
    ) throws -> [String] {
        let entries = try strings(node, fail: fail)
        for (index, entry) in entries.enumerated() {
            let element = node.elements?[index] ?? node
            if let name = ApprovalGroup.reference(in: entry), !groups.contains(where: { $0.name == name }) {
                throw fail(
                    "unknown group '\(name)'", element,
                    groups.isEmpty
                        ? "define it under 'approval.groups'"
                        : "groups are \(groups.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
            if entries[..<index].contains(where: { $0.lowercased() == entry.lowercased() }) {
                throw fail("'\(entry)' is named twice in this rule's 'principals'", element, nil)
            }
        }
        return entries
    }

    private static func strings(_ node: ValueNode, fail: (String, ValueNode, String?) -> CardiganError) throws
        -> [String]
    {
        guard let elements = node.elements, !elements.isEmpty else {
            throw fail("expected a non-empty list of strings", node, nil)
        }
        return try elements.map { element in
            guard let text = element.stringValue, !text.isEmpty else {
                throw fail("expected a string, not \(element.displayText)", element, nil)
            }
            return text
        }
    }
}
