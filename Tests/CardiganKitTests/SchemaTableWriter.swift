import Foundation

@testable import CardiganKit

/// Writes a compiled schema's node table as Swift source: the generated
/// `Sources/CardiganKit/Generated/BuiltInSchemaTable.swift`, which `BuiltInSchemaTableTests`
/// keeps equal to what the compiler makes of the built-in schema's text
/// (`UPDATE_GOLDEN=1 swift test --filter BuiltInSchemaTableTests` writes it again).
///
/// Every stored property of ``CompiledSchemaNode`` is written when it differs from its default;
/// ``fieldCount`` is how many there are, and a test fails when the node gains one this writer
/// does not know.
enum SchemaTableWriter {
    /// The number of stored properties of ``CompiledSchemaNode`` that ``source(of:text:)`` writes.
    static let fieldCount = 40

    /// The generated file for `schema`, compiled from `text`.
    static func source(of schema: JSONSchema, text: String) -> String {
        var out = """
            // Generated from templates/\(EmbeddedTemplates.schemaPath) by Tests/CardiganKitTests/SchemaTableWriter.swift
            // (`UPDATE_GOLDEN=1 swift test --filter BuiltInSchemaTableTests`); do not edit by hand.

            /// The built-in schema compiled at build time: the node table ``SchemaCompiler`` makes of
            /// `templates/\(EmbeddedTemplates.schemaPath)`, written out as code so that no process parses and
            /// compiles the text (see `BuiltInSchemaTable+Loading.swift`).
            enum BuiltInSchemaTable {
                /// The UTF-8 length of the schema text the table was made from.
                static let sourceLength = \(text.utf8.count)
                /// The FNV-1a hash of that text (``fingerprint(of:)``).
                static let sourceFingerprint: UInt64 = 0x\(String(BuiltInSchemaTable.fingerprint(of: text), radix: 16))
                /// The index of the root node.
                static let root = \(schema.root)

                /// The node table.
                static func nodes() throws -> [CompiledSchemaNode] {
                    var nodes: [CompiledSchemaNode] = []
                    nodes.reserveCapacity(\(schema.nodes.count))
                    var node: CompiledSchemaNode

            """
        var written: [String: Int] = [:]
        for (index, node) in schema.nodes.enumerated() {
            out += "        // \(index)\n"
            out += "        node = CompiledSchemaNode()\n"
            for line in lines(of: node) {
                let text = line.hasPrefix("location = ") ? locationLine(node.location, written) : line
                out += "        node." + text + "\n"
            }
            out += "        nodes.append(node)\n"
            written[node.location] = index
        }
        out += "        return nodes\n    }\n}\n"
        return out
    }

    /// The assignment of `location`, as the location of a node written before it (its longest
    /// such prefix) and the rest, so that no line of the file is longer than the linter allows.
    static func locationLine(_ location: String, _ written: [String: Int]) -> String {
        var prefix = location
        while let slash = prefix.lastIndex(of: "/"), slash != prefix.startIndex {
            prefix = String(prefix[..<slash])
            if let index = written[prefix] {
                return "location = nodes[\(index)].location + \(literal(String(location.dropFirst(prefix.count))))"
            }
        }
        return "location = \(literal(location))"
    }

