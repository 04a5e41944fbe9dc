extension ValueNode {
    /// An object of the given members in order, leaving out those whose value is nil.
    static func object(_ pairs: [(String, ValueNode?)]) -> ValueNode {
        ValueNode(
            .object(
                pairs.compactMap { key, value in
                    value.map { ValueNode.Member(key: key, keyPosition: .start, value: $0) }
                }))
    }

    /// A string node.
    static func text(_ value: String?) -> ValueNode? { value.map { ValueNode(.string($0)) } }

    /// An integer node.
    static func int(_ value: Int?) -> ValueNode? { value.map { ValueNode(.integer($0)) } }

    /// The integer this node holds (JSON numbers without a fraction).
    var intValue: Int? {
        switch kind {
        case .integer(let value): return value
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }
}
