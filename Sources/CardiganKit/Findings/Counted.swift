/// A count with its noun, singular or plural as the count asks: `1 version`, `3 versions`,
/// `0 link tags`. Every message that prints a count goes through it, so none reads
/// "1 versions" or "principal(s)".
public enum Counted {
    /// `count` followed by `singular`, or by `plural` (default: `singular` + "s") unless the
    /// count is exactly one.
    public static func text(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}

/// One thing a report counted as checked (`8 commits`), with the key the JSON summary gives it.
public struct CheckedCount: Sendable, Equatable {
    /// The JSON key, snake_case: `commits`, `versions`, `version_tags`, `changed_cards`.
    public var key: String
    /// How many.
    public var count: Int
    /// The count with its noun, for the text summary: `1 version tag`.
    public var text: String

    /// `count` things called `singular` (plural: `singular` + "s"), keyed `key` in JSON.
    public init(_ count: Int, _ singular: String, key: String) {
        self.key = key
        self.count = count
        self.text = Counted.text(count, singular)
    }
}
