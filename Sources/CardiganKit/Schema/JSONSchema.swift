/// A JSON Schema (draft 2020-12) compiled once and then used to validate any number of values.
///
/// Compilation resolves every `$ref` to a node, compiles every regular expression and turns
/// `properties` into dictionaries, so validation does no lookups by name in the schema.
/// ``isValid(_:)`` takes a fast path that stops at the first failure; ``validate(_:)`` runs
/// it first and only collects located violations for values that fail.
public final class JSONSchema: Sendable {
    let nodes: [CompiledSchemaNode]
    let root: Int

    /// Compiles `schema`; throws a ``JSONSchemaError`` located in the schema when a keyword
    /// is unusable (a bad pattern, a `$ref` that points nowhere, a type that doesn't exist).
    public init(_ schema: ValueNode) throws {
        var compiler = SchemaCompiler(schema)
        root = try compiler.compileDocument()
        nodes = compiler.nodes
        try SchemaCycleCheck.check(nodes)
    }

    /// A schema from a node table compiled before (``BuiltInSchemaTable``, which a test keeps
    /// equal to what ``init(_:)`` makes of the built-in schema's text).
    init(nodes: [CompiledSchemaNode], root: Int) {
        self.nodes = nodes
        self.root = root
    }

    /// Every way `instance` fails the schema, sorted by where it was written.
    public func validate(_ instance: ValueNode) -> [SchemaViolation] {
        if isValid(instance) { return [] }
        var collector = SchemaViolationCollector(schema: self)
        collector.collect(root, instance, pointer: "")
        var seen: Set<SchemaViolation> = []
        let unique = collector.violations.filter { seen.insert($0).inserted }
        return unique.sorted { lhs, rhs in
            if lhs.position != rhs.position { return lhs.position < rhs.position }
            if lhs.pointer != rhs.pointer { return lhs.pointer < rhs.pointer }
            if lhs.keyword != rhs.keyword { return lhs.keyword.rawValue < rhs.keyword.rawValue }
            return lhs.message < rhs.message
        }
    }

    /// Whether `instance` satisfies the schema; stops at the first failure.
    public func isValid(_ instance: ValueNode) -> Bool {
        valid(root, instance)
    }

    /// Whether `document` satisfies the schema, asking `memberValidity(node, i)` whether its
    /// member `i` satisfies schema node `node` instead of descending into that member: a caller
    /// that has seen the same member before can answer from memory (``SectionMemo``).
    func isValid(_ document: ValueNode, memberValidity: (_ node: Int, _ member: Int) -> Bool) -> Bool {
        // Optional closures count as escaping; this one never outlives the call.
        withoutActuallyEscaping(memberValidity) { valid(root, document, memberValidity: $0) }
    }

    // MARK: the fast path

    /// Whether `value` satisfies node `index`. `memberValidity`, when given, answers for the
    /// members of `value` itself (and so is passed on only to nodes applied to the same value).
    func valid(_ index: Int, _ value: ValueNode, memberValidity: ((Int, Int) -> Bool)? = nil) -> Bool {
        let node = nodes[index]
        if let boolean = node.booleanSchema { return boolean }
        if let types = node.types, !Self.matches(types, value) { return false }
        if let constValue = node.constValue, !SchemaEquality.equal(constValue, value) { return false }
        if let enumValues = node.enumValues, !enumValues.contains(where: { SchemaEquality.equal($0, value) }) {
            return false
        }
        if let ref = node.ref, !valid(ref, value, memberValidity: memberValidity) { return false }

        switch value.kind {
        case .object(let members) where node.hasObjectKeywords:
            if !validObject(node, members, memberValidity) { return false }
        case .array(let elements) where node.hasArrayKeywords:
            if !validArray(node, elements) { return false }
        case .string(let string) where node.hasStringKeywords:
            if !Self.validString(node, string) { return false }
        case .integer, .number:
            if node.hasNumberKeywords, let number = value.numberValue, !Self.validNumber(node, value, number) {
                return false
            }
        default:
            break
        }

        for sub in node.allOf where !valid(sub, value, memberValidity: memberValidity) { return false }
        if !node.anyOf.isEmpty, !node.anyOf.contains(where: { valid($0, value, memberValidity: memberValidity) }) {
            return false
        }
        if !node.oneOf.isEmpty {
            var matches = 0
            for sub in node.oneOf where valid(sub, value, memberValidity: memberValidity) {
                matches += 1
                if matches > 1 { return false }
            }
            if matches != 1 { return false }
        }
        if let not = node.not, valid(not, value, memberValidity: memberValidity) { return false }
        if let ifSchema = node.ifSchema {
            if valid(ifSchema, value, memberValidity: memberValidity) {
                if let then = node.thenSchema, !valid(then, value, memberValidity: memberValidity) { return false }
            } else if let otherwise = node.elseSchema, !valid(otherwise, value, memberValidity: memberValidity) {
                return false
            }
        }
        return true
    }

