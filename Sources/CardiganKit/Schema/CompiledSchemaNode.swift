/// One subschema after compilation: every keyword parsed into a ready-to-use form, subschemas
/// referred to by their index in the schema's node table (which is how `$ref` cycles are
/// represented without reference counting).
///
/// A class, not a struct: validation looks a node up for every value it checks, and copying a
/// struct of this many arrays out of the node table cost a fifth of validating a card.
/// Written only while ``SchemaCompiler`` builds it, read-only after that, hence the unchecked
/// `Sendable`.
final class CompiledSchemaNode: @unchecked Sendable {
    /// The JSON types a `type` keyword allows, as a bit set.
    struct TypeSet: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let null = TypeSet(rawValue: 1 << 0)
        static let boolean = TypeSet(rawValue: 1 << 1)
        static let integer = TypeSet(rawValue: 1 << 2)
        static let number = TypeSet(rawValue: 1 << 3)
        static let string = TypeSet(rawValue: 1 << 4)
        static let array = TypeSet(rawValue: 1 << 5)
        static let object = TypeSet(rawValue: 1 << 6)

        /// The type names in the order messages list them.
        static let ordered: [(TypeSet, String)] = [
            (.string, "string"), (.integer, "integer"), (.number, "number"), (.boolean, "boolean"),
            (.object, "object"), (.array, "array"), (.null, "null"),
        ]

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init?(name: String) {
            guard let match = Self.ordered.first(where: { $0.1 == name }) else { return nil }
            self = match.0
        }
    }

    /// A `format` this validator asserts.
    enum Format: String, Sendable {
        case date
        case dateTime = "date-time"
        case uri, email
    }

    /// `true` / `false` schemas; `nil` for object schemas.
    var booleanSchema: Bool?
    /// The JSON pointer of this subschema in the schema document.
    var location: String = ""

    var types: TypeSet?
    var enumValues: [ValueNode]?
    var constValue: ValueNode?
    var ref: Int?

    var properties: [String: Int] = [:]
    var propertyNames: [String] = []
    var required: [String] = []
    var additionalProperties: Int?
    var patternProperties: [(regex: SchemaRegex, schema: Int)] = []
    var propertyNamesSchema: Int?
    var minProperties: Int?
    var maxProperties: Int?
    var dependentRequired: [(property: String, requires: [String])] = []

    var prefixItems: [Int] = []
    var items: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaRegex?
    var format: Format?

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    /// Whether any keyword about objects is present, so non-objects skip those checks quickly.
    var hasObjectKeywords = false
    /// Whether any keyword about arrays is present.
    var hasArrayKeywords = false
    /// Whether any keyword about strings is present.
    var hasStringKeywords = false
    /// Whether any keyword about numbers is present.
    var hasNumberKeywords = false
}
