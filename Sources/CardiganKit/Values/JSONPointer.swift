/// JSON pointers (RFC 6901) over a ``ValueNode`` tree: how schema locations, findings and
/// imported files name a value.
enum JSONPointer {
    /// `~` and `/` escaped as a JSON pointer token.
    static func escape(_ key: String) -> String {
        // Byte tests, not `contains("~")`: Foundation's substring search cost a twentieth of a commit.
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// A pointer token with `~1` and `~0` undone.
    static func unescape(_ token: Substring) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// The unescaped tokens of `pointer` (none for the whole document).
    static func tokens(of pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(unescape)
    }

    /// The pointer with every token escaped the one way `escape` does, so equal locations
    /// have equal text.
    static func canonical(_ pointer: String) -> String {
        tokens(of: pointer).map { "/" + escape($0) }.joined()
    }

    /// The member or element `token` names.
    static func child(of node: ValueNode, token: String) -> ValueNode? {
        switch node.kind {
        case .object: return node[token]
        case .array(let elements):
            guard let index = Int(token), elements.indices.contains(index) else { return nil }
            return elements[index]
        default: return nil
        }
    }

    /// The node at `pointer`, nil when there is none.
    static func node(at pointer: String, in root: ValueNode) -> ValueNode? {
        var current = root
        for token in tokens(of: pointer) {
            guard let next = child(of: current, token: token) else { return nil }
            current = next
        }
        return current
    }

    /// The node at `pointer`, or the deepest node on its way that exists: where to point a
    /// finding about a value that is missing.
    static func deepestNode(at pointer: String, in root: ValueNode) -> ValueNode {
        var current = root
        for token in tokens(of: pointer) {
            guard let next = child(of: current, token: token) else { break }
            current = next
        }
        return current
    }
}
