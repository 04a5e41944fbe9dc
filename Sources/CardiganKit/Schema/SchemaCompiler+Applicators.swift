import Foundation

/// The keywords that apply subschemas (`$ref`, the object and array applicators, the logic
/// ones and the conditionals): each subschema compiled once, referred to by its index.
extension SchemaCompiler {
    /// Reads keyword `member` of the subschema at `location` (node `index`) into `node` when it
    /// applies subschemas; whether it did.
    mutating func applySubschemas(
        _ member: ValueNode.Member, to node: CompiledSchemaNode, location: String, index: Int
    ) throws -> Bool {
        switch member.key {
        case "$ref":
            guard let reference = member.value.stringValue else {
                throw Self.fail(member, location, "'$ref' must be a string")
            }
            pendingRefs.append((index, reference, base(at: location), member.value, location + "/$ref"))
        case "properties":
            guard let entries = member.value.members else {
                throw Self.fail(member, location, "'properties' must be an object")
            }
            for entry in entries {
                node.properties[entry.key] = try compile(
                    entry.value, at: location + "/properties/" + JSONPointer.escape(entry.key))
                node.propertyNames.append(entry.key)
            }
            node.hasObjectKeywords = true
        case "additionalProperties":
            node.additionalProperties = try sub(member, location)
            node.hasObjectKeywords = true
        case "patternProperties":
            guard let entries = member.value.members else {
                throw Self.fail(member, location, "'patternProperties' must be an object")
            }
            for entry in entries {
                let compiled = try Self.regex(member, entry.key, location)
                let schema = try compile(
                    entry.value, at: location + "/patternProperties/" + JSONPointer.escape(entry.key))
                node.patternProperties.append((compiled, schema))
            }
            node.hasObjectKeywords = true
        case "propertyNames":
            node.propertyNamesSchema = try sub(member, location)
            node.hasObjectKeywords = true
        case "prefixItems":
            node.prefixItems = try subArray(member, location)
            node.hasArrayKeywords = true
        case "items":
            node.items = try sub(member, location)
            node.hasArrayKeywords = true
        case "allOf":
            node.allOf = try subArray(member, location)
        case "anyOf":
            node.anyOf = try subArray(member, location)
        case "oneOf":
            node.oneOf = try subArray(member, location)
        case "not":
            node.not = try sub(member, location)
        case "if":
            node.ifSchema = try sub(member, location)
        case "then":
            node.thenSchema = try sub(member, location)
        case "else":
            node.elseSchema = try sub(member, location)
        default:
            return false
        }
        return true
    }

    /// The subschema that is `member`'s value, compiled.
    private mutating func sub(_ member: ValueNode.Member, _ location: String) throws -> Int {
        try compile(member.value, at: location + "/" + JSONPointer.escape(member.key))
    }

    /// The subschemas in `member`'s array, compiled; only `prefixItems` may be empty.
    private mutating func subArray(_ member: ValueNode.Member, _ location: String) throws -> [Int] {
        guard let elements = member.value.elements, !elements.isEmpty || member.key == "prefixItems" else {
            throw Self.fail(member, location, "'\(member.key)' must be a non-empty array of schemas")
        }
        let arrayLocation = location + "/" + JSONPointer.escape(member.key)
        return try elements.enumerated().map { try compile($0.element, at: arrayLocation + "/\($0.offset)") }
    }
}
