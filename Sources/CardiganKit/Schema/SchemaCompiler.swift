import Foundation

/// Turns a schema document into the node table ``JSONSchema`` evaluates: finds every `$id`
/// and `$anchor`, compiles each subschema once, resolves every `$ref` to a node index and
/// compiles every regular expression up front.
struct SchemaCompiler {
    /// The base URI of a schema document that has no `$id` of its own.
    static let defaultBase = "https://cardigan.invalid/schema.json"

    private let root: ValueNode
    private(set) var nodes: [CompiledSchemaNode] = []
    private var indexByLocation: [String: Int] = [:]
    private var resources: [String: String] = [:]
    private var anchors: [String: String] = [:]
    private var baseByLocation: [String: String] = [:]
    private var pendingRefs: [(node: Int, reference: String, base: String, at: ValueNode, location: String)] = []
    /// `$ref` targets already resolved, by base URI and reference: the built-in schema names the
    /// same few definitions dozens of times, and resolving one (URI resolution, pointer
    /// decoding, a walk from the root) was a third of compiling it.
    private var resolvedRefs: [RefKey: Int] = [:]

    /// A `$ref` as written, with the base URI it is resolved against.
    private struct RefKey: Hashable {
        let base: String
        let reference: String
    }

    /// How a keyword holds subschemas: one, an array of them, an object of them, or none.
    private enum SubschemaShape {
        case single, array, map, none

        init(keyword: String) {
            switch keyword {
            case "additionalProperties", "propertyNames", "items", "not", "if", "then", "else", "contains",
                "unevaluatedItems", "unevaluatedProperties", "additionalItems":
                self = .single
            case "allOf", "anyOf", "oneOf", "prefixItems":
                self = .array
            case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas":
                self = .map
            default:
                self = .none
            }
        }
    }

    init(_ root: ValueNode) {
        self.root = root
    }

    /// Compiles the whole document and returns the index of the root node.
    mutating func compileDocument() throws -> Int {
        resources[Self.defaultBase] = ""
        scan(root, location: "", base: Self.defaultBase)
        let rootIndex = try compile(root, at: "")
        while let pending = pendingRefs.popLast() {
            let target = try resolveReference(
                pending.reference, base: pending.base, at: pending.at, location: pending.location)
            nodes[pending.node].ref = target
        }
        return rootIndex
    }

    // MARK: finding resources

    private mutating func scan(_ node: ValueNode, location: String, base: String) {
        guard let members = node.members else { return }
        var base = base
        if let id = node["$id"]?.stringValue {
            base = SchemaURI.splitFragment(SchemaURI.resolve(id, against: base)).document
            resources[base] = location
        }
        if let anchor = node["$anchor"]?.stringValue {
            anchors[base + "#" + anchor] = location
        }
        baseByLocation[location] = base
        for member in members {
            switch SubschemaShape(keyword: member.key) {
            case .single:
                scan(member.value, location: location + "/" + JSONPointer.escape(member.key), base: base)
            case .array:
                guard let elements = member.value.elements else { continue }
                let childLocation = location + "/" + JSONPointer.escape(member.key)
                for (index, element) in elements.enumerated() {
                    scan(element, location: childLocation + "/\(index)", base: base)
                }
            case .map:
                guard let entries = member.value.members else { continue }
                let childLocation = location + "/" + JSONPointer.escape(member.key)
                for entry in entries {
                    scan(entry.value, location: childLocation + "/" + JSONPointer.escape(entry.key), base: base)
                }
            case .none:
                continue
            }
        }
    }

    /// The base URI in effect at `location`, for locations the scan did not reach (a `$ref`
    /// into an unknown keyword): every `$id` on the way down applies.
    private func base(at location: String) -> String {
        if let known = baseByLocation[location] { return known }
        var base = Self.defaultBase
        var current: ValueNode? = root
        for token in JSONPointer.tokens(of: location) {
            if let id = current?["$id"]?.stringValue {
                base = SchemaURI.splitFragment(SchemaURI.resolve(id, against: base)).document
            }
            current = current.flatMap { JSONPointer.child(of: $0, token: token) }
        }
        if let id = current?["$id"]?.stringValue {
            base = SchemaURI.splitFragment(SchemaURI.resolve(id, against: base)).document
        }
        return base
    }

