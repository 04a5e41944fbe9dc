/// JSON Schema's notion of equal values, for `const`, `enum` and `uniqueItems`.
///
/// It differs from `ValueNode ==` in one way: strings (and keys) are equal only when their
/// Unicode scalars are, while Swift's `String ==` treats canonically equivalent text (`é` and
/// `e` + combining acute) as equal, which the JSON Schema test suite rejects.
enum SchemaEquality {
    /// Whether `lhs` and `rhs` are the same JSON value.
    static func equal(_ lhs: ValueNode, _ rhs: ValueNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.string(let a), .string(let b)): return sameScalars(a, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            return zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in
                b.contains { sameScalars($0.key, member.key) && equal($0.value, member.value) }
            }
        case (.bool, _), (_, .bool), (.null, _), (_, .null):
            return false
        default:
            if let a = lhs.numberValue, let b = rhs.numberValue { return a == b }
            return false
        }
    }

    private static func sameScalars(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }
}
