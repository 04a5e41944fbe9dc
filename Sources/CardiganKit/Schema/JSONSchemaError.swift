/// A schema that cannot be used: a keyword with a value of the wrong shape, a pattern that
/// does not compile, a `$ref` that points nowhere.
public struct JSONSchemaError: Error, CustomStringConvertible, Sendable {
    /// Where in the schema document the problem is.
    public var position: SourcePosition
    /// The JSON pointer of the schema location at fault.
    public var pointer: String
    /// What is wrong, lowercase and without a final period.
    public var message: String

    /// Creates an error.
    public init(position: SourcePosition, pointer: String, message: String) {
        self.position = position
        self.pointer = pointer
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