    private mutating func resolveReference(_ reference: String, base: String, at: ValueNode, location: String) throws
        -> Int
    {
        let key = RefKey(base: base, reference: reference)
        if let known = resolvedRefs[key] { return known }
        let index = try resolveUncached(reference, base: base, at: at, location: location)
        resolvedRefs[key] = index
        return index
    }

    private mutating func resolveUncached(_ reference: String, base: String, at: ValueNode, location: String) throws
        -> Int
    {
        let absolute = SchemaURI.resolve(reference, against: base)
        let (document, rawFragment) = SchemaURI.splitFragment(absolute)
        let fragment = SchemaURI.percentDecode(rawFragment)
        guard let resource = resources[document] else {
            throw JSONSchemaError(
                position: at.position, pointer: location,
                message: "cannot resolve $ref '\(reference)': no schema has the URI '\(document)'")
        }
        let target: String
        if fragment.isEmpty {
            target = resource
        } else if fragment.hasPrefix("/") {
            target = resource + fragment
        } else if let anchored = anchors[document + "#" + fragment] {
            target = anchored
        } else {
            throw JSONSchemaError(
                position: at.position, pointer: location,
                message: "cannot resolve $ref '\(reference)': no anchor '\(fragment)'")
        }
        let canonical = JSONPointer.canonical(target)
        if let existing = indexByLocation[canonical] { return existing }
        guard let schema = JSONPointer.node(at: target, in: root) else {
            throw JSONSchemaError(
                position: at.position, pointer: location,
                message: "cannot resolve $ref '\(reference)': nothing at '\(target)'")
        }
        return try compile(schema, at: canonical)
    }

    // MARK: compiling

    /// Compiles `schema`, which is at `location` (a canonical pointer) in the document, once:
    /// the callers hand over the node they hold, so no pointer is walked from the root again.
    private mutating func compile(_ schema: ValueNode, at location: String) throws -> Int {
        if let existing = indexByLocation[location] { return existing }
        let index = nodes.count
        indexByLocation[location] = index
        nodes.append(CompiledSchemaNode())
        nodes[index] = try build(schema, location: location, index: index)
        return index
    }

