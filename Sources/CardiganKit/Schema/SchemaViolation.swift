/// One way an instance fails a JSON Schema, located where the offending value was written.
public struct SchemaViolation: Sendable, Hashable {
    /// The JSON pointer of the instance value, e.g. `/intended_uses/risk_rating`.
    public var pointer: String
    /// Where the instance value was written; for `additionalProperties` and `propertyNames`,
    /// where the offending key was written.
    public var position: SourcePosition
    /// Where the offending value ends, when known (scalars read from YAML).
    public var end: SourcePosition?
    /// The schema keyword that failed: `required`, `enum`, `type`, …
    public var keyword: SchemaKeyword
    /// What is wrong: lowercase, names quoted with '…', no final period.
    public var message: String
    /// What to do about it, e.g. `did you mean 'Medium'?` or `quote it: '1.10'`.
    public var hint: String?

    /// Creates a violation.
    public init(pointer: String, position: SourcePosition, keyword: SchemaKeyword, message: String, hint: String? = nil)
    {
        self.pointer = pointer
        self.position = position
        self.keyword = keyword
        self.message = message
        self.hint = hint
    }
}
