/// The JSON Schema keywords whose failure the validator reports, each as the schema spells it.
public enum SchemaKeyword: String, CaseIterable, Sendable, Hashable {
    /// The schema `false`: no value is allowed.
    case `false`
    case type, const, `enum`, oneOf, anyOf, not
    case minProperties, maxProperties, required, dependentRequired, properties, patternProperties
    case additionalProperties, propertyNames
    case minItems, maxItems, items, uniqueItems
    case minLength, maxLength, pattern, format
    case minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf
}