    private mutating func build(_ schema: ValueNode, location: String, index: Int) throws -> CompiledSchemaNode {
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
        let members = schema.members ?? []
        func fail(_ member: ValueNode.Member, _ message: String) -> JSONSchemaError {
            JSONSchemaError(
                position: member.value.position, pointer: location + "/" + JSONPointer.escape(member.key),
                message: message)
        }
        func sub(_ member: ValueNode.Member) throws -> Int {
            try compile(member.value, at: location + "/" + JSONPointer.escape(member.key))
        }
        func subArray(_ member: ValueNode.Member) throws -> [Int] {
            guard let elements = member.value.elements, !elements.isEmpty || member.key == "prefixItems" else {
                throw fail(member, "'\(member.key)' must be a non-empty array of schemas")
            }
            let arrayLocation = location + "/" + JSONPointer.escape(member.key)
            return try elements.enumerated().map { try compile($0.element, at: arrayLocation + "/\($0.offset)") }
        }
        func count(_ member: ValueNode.Member) throws -> Int {
            guard let number = member.value.numberValue, number >= 0, number.rounded() == number, number < 1e15 else {
                throw fail(member, "'\(member.key)' must be a non-negative integer")
            }
            return Int(number)
        }
        func number(_ member: ValueNode.Member) throws -> Double {
            guard let number = member.value.numberValue else { throw fail(member, "'\(member.key)' must be a number") }
            return number
        }
        func regex(_ member: ValueNode.Member, _ source: String) throws -> SchemaRegex {
            do {
                return try SchemaRegex(source)
            } catch {
                throw fail(member, "'\(member.key)' has an invalid regular expression '\(source)'")
            }
        }
        func strings(_ member: ValueNode.Member) throws -> [String] {
            guard let elements = member.value.elements else {
                throw fail(member, "'\(member.key)' must be an array of strings")
            }
            return try elements.map { element in
                guard let string = element.stringValue else {
                    throw fail(member, "'\(member.key)' must be an array of strings")
                }
                return string
            }
        }

        for member in members {
            switch member.key {
            case "type":
                var set = CompiledSchemaNode.TypeSet()
                let names = try member.value.stringValue.map { [$0] } ?? strings(member)
                for name in names {
                    guard let type = CompiledSchemaNode.TypeSet(name: name) else {
                        throw fail(member, "unknown type '\(name)'")
                    }
                    set.insert(type)
                }
                node.types = set
            case "enum":
                guard let elements = member.value.elements else { throw fail(member, "'enum' must be an array") }
                node.enumValues = elements
            case "const":
                node.constValue = member.value
            case "$ref":
                guard let reference = member.value.stringValue else { throw fail(member, "'$ref' must be a string") }
                pendingRefs.append((index, reference, base(at: location), member.value, location + "/$ref"))
            case "properties":
                guard let entries = member.value.members else { throw fail(member, "'properties' must be an object") }
                for entry in entries {
                    node.properties[entry.key] = try compile(
                        entry.value, at: location + "/properties/" + JSONPointer.escape(entry.key))
                    node.propertyNames.append(entry.key)
                }
                node.hasObjectKeywords = true
            case "required":
                node.required = try strings(member)
                node.hasObjectKeywords = true
            case "additionalProperties":
                node.additionalProperties = try sub(member)
                node.hasObjectKeywords = true
            case "patternProperties":
                guard let entries = member.value.members else {
                    throw fail(member, "'patternProperties' must be an object")
                }
                for entry in entries {
                    let compiled = try regex(member, entry.key)
                    node.patternProperties.append(
                        (
                            compiled,
                            try compile(
                                entry.value, at: location + "/patternProperties/" + JSONPointer.escape(entry.key))
                        ))
                }
                node.hasObjectKeywords = true
            case "propertyNames":
                node.propertyNamesSchema = try sub(member)
                node.hasObjectKeywords = true
            case "minProperties":
                node.minProperties = try count(member)
                node.hasObjectKeywords = true
            case "maxProperties":
                node.maxProperties = try count(member)
                node.hasObjectKeywords = true
            case "dependentRequired":
                guard let entries = member.value.members else {
                    throw fail(member, "'dependentRequired' must be an object")
                }
                for entry in entries {
                    node.dependentRequired.append(
                        (
                            entry.key,
                            try strings(
                                ValueNode.Member(
                                    key: "dependentRequired", keyPosition: entry.keyPosition, value: entry.value))
                        ))
                }
                node.hasObjectKeywords = true
            case "prefixItems":
                node.prefixItems = try subArray(member)
                node.hasArrayKeywords = true
            case "items":
                node.items = try sub(member)
                node.hasArrayKeywords = true
            case "minItems":
                node.minItems = try count(member)
                node.hasArrayKeywords = true
            case "maxItems":
                node.maxItems = try count(member)
                node.hasArrayKeywords = true
            case "uniqueItems":
                guard case .bool(let value) = member.value.kind else {
                    throw fail(member, "'uniqueItems' must be a boolean")
                }
                node.uniqueItems = value
                node.hasArrayKeywords = node.hasArrayKeywords || value
            case "minLength":
                node.minLength = try count(member)
                node.hasStringKeywords = true
            case "maxLength":
                node.maxLength = try count(member)
                node.hasStringKeywords = true
            case "pattern":
                guard let source = member.value.stringValue else { throw fail(member, "'pattern' must be a string") }
                node.pattern = try regex(member, source)
                node.hasStringKeywords = true
            case "format":
                guard let name = member.value.stringValue else { throw fail(member, "'format' must be a string") }
                node.format = CompiledSchemaNode.Format(rawValue: name)
                node.hasStringKeywords = node.hasStringKeywords || node.format != nil
            case "minimum":
                node.minimum = try number(member)
                node.hasNumberKeywords = true
            case "maximum":
                node.maximum = try number(member)
                node.hasNumberKeywords = true
            case "exclusiveMinimum":
                node.exclusiveMinimum = try number(member)
                node.hasNumberKeywords = true
            case "exclusiveMaximum":
                node.exclusiveMaximum = try number(member)
                node.hasNumberKeywords = true
            case "multipleOf":
                let value = try number(member)
                guard value > 0 else { throw fail(member, "'multipleOf' must be greater than 0") }
                node.multipleOf = value
                node.hasNumberKeywords = true
            case "allOf":
                node.allOf = try subArray(member)
            case "anyOf":
                node.anyOf = try subArray(member)
            case "oneOf":
                node.oneOf = try subArray(member)
            case "not":
                node.not = try sub(member)
            case "if":
                node.ifSchema = try sub(member)
            case "then":
                node.thenSchema = try sub(member)
            case "else":
                node.elseSchema = try sub(member)
            default:
                // Unknown keywords are annotations as far as this validator is concerned.
                break
            }
        }
        return node
    }
}
