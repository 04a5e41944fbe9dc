import Foundation

/// A compiled `pattern` / `patternProperties` regular expression.
///
/// `NSRegularExpression` is not marked `Sendable`, but it is immutable once created and
/// documented as safe to use for matching from many threads at once; this wrapper never
/// mutates it after `init`, so sharing it across concurrency domains is safe.
final class SchemaRegex: @unchecked Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let expression: NSRegularExpression?
    private let builtIn: (@Sendable (String) -> Bool)?

    /// Compiles `source`; throws when it is not a valid regular expression. The built-in
    /// schema's patterns are matched without ICU (``BuiltInPatterns``).
    init(_ source: String) throws {
        self.source = source
        self.builtIn = BuiltInPatterns.matcher(for: source)
        self.expression = builtIn == nil ? try NSRegularExpression(pattern: source, options: []) : nil
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not anchored).
    func matches(_ text: String) -> Bool {
        if let builtIn { return builtIn(text) }
        guard let expression else { return false }
        let range = NSRange(location: 0, length: (text as NSString).length)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
