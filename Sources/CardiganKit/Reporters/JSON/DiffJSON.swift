import Foundation

// The payload of `diff --format json` under the JSON contract (``JSONOutput``).

extension JSONOutput {
    /// `diff --format json`: `base`, `head` and every card that differs.
    public static func diff(_ report: DiffReport) throws -> String {
        try render(command: "diff", report)
    }
}

extension DiffReport: Encodable {
    private enum CodingKeys: String, CodingKey {
        case base, head, cards
    }

    /// `base`, `head`, `cards`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        // Nothing to compare from is null, not the text label "nothing" (the null rule).
        try container.encode(baseIsNothing ? nil : base, forKey: .base)
        try container.encode(head, forKey: .head)
        try container.encode(cards, forKey: .cards)
    }
}

extension CardDiff: Encodable {
    private enum CodingKeys: String, CodingKey {
        case card, change, old, new, changes
    }

    /// `card`, `change` (`added`, `removed`, `modified`), `old` and `new` sides, `changes`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(card, forKey: .card)
        try container.encode(change.rawValue, forKey: .change)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(changes, forKey: .changes)
    }
}

extension CardDiff.Side: Encodable {
    private enum CodingKeys: String, CodingKey {
        case version, label, status
        case riskRating = "risk_rating"
    }

    /// `version`, `label`, `status`, `risk_rating`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(isNothing ? nil : label, forKey: .label)
        try container.encode(status, forKey: .status)
        try container.encode(riskRating, forKey: .riskRating)
    }
}

extension CardChange: Encodable {
    private enum CodingKeys: String, CodingKey {
        case path, kind, old, new, words
        case oldValue = "old_value"
        case newValue = "new_value"
    }

    /// `path`, `kind`, the displays `old` and `new`, `words` (the word-level difference of long
    /// text, else `[]`) and the values themselves, `old_value` and `new_value`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(words ?? [], forKey: .words)
        try container.encode(oldValue, forKey: .oldValue)
        try container.encode(newValue, forKey: .newValue)
    }
}
