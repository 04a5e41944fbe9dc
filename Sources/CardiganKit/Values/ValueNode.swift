/// A JSON-shaped value (what a card or a schema is made of) that remembers where each part
/// was written, so every finding about it can name a line and column.
///
/// Cards come from YAML and schemas from JSON; both are turned into this one tree before any
/// rule looks at them.
public struct ValueNode: Sendable {
    /// What the value is.
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        /// A number written without a fraction or exponent that fits in 64 bits.
        case integer(Int)
        /// Any other number.
        case number(Double)
        case string(String)
        case array([ValueNode])
        /// Members in the order they were written; keys are unique (the loaders refuse duplicates).
        case object([Member])
    }

    /// One key and its value in an object.
    public struct Member: Sendable {
        /// The key.
        public var key: String
        /// Where the key was written.
        public var keyPosition: SourcePosition
        /// The value.
        public var value: ValueNode

        /// Creates a member.
        public init(key: String, keyPosition: SourcePosition, value: ValueNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The value itself.
    public var kind: Kind
    /// Where the value starts.
    public var position: SourcePosition
    /// The text as written, kept for plain (unquoted) YAML scalars so that a message about
    /// `1.10` can show `1.10` and not `1.1`.
    public var sourceText: String?
    /// Where a scalar's text ends (the position just after it), when the loader knows it.
    public var end: SourcePosition?

    /// Creates a node.
    public init(_ kind: Kind, at position: SourcePosition = .start, sourceText: String? = nil) {
        self.kind = kind
        self.position = position
        self.sourceText = sourceText
    }
}

extension ValueNode {
    /// The value of `key` when this is an object that has it.
    public subscript(key: String) -> ValueNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The member named `key` when this is an object that has it.
    public func member(_ key: String) -> Member? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }
    }

    /// The members when this is an object.
    public var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements when this is an array.
    public var elements: [ValueNode]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// The string when this is a string.
    public var stringValue: String? {
        if case .string(let string) = kind { return string }
        return nil
    }

    /// The number when this is an integer or another number.
    public var numberValue: Double? {
        switch kind {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The name of the JSON type, as JSON Schema's `type` keyword spells it.
    public var typeName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .number(let value): return value.rounded() == value && value.isFinite ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The value as it would be written in a message: strings quoted, plain YAML scalars as
    /// written, containers summarised; control characters escaped and long text cut (a card is
    /// untrusted input, and a message is one line).
    public var displayText: String {
        if let sourceText { return DisplayText.quoted(sourceText) }
        switch kind {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return CanonicalJSON.format(value)
        case .string(let string): return "'\(DisplayText.quoted(string))'"
        case .array(let elements): return "an array of \(elements.count)"
        case .object(let members): return "an object of \(members.count) keys"
        }
    }
}

extension ValueNode: Equatable {
    /// JSON equality: numbers compare by value (1 equals 1.0), objects ignore member order,
    /// positions and source text are not part of the value.
    public static func == (lhs: ValueNode, rhs: ValueNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.contains { $0.key == member.key && $0.value == member.value } }
        default:
            if let a = lhs.numberValue, let b = rhs.numberValue { return a == b }
            return false
        }
    }
}
