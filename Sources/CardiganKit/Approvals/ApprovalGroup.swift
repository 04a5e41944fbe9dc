import Foundation

/// A named group of principals under `approval.groups`, which a rule's `principals` names as
/// `group:<name>` instead of (or beside) single principals.
///
/// ```yaml
/// approval:
///   groups:
///     model-risk: [ana@example.com, ben@example.com, dan@example.com]
///   rules:
///     - cards: "*"
///       risk: [High]
///       approvers: 2
///       principals: [group:model-risk, carl@example.com]
/// ```
///
/// A group lists principals (or `*`/`?` patterns of them); it does not name other groups and
/// does not exclude (`!`): exclusions belong to the rule, where they apply to its groups too.
public struct ApprovalGroup: Sendable, Equatable {
    /// How a rule's `principals` names a group.
    public static let prefix = "group:"

    /// The name, as written under `groups:`.
    public var name: String
    /// The principals (or patterns), as written.
    public var principals: [String]
    /// Where the group is written, for findings.
    public var line: Int

    /// Creates a group.
    public init(name: String, principals: [String], line: Int) {
        self.name = name
        self.principals = principals
        self.line = line
    }

    /// The group name an entry of a rule's `principals` refers to, or nil for a principal.
    public static func reference(in entry: String) -> String? {
        entry.hasPrefix(prefix) ? String(entry.dropFirst(prefix.count)) : nil
    }

    /// Reads the `groups:` mapping; every mistake is a located error made with `fail`.
    /// (A name written twice is refused by the YAML loader, as every duplicate key is.)
    static func parseAll(_ node: ValueNode, fail: (String, ValueNode, String?) -> CardiganError) throws
        -> [ApprovalGroup]
    {
        guard let members = node.members, !members.isEmpty else {
            throw fail(
                "'approval.groups' must be a mapping of group names to lists of principals", node,
                "groups: { model-risk: [ana@example.com, ben@example.com] }")
        }
        return try members.map { member in
            let name = member.key
            let keyNode = ValueNode(.string(name), at: member.keyPosition)
            guard isName(name) else {
                throw fail(
                    "'\(name)' is not a group name", keyNode,
                    "a group name is letters, digits, '-', '_' and '.', starting with a letter or digit")
            }
            guard let elements = member.value.elements else {
                throw fail(
                    "group '\(name)' must be a list of principals, not \(member.value.displayText)", member.value, nil)
            }
            guard !elements.isEmpty else {
                throw fail("group '\(name)' is empty", member.value, "a group lists at least one principal")
            }
            var principals: [String] = []
            for element in elements {
                let principal = try self.principal(element, group: name, fail: fail)
                if principals.contains(where: { $0.lowercased() == principal.lowercased() }) {
                    throw fail("'\(principal)' is listed twice in group '\(name)'", element, nil)
                }
                principals.append(principal)
            }
            return ApprovalGroup(name: name, principals: principals, line: member.keyPosition.line)
        }
    }

    private static func principal(
        _ element: ValueNode, group: String, fail: (String, ValueNode, String?) -> CardiganError
    ) throws -> String {
        guard let text = element.stringValue, !text.isEmpty else {
            throw fail("group '\(group)' lists \(element.displayText), not a principal", element, nil)
        }
        if let inner = reference(in: text) {
            throw fail(
                "group '\(group)' names group '\(inner)': groups do not nest", element,
                "list the principals themselves, or name both groups in the rule's 'principals'")
        }
        if text.hasPrefix("!") {
            throw fail(
                "group '\(group)' lists '\(text)': a group cannot exclude", element,
                "write the exclusion in the rule's 'principals', beside 'group:\(group)'")
        }
        if text.contains(where: { $0 == "," || $0.isWhitespace }) {
            throw fail(
                "'\(text)' in group '\(group)' is not a principal", element,
                "a principal has no spaces or commas; list each one as its own element")
        }
        return text
    }

    private static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "-_.".unicodeScalars.contains($0) }
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is an ASCII letter or digit.
    fileprivate var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
