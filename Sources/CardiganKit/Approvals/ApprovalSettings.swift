import Foundation

/// The `approval:` section of `.cardigan.yaml`: approvals are signatures, checked against an
/// allowed signers file and rules on who approves which cards, and how many must.
///
/// ```yaml
/// approval:
///   signers: .cardigan/allowed_signers
///   rules:                  # the first rule whose `cards` (and `risk`) match applies
///     - cards: "*"
///       risk: [High]
///       approvers: 2
///       principals: [risk-officer@example.com, validator@example.com]
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
        /// The principal patterns allowed to approve; nil for any signer.
        public var principals: [String]?
        /// Where the rule is written, for findings.
        public var line: Int

        /// Whether the rule covers card `name` of risk `risk`.
        public func covers(card name: String, risk rating: String?) -> Bool {
            guard Glob.matches(name, pattern: cards) else { return false }
            guard let risk else { return true }
            return rating.map { risk.contains($0) } ?? false
        }

        /// Whether `principal` may approve under this rule.
        public func allows(_ principal: String) -> Bool {
            principals.map { AllowedSigners.matches(principal, patternList: $0) } ?? true
        }
    }

    /// The allowed signers file, relative to the repository root.
    public var signersPath: String
    /// The rules, in order.
    public var rules: [Rule]

    /// Creates settings.
    public init(signersPath: String, rules: [Rule]) {
        self.signersPath = signersPath
        self.rules = rules
    }

    /// The rule for card `name` of risk `risk`: the first that covers it.
    public func rule(for name: String, risk: String?) -> Rule? {
        rules.first { $0.covers(card: name, risk: risk) }
    }

    /// The most approvers any rule asks for: what a change of the policy itself needs.
    public var strictestThreshold: Int { rules.map(\.approvers).max() ?? 1 }

    /// Reads the section from its node in `path`; every mistake is a located error.
    public static func parse(_ node: ValueNode, path: String) throws -> ApprovalSettings {
        func fail(_ message: String, _ at: ValueNode, hint: String? = nil) -> CardiganError {
            CardiganError(message, location: Location(path: path, position: at.position), hint: hint)
        }
        guard let members = node.members else { throw fail("'approval' must be a mapping", node) }
        var signers: String?
        var rules: [Rule] = []
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
                rules = try elements.map { try rule($0, fail: fail) }
            default:
                throw CardiganError(
                    "unknown setting 'approval.\(member.key)'",
                    location: Location(path: path, position: member.keyPosition),
                    hint: "'approval' has 'signers' and 'rules'")
            }
        }
        guard let signers else {
            throw fail("'approval' names no 'signers' file", node, hint: "signers: .cardigan/allowed_signers")
        }
        guard !rules.isEmpty else { throw fail("'approval' has no 'rules'", node) }
        return ApprovalSettings(signersPath: signers, rules: rules)
    }

    private static func rule(_ node: ValueNode, fail: (String, ValueNode, String?) -> CardiganError) throws -> Rule {
        guard let members = node.members else { throw fail("an approval rule must be a mapping", node, nil) }
        var rule = Rule(cards: "*", risk: nil, approvers: 1, principals: nil, line: node.position.line)
        var sawApprovers = false
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
                sawApprovers = true
            case "principals":
                rule.principals = try strings(member.value, fail: fail)
            default:
                throw fail(
                    "unknown rule setting '\(member.key)'", member.value,
                    "a rule has cards, risk, approvers, principals")
            }
        }
        guard sawApprovers else { throw fail("an approval rule needs 'approvers'", node, nil) }
        return rule
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
