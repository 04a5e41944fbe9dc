import Foundation

/// Building one subschema's node, and the keywords that check a value itself (types, values,
/// counts, lengths, patterns, formats, numbers); the keywords that apply subschemas are in
/// `SchemaCompiler+Applicators.swift`.
extension SchemaCompiler {
    /// Compiles the subschema `schema` at `location` into node `index` of the table.
    mutating func build(_ schema: ValueNode, location: String, index: Int) throws -> CompiledSchemaNode {
        let node = CompiledSchemaNode()
        node.location = location
        switch schema.kind {
        case .bool(let value):
            node.booleanSchema = value
            return node
        case .object:
            break
        default:
            throw JSONSchemaError(
                position: schema.position, pointer: location,
                message: "a schema must be an object or a boolean, got \(schema.typeName)")
        }
        for member in schema.members ?? [] {
            if try applySubschemas(member, to: node, location: location, index: index) { continue }
            try readAssertion(member, into: node, location: location)
        }
        return node
    }

    /// Reads keyword `member` of the subschema at `location` into `node` when it is one that
    /// checks the value itself; other keywords are annotations as far as this validator is
    /// concerned, and are skipped.
    private func readAssertion(_ member: ValueNode.Member, into node: CompiledSchemaNode, location: String) throws {
        switch member.key {
        case "type":
            var set = CompiledSchemaNode.TypeSet()
            let names = try member.value.stringValue.map { [$0] } ?? Self.strings(member, location)
            for name in names {
                guard let type = CompiledSchemaNode.TypeSet(name: name) else {
                    throw Self.fail(member, location, "unknown type '\(name)'")
                }
                set.insert(type)
            }
            node.types = set
        case "enum":
            guard let elements = member.value.elements else {
                throw Self.fail(member, location, "'enum' must be an array")
            }
            node.enumValues = elements
        case "const":
            node.constValue = member.value
        case "required":
            node.required = try Self.strings(member, location)
            node.hasObjectKeywords = true
        case "minProperties":
            node.minProperties = try Self.count(member, location)
            node.hasObjectKeywords = true
        case "maxProperties":
            node.maxProperties = try Self.count(member, location)
            node.hasObjectKeywords = true
        case "dependentRequired":
            guard let entries = member.value.members else {
                throw Self.fail(member, location, "'dependentRequired' must be an object")
            }
            for entry in entries {
                let requires = ValueNode.Member(
                    key: "dependentRequired", keyPosition: entry.keyPosition, value: entry.value)
                node.dependentRequired.append((entry.key, try Self.strings(requires, location)))
            }
            node.hasObjectKeywords = true
        case "minItems":
            node.minItems = try Self.count(member, location)
            node.hasArrayKeywords = true
        case "maxItems":
            node.maxItems = try Self.count(member, location)
            node.hasArrayKeywords = true
        case "uniqueItems":
            guard case .bool(let value) = member.value.kind else {
                throw Self.fail(member, location, "'uniqueItems' must be a boolean")
            }
            node.uniqueItems = value
            node.hasArrayKeywords = node.hasArrayKeywords || value
        case "minLength":
            node.minLength = try Self.count(member, location)
            node.hasStringKeywords = true
        case "maxLength":
            node.maxLength = try Self.count(member, location)
            node.hasStringKeywords = true
        case "pattern":
            guard let source = member.value.stringValue else {
                throw Self.fail(member, location, "'pattern' must be a string")
            }
            node.pattern = try Self.regex(member, source, location)
            node.hasStringKeywords = true
        case "format":
            guard let name = member.value.stringValue else {
                throw Self.fail(member, location, "'format' must be a string")
            }
            node.format = CompiledSchemaNode.Format(rawValue: name)
            node.hasStringKeywords = node.hasStringKeywords || node.format != nil
        case "minimum":
            node.minimum = try Self.number(member, location)
            node.hasNumberKeywords = true
        case "maximum":
            node.maximum = try Self.number(member, location)
            node.hasNumberKeywords = true
        case "exclusiveMinimum":
            node.exclusiveMinimum = try Self.number(member, location)
            node.hasNumberKeywords = true
        case "exclusiveMaximum":
            node.exclusiveMaximum = try Self.number(member, location)
            node.hasNumberKeywords = true
        case "multipleOf":
            let value = try Self.number(member, location)
            guard value > 0 else { throw Self.fail(member, location, "'multipleOf' must be greater than 0") }
            node.multipleOf = value
            node.hasNumberKeywords = true
        default:
            // Unknown keywords are annotations as far as this validator is concerned.
            break
        }
    }

    // MARK: reading a keyword's value

    /// The error for keyword `member` of the subschema at `location`, located at its value.
    static func fail(_ member: ValueNode.Member, _ location: String, _ message: String) -> JSONSchemaError {
        JSONSchemaError(
            position: member.value.position, pointer: location + "/" + JSONPointer.escape(member.key),
            message: message)
    }

    /// `member`'s value as a non-negative integer.
    static func count(_ member: ValueNode.Member, _ location: String) throws -> Int {
        guard let number = member.value.numberValue, number >= 0, number.rounded() == number, number < 1e15 else {
            throw fail(member, location, "'\(member.key)' must be a non-negative integer")
        }
        return Int(number)
    }

    /// `member`'s value as a number.
    static func number(_ member: ValueNode.Member, _ location: String) throws -> Double {
        guard let number = member.value.numberValue else {
            throw fail(member, location, "'\(member.key)' must be a number")
        }
        return number
    }

    /// `source`, written in keyword `member`, compiled as a regular expression.
    static func regex(_ member: ValueNode.Member, _ source: String, _ location: String) throws -> SchemaRegex {
        do {
            return try SchemaRegex(source)
        } catch {
            throw fail(member, location, "'\(member.key)' has an invalid regular expression '\(source)'")
        }
    }

    /// `member`'s value as an array of strings.
    static func strings(_ member: ValueNode.Member, _ location: String) throws -> [String] {
        guard let elements = member.value.elements else {
            throw fail(member, location, "'\(member.key)' must be an array of strings")
        }
        return try elements.map { element in
            guard let string = element.stringValue else {
                throw fail(member, location, "'\(member.key)' must be an array of strings")
            }
            return string
        }
    }
}
