/// One field-level difference between two versions of a card.
public struct CardChange: Sendable, Codable, Equatable {
    /// What happened to the field.
    public enum Kind: String, Sendable, Codable {
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

    /// Creates a change.
    public init(path: String, kind: Kind, old: String? = nil, new: String? = nil, words: [WordDiff.Segment]? = nil) {
        self.path = path
        self.kind = kind
        self.old = old
        self.new = new
        self.words = words
    }

    /// Whether this is a risk-rating or model-approval change, shown before everything else.
    public var isRiskOrApproval: Bool {
        path == "intended_uses.risk_rating" || path == "model_package_details.model_approval_status"
    }

    /// Whether this is the change of the card's status.
    public var isStatus: Bool { path == "status" }
}
