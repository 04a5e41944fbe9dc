import Foundation

/// A compiled `pattern` / `patternProperties` regular expression.
///
/// `NSRegularExpression` is not marked `Sendable`, but it is immutable once created and
/// documented as safe to use for matching from many threads at once; this wrapper never
/// mutates it after `init`, so sharing it across concurrency domains is safe.
final class SchemaRegex: @unchecked Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let expression: NSRegularExpression

    /// Compiles `source`; throws when it is not a valid regular expression.
    init(_ source: String) throws {
        self.source = source
        self.expression = try NSRegularExpression(pattern: source, options: [])
    }

    /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not anchored).
    func matches(_ text: String) -> Bool {
        let range = NSRange(location: 0, length: (text as NSString).length)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }
}
