/// One field-level difference between two versions of a card.
public struct CardChange: Sendable {
    /// What happened to the field.
    public enum Kind: String, Sendable {
        /// The field or list item is new.
        case added
        /// The field or list item is gone.
        case removed
        /// The value is different.
        case changed
        /// The items of a list of named objects are the same but in another order.
        case reordered
        /// The content and status are the same; only comments or layout differ.
        case formatting
    }

    /// The field in readable form: `intended_uses.risk_rating`,
    /// `evaluation_details[holdout].metric_groups[binary].auc`; empty for the whole card.
    public var path: String
    /// What happened.
    public var kind: Kind
    /// The old value as it would be shown, nil when added.
    public var old: String?
    /// The new value as it would be shown, nil when removed.
    public var new: String?
    /// For long text: the word-level difference between the old and new strings.
    public var words: [WordDiff.Segment]?
    /// The old value itself (whole text, numbers as numbers), for machine readers; `old` is
    /// its one-line display.
    public var oldValue: JSONValue?
    /// The new value itself; `new` is its one-line display.
    public var newValue: JSONValue?

    /// Creates a change.
    public init(
        path: String, kind: Kind, old: String? = nil, new: String? = nil, words: [WordDiff.Segment]? = nil,
        oldValue: JSONValue? = nil, newValue: JSONValue? = nil
    ) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
        self.words = words
        self.oldValue = oldValue
        self.newValue = newValue
    }

    /// Two changes are equal when they show the same: path, kind, displays and word diff.
    /// (`oldValue` and `newValue` are what the displays were made from.)
    public static func == (lhs: CardChange, rhs: CardChange) -> Bool {
        lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.old == rhs.old && lhs.new == rhs.new
            && lhs.words == rhs.words
    }

    /// Whether this is a risk-rating or model-approval change, shown before everything else.
    public var isRiskOrApproval: Bool {
        path == "intended_uses.risk_rating" || path == "model_package_details.model_approval_status"
    }

    /// Whether this is the change of the card's status.
    public var isStatus: Bool { path == "status" }
}

extension CardChange: Equatable {}

/// A card value as plain JSON, for `--format json` output: what a script compares, where the
/// text formats show a display string.
public indirect enum JSONValue: Sendable, Codable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The value of `node`.
    public init(_ node: ValueNode) {
        switch node.kind {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let members):
            self = .object(
                Dictionary(members.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}