    /// The assignments that rebuild `node`, one a line, each without the leading `node.`.
    static func lines(of node: CompiledSchemaNode) -> [String] {
        var lines: [String] = []
        func set(_ name: String, _ value: String?) { if let value { lines.append("\(name) = \(value)") } }
        func append(_ name: String, _ values: [String]) {
            for value in values { lines.append("\(name).append(\(value))") }
        }
        set("booleanSchema", node.booleanSchema.map { "\($0)" })
        set("location", node.location.isEmpty ? nil : literal(node.location))
        set("types", node.types.map { "CompiledSchemaNode.TypeSet(rawValue: \($0.rawValue))" })
        if let values = node.enumValues {
            lines.append("enumValues = []")
            for value in values { lines.append("enumValues?.append(\(valueSource(value)))") }
        }
        set("constValue", node.constValue.map(valueSource))
        set("ref", node.ref.map { "\($0)" })
        for name in node.propertyNames {
            if let index = node.properties[name] { lines.append("properties[\(literal(name))] = \(index)") }
        }
        append("propertyNames", node.propertyNames.map(literal))
        append("required", node.required.map(literal))
        set("additionalProperties", node.additionalProperties.map { "\($0)" })
        append(
            "patternProperties",
            node.patternProperties.map { "(try SchemaRegex(\(literal($0.regex.source))), \($0.schema))" })
        set("propertyNamesSchema", node.propertyNamesSchema.map { "\($0)" })
        set("minProperties", node.minProperties.map { "\($0)" })
        set("maxProperties", node.maxProperties.map { "\($0)" })
        append(
            "dependentRequired",
            node.dependentRequired.map {
                "(\(literal($0.property)), [\($0.requires.map(literal).joined(separator: ", "))])"
            })
        append("prefixItems", node.prefixItems.map { "\($0)" })
        set("items", node.items.map { "\($0)" })
        set("minItems", node.minItems.map { "\($0)" })
        set("maxItems", node.maxItems.map { "\($0)" })
        set("uniqueItems", node.uniqueItems ? "true" : nil)
        set("minLength", node.minLength.map { "\($0)" })
        set("maxLength", node.maxLength.map { "\($0)" })
        set("pattern", node.pattern.map { "try SchemaRegex(\(literal($0.source)))" })
        set("format", node.format.map { "CompiledSchemaNode.Format(rawValue: \(literal($0.rawValue)))" })
        set("minimum", node.minimum.map { "\($0)" })
        set("maximum", node.maximum.map { "\($0)" })
        set("exclusiveMinimum", node.exclusiveMinimum.map { "\($0)" })
        set("exclusiveMaximum", node.exclusiveMaximum.map { "\($0)" })
        set("multipleOf", node.multipleOf.map { "\($0)" })
        append("allOf", node.allOf.map { "\($0)" })
        append("anyOf", node.anyOf.map { "\($0)" })
        append("oneOf", node.oneOf.map { "\($0)" })
        set("not", node.not.map { "\($0)" })
        set("ifSchema", node.ifSchema.map { "\($0)" })
        set("thenSchema", node.thenSchema.map { "\($0)" })
        set("elseSchema", node.elseSchema.map { "\($0)" })
        set("hasObjectKeywords", node.hasObjectKeywords ? "true" : nil)
        set("hasArrayKeywords", node.hasArrayKeywords ? "true" : nil)
        set("hasStringKeywords", node.hasStringKeywords ? "true" : nil)
        set("hasNumberKeywords", node.hasNumberKeywords ? "true" : nil)
        return lines
    }

    /// `value` as an expression (``BuiltInSchemaTable/value(_:_:_:)``), positions included.
    static func valueSource(_ value: ValueNode) -> String {
        precondition(value.sourceText == nil && value.end == nil, "the JSON parser keeps neither")
        let kind: String
        switch value.kind {
        case .null: kind = ".null"
        case .bool(let bool): kind = ".bool(\(bool))"
        case .integer(let integer): kind = ".integer(\(integer))"
        case .number(let number): kind = ".number(\(number))"
        case .string(let string): kind = ".string(\(literal(string)))"
        case .array(let elements): kind = ".array([\(elements.map(valueSource).joined(separator: ", "))])"
        case .object(let members):
            let written = members.map {
                "BuiltInSchemaTable.member(\(literal($0.key)), \($0.keyPosition.line), \($0.keyPosition.column), "
                    + "\(valueSource($0.value)))"
            }
            kind = ".object([\(written.joined(separator: ", "))])"
        }
        return "BuiltInSchemaTable.value(\(kind), \(value.position.line), \(value.position.column))"
    }

    /// `string` as a Swift string literal.
    static func literal(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case " "..."~": out.unicodeScalars.append(scalar)
            default: out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out + "\""
    }
}