    private func validObject(
        _ node: CompiledSchemaNode, _ members: [ValueNode.Member], _ memberValidity: ((Int, Int) -> Bool)?
    ) -> Bool {
        if let minimum = node.minProperties, members.count < minimum { return false }
        if let maximum = node.maxProperties, members.count > maximum { return false }
        for key in node.required where !members.contains(where: { $0.key == key }) { return false }
        for dependency in node.dependentRequired where members.contains(where: { $0.key == dependency.property }) {
            for key in dependency.requires where !members.contains(where: { $0.key == key }) { return false }
        }
        let checksMembers =
            !node.properties.isEmpty || !node.patternProperties.isEmpty
            || node.additionalProperties != nil || node.propertyNamesSchema != nil
        guard checksMembers else { return true }
        for (position, member) in members.enumerated() {
            func validMember(_ index: Int) -> Bool {
                memberValidity?(index, position) ?? valid(index, member.value)
            }
            var matched = false
            if let property = node.properties[member.key] {
                matched = true
                if !validMember(property) { return false }
            }
            for pattern in node.patternProperties where pattern.regex.matches(member.key) {
                matched = true
                if !validMember(pattern.schema) { return false }
            }
            if !matched, let additional = node.additionalProperties, !validMember(additional) { return false }
            if let names = node.propertyNamesSchema,
                !valid(names, ValueNode(.string(member.key), at: member.keyPosition))
            {
                return false
            }
        }
        return true
    }

    private func validArray(_ node: CompiledSchemaNode, _ elements: [ValueNode]) -> Bool {
        if let minimum = node.minItems, elements.count < minimum { return false }
        if let maximum = node.maxItems, elements.count > maximum { return false }
        for (index, element) in elements.enumerated() {
            if index < node.prefixItems.count {
                if !valid(node.prefixItems[index], element) { return false }
            } else if let items = node.items, !valid(items, element) {
                return false
            }
        }
        if node.uniqueItems, Self.firstDuplicate(in: elements) != nil { return false }
        return true
    }

    static func validString(_ node: CompiledSchemaNode, _ string: String) -> Bool {
        if node.minLength != nil || node.maxLength != nil, !lengthIsSettled(node, byteCount: string.utf8.count) {
            let length = string.unicodeScalars.count
            if let minimum = node.minLength, length < minimum { return false }
            if let maximum = node.maxLength, length > maximum { return false }
        }
        if let pattern = node.pattern, !pattern.matches(string) { return false }
        if let format = node.format, !SchemaFormats.isValid(string, format: format) { return false }
        return true
    }

    /// Whether `minLength` and `maxLength` both hold for any string of `byteCount` UTF-8 bytes,
    /// which has from a quarter of that many Unicode scalars to as many: counting the scalars of
    /// every long description cost a tenth of schema validation.
    private static func lengthIsSettled(_ node: CompiledSchemaNode, byteCount: Int) -> Bool {
        (node.maxLength.map { byteCount <= $0 } ?? true) && (node.minLength.map { (byteCount + 3) / 4 >= $0 } ?? true)
    }

    static func validNumber(_ node: CompiledSchemaNode, _ value: ValueNode, _ number: Double) -> Bool {
        if let minimum = node.minimum, number < minimum { return false }
        if let maximum = node.maximum, number > maximum { return false }
        if let minimum = node.exclusiveMinimum, number <= minimum { return false }
        if let maximum = node.exclusiveMaximum, number >= maximum { return false }
        if let divisor = node.multipleOf, !isMultiple(value, number, of: divisor) { return false }
        return true
    }

    // MARK: helpers shared with the collector

    static func matches(_ types: CompiledSchemaNode.TypeSet, _ value: ValueNode) -> Bool {
        switch value.kind {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .integer: return types.contains(.integer) || types.contains(.number)
        case .number(let number):
            if types.contains(.number) { return true }
            return types.contains(.integer) && number.isFinite && number.rounded() == number
        case .string: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    /// Whether `number` is an integer multiple of `divisor`, tolerating the rounding error of
    /// binary fractions (0.0075 is a multiple of 0.0001) and never trapping on huge values.
    static func isMultiple(_ value: ValueNode, _ number: Double, of divisor: Double) -> Bool {
        if case .integer(let integer) = value.kind, divisor.rounded() == divisor, divisor < 9e18 {
            return integer % Int(divisor) == 0
        }
        let quotient = number / divisor
        guard quotient.isFinite else { return false }
        if quotient.rounded() == quotient { return true }
        return abs(quotient - quotient.rounded()) < 1e-9
    }

    /// The indices of the first element equal to an earlier one, if any.
    static func firstDuplicate(in elements: [ValueNode]) -> (first: Int, second: Int)? {
        guard elements.count > 1 else { return nil }
        for second in 1..<elements.count {
            for first in 0..<second where SchemaEquality.equal(elements[first], elements[second]) {
                return (first, second)
            }
        }
        return nil
    }
}
