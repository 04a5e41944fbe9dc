/// The difference of one card between two points: two versions, a version and the working
/// tree, or two revisions.
public struct CardDiff: Sendable, Equatable {
    /// What happened to the card as a whole.
    public enum Change: String, Sendable {
        case added, removed, modified
    }

    /// One side of the comparison.
    public struct Side: Sendable, Equatable {
        /// The card's version there (its last version record), nil when never versioned or
        /// when the side is the working tree.
        public var version: Int?
        /// What the side is, for people: `v2`, `working tree`, a short commit id.
        public var label: String
        /// The `status` field there.
        public var status: String?
        /// `intended_uses.risk_rating` there.
        public var riskRating: String?
        /// Whether the side is nothing at all: a card with no committed version, diffed from
        /// its latest version. Its label reads ``nothingLabel``; JSON writes null for it.
        public var isNothing = false

        /// Creates a side.
        public init(version: Int?, label: String, status: String?, riskRating: String?) {
            self.version = version
            self.label = label
            self.status = status
            self.riskRating = riskRating
        }

        /// The label of the side of a card that has no committed version.
        public static let nothingLabel = "nothing"

        /// The side of a card that has no committed version.
        public static let nothing: Side = {
            var side = Side(version: nil, label: nothingLabel, status: nil, riskRating: nil)
            side.isNothing = true
            return side
        }()

        /// The label of the working tree's side.
        public static let workingTreeLabel = "working tree"

        /// Whether this side is the file in the working tree.
        public var isWorkingTree: Bool { label == Self.workingTreeLabel && version == nil }

        /// The side of a card tree: status and risk rating read from `root`.
        init(version: Int?, label: String, root: ValueNode?) {
            self.init(
                version: version, label: label, status: root?["status"]?.stringValue,
                riskRating: root?["intended_uses"]?["risk_rating"]?.stringValue)
        }
    }

    /// The card's name.
    public var card: String
    /// Added, removed or modified.
    public var change: Change
    /// Before.
    public var old: Side
    /// After.
    public var new: Side
    /// The field changes, risk rating and approval first, then status, then document order.
    public var changes: [CardChange]

    /// Creates a card diff.
    public init(card: String, change: Change, old: Side, new: Side, changes: [CardChange]) {
        self.card = card
        self.change = change
        self.old = old
        self.new = new
        self.changes = changes
    }

    /// Whether the only change is comments or layout.
    public var isFormattingOnly: Bool { changes.count == 1 && changes[0].kind == .formatting }
}

/// The result of `cardigan diff`: every card that differs between two points.
public struct DiffReport: Sendable, Equatable {
    /// What is compared from: a revision, a version, …
    public var base: String
    /// What is compared to.
    public var head: String
    /// The cards, by name.
    public var cards: [CardDiff]
    /// Whether there is nothing to compare from (a card with no committed version); `base`
    /// then reads ``CardDiff/Side/nothingLabel`` and JSON writes null for it.
    public var baseIsNothing = false

    /// Creates a report.
    public init(base: String, head: String, cards: [CardDiff]) {
        self.base = base
        self.head = head
        self.cards = cards
    }
}

/// How `cardigan diff` is written out.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// Lines for a terminal: `intended_uses.risk_rating: Low → High`.
    case text
    /// A pull-request comment: a summary table, then the details per card.
    case markdown
    /// The report as JSON, keys sorted.
    case json
}
