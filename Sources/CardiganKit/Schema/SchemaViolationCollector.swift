/// Walks an instance that failed a ``JSONSchema`` and writes down every violation, located and
/// worded for people: the slow path, run only when the fast check has already said no.
struct SchemaViolationCollector {
    let schema: JSONSchema
    private(set) var violations: [SchemaViolation] = []

    init(schema: JSONSchema) {
        self.schema = schema
    }

    private var nodes: [CompiledSchemaNode] { schema.nodes }

    private mutating func add(
        _ value: ValueNode, _ pointer: String, _ keyword: SchemaKeyword, _ message: String, hint: String? = nil
    ) {
        var violation = SchemaViolation(
            pointer: pointer, position: value.position, keyword: keyword, message: message, hint: hint)
        violation.end = value.end
        violations.append(violation)
    }

    /// Collects the violations of `value` (at `pointer`) against node `index`.
    mutating func collect(_ index: Int, _ value: ValueNode, pointer: String) {
        // Valid subtrees are pruned with the fast path, so only failing branches are explained.
        if schema.valid(index, value) { return }
        let node = nodes[index]
        if let boolean = node.booleanSchema {
            if !boolean { add(value, pointer, .`false`, "no value is allowed here") }
            return
        }
        if let types = node.types, !JSONSchema.matches(types, value) {
            add(
                value, pointer, .type, "expected \(Self.phrase(types)), got \(Self.describe(value))",
                hint: Self.typeHint(types, value))
            // Every other keyword would only restate that the value has the wrong type.
            return
        }
        if let constValue = node.constValue, !SchemaEquality.equal(constValue, value) {
            add(
                value, pointer, .const, "expected \(constValue.displayText), got \(value.displayText)",
                hint: Self.didYouMean(value, among: [constValue]))
        }
        if let enumValues = node.enumValues, !enumValues.contains(where: { SchemaEquality.equal($0, value) }) {
            let shown = enumValues.prefix(8).map(\.displayText).joined(separator: ", ")
            let more = enumValues.count > 8 ? ", … (\(enumValues.count) values)" : ""
            add(
                value, pointer, .`enum`, "\(value.displayText) is not one of \(shown)\(more)",
                hint: Self.didYouMean(value, among: enumValues))
        }
        if let ref = node.ref { collect(ref, value, pointer: pointer) }

        switch value.kind {
        case .object(let members) where node.hasObjectKeywords:
            collectObject(node, value, members, pointer: pointer)
        case .array(let elements) where node.hasArrayKeywords:
            collectArray(node, value, elements, pointer: pointer)
        case .string(let string) where node.hasStringKeywords:
            collectString(node, value, string, pointer: pointer)
        case .integer, .number:
            if node.hasNumberKeywords, let number = value.numberValue {
                collectNumber(node, value, number, pointer: pointer)
            }
        default:
            break
        }

        for sub in node.allOf { collect(sub, value, pointer: pointer) }
        if !node.anyOf.isEmpty, !node.anyOf.contains(where: { schema.valid($0, value) }) {
            collectBestBranch(of: node.anyOf, value, pointer: pointer)
        }
        if !node.oneOf.isEmpty {
            let matching = node.oneOf.indices.filter { schema.valid(node.oneOf[$0], value) }
            if matching.isEmpty {
                collectBestBranch(of: node.oneOf, value, pointer: pointer)
            } else if matching.count > 1 {
                let names = matching.map { String($0 + 1) }
                let list = names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
                add(
                    value, pointer, .oneOf,
                    "matches \(matching.count) of the 'oneOf' alternatives (\(list)), expected exactly one")
            }
        }
        if let not = node.not, schema.valid(not, value) {
            add(value, pointer, .not, "must not match the schema in 'not'")
        }
        if let ifSchema = node.ifSchema {
            if schema.valid(ifSchema, value) {
                if let then = node.thenSchema { collect(then, value, pointer: pointer) }
            } else if let otherwise = node.elseSchema {
                collect(otherwise, value, pointer: pointer)
            }
        }
    }

    // MARK: objects

    private mutating func collectObject(
        _ node: CompiledSchemaNode, _ value: ValueNode, _ members: [ValueNode.Member], pointer: String
    ) {
        let count = members.count
        if let minimum = node.minProperties, count < minimum {
            add(
                value, pointer, .minProperties,
                "expected at least \(minimum) \(minimum == 1 ? "property" : "properties"), got \(count)")
        }
        if let maximum = node.maxProperties, count > maximum {
            add(
                value, pointer, .maxProperties,
                "expected at most \(maximum) \(maximum == 1 ? "property" : "properties"), got \(count)")
        }
        let keys = members.map(\.key)
        // A set, not the array: a hostile card with 100,000 unknown keys asked the array
        // 100,000 times, which made validation quadratic (minutes for a 1 MiB file).
        let keySet = Set(keys)
        for key in node.required where !keySet.contains(key) {
            let unknownKeys = keys.filter { node.properties[$0] == nil }
            let hint = SchemaSuggestion.nearest(to: key, in: unknownKeys).map {
                "is '\($0)' a misspelling of '\(key)'?"
            }
            add(value, pointer, .required, "missing required property '\(key)'", hint: hint)
        }
        for dependency in node.dependentRequired where keySet.contains(dependency.property) {
            for key in dependency.requires where !keySet.contains(key) {
                add(value, pointer, .dependentRequired, "'\(dependency.property)' requires '\(key)' to be present too")
            }
        }
        for member in members {
            let childPointer = pointer + "/" + JSONPointer.escape(member.key)
            let keyNode = ValueNode(.string(member.key), at: member.keyPosition)
            var matched = false
            if let property = node.properties[member.key] {
                matched = true
                if nodes[property].booleanSchema == false {
                    add(keyNode, childPointer, .properties, "key '\(member.key)' is not allowed here")
                } else {
                    collect(property, member.value, pointer: childPointer)
                }
            }
            for pattern in node.patternProperties where pattern.regex.matches(member.key) {
                matched = true
                if nodes[pattern.schema].booleanSchema == false {
                    add(keyNode, childPointer, .patternProperties, "key '\(member.key)' is not allowed here")
                } else {
                    collect(pattern.schema, member.value, pointer: childPointer)
                }
            }
            if !matched, let additional = node.additionalProperties {
                if nodes[additional].booleanSchema == false {
                    let hint = SchemaSuggestion.nearest(
                        to: member.key, in: node.propertyNames.filter { !keySet.contains($0) }
                    )
                    .map { "did you mean '\($0)'?" }
                    add(
                        keyNode, childPointer, .additionalProperties,
                        "unknown key '\(DisplayText.quoted(member.key))'", hint: hint)
                } else {
                    collect(additional, member.value, pointer: childPointer)
                }
            }
            if let names = node.propertyNamesSchema, !schema.valid(names, keyNode) {
                var inner = SchemaViolationCollector(schema: schema)
                inner.collect(names, keyNode, pointer: childPointer)
                for violation in inner.violations {
                    var rewritten = violation
                    rewritten.position = member.keyPosition
                    rewritten.end = nil
                    rewritten.message =
                        violation.keyword == .false
                        ? "key '\(member.key)' is not allowed"
                        : "invalid key '\(member.key)': \(violation.message)"
                    violations.append(rewritten)
                }
                if inner.violations.isEmpty {
                    add(keyNode, childPointer, .propertyNames, "invalid key '\(member.key)'")
                }
            }
        }
    }

    // MARK: arrays, strings, numbers

    private mutating func collectArray(
        _ node: CompiledSchemaNode, _ value: ValueNode, _ elements: [ValueNode], pointer: String
    ) {
        let count = elements.count
        if let minimum = node.minItems, count < minimum {
            add(
                value, pointer, .minItems,
                "expected at least \(minimum) \(minimum == 1 ? "item" : "items"), got \(count)")
        }
        if let maximum = node.maxItems, count > maximum {
            add(
                value, pointer, .maxItems,
                "expected at most \(maximum) \(maximum == 1 ? "item" : "items"), got \(count)")
        }
        for (index, element) in elements.enumerated() {
            let childPointer = pointer + "/\(index)"
            if index < node.prefixItems.count {
                collect(node.prefixItems[index], element, pointer: childPointer)
            } else if let items = node.items {
                if nodes[items].booleanSchema == false {
                    add(
                        element, childPointer, .items,
                        "unexpected item \(index), the array allows \(node.prefixItems.count) \(node.prefixItems.count == 1 ? "item" : "items")"
                    )
                } else {
                    collect(items, element, pointer: childPointer)
                }
            }
        }
        if node.uniqueItems {
            for second in elements.indices.dropFirst() {
                if let first = elements[..<second].firstIndex(where: { SchemaEquality.equal($0, elements[second]) }) {
                    add(
                        elements[second], pointer + "/\(second)", .uniqueItems,
                        "item \(second) repeats item \(first), items must be unique")
                }
            }
        }
    }

    private mutating func collectString(
        _ node: CompiledSchemaNode, _ value: ValueNode, _ string: String, pointer: String
    ) {
        let length = string.unicodeScalars.count
        if let minimum = node.minLength, length < minimum {
            add(
                value, pointer, .minLength,
                "expected at least \(minimum) \(minimum == 1 ? "character" : "characters"), got \(length)")
        }
        if let maximum = node.maxLength, length > maximum {
            add(
                value, pointer, .maxLength,
                "expected at most \(maximum) \(maximum == 1 ? "character" : "characters"), got \(length)")
        }
        if let pattern = node.pattern, !pattern.matches(string) {
            add(value, pointer, .pattern, "\(value.displayText) does not match the pattern '\(pattern.source)'")
        }
        if let format = node.format, !SchemaFormats.isValid(string, format: format) {
            let name: String
            switch format {
            case .date: name = "date (YYYY-MM-DD)"
            case .dateTime: name = "date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z)"
            case .uri: name = "absolute uri"
            case .email: name = "email address"
            }
            add(value, pointer, .format, "\(value.displayText) is not a valid \(name)")
        }
    }

    private mutating func collectNumber(
        _ node: CompiledSchemaNode, _ value: ValueNode, _ number: Double, pointer: String
    ) {
        let shown = value.displayText
        if let minimum = node.minimum, number < minimum {
            add(
                value, pointer, .minimum, "expected a value of at least \(CanonicalJSON.format(minimum)), got \(shown)"
            )
        }
        if let maximum = node.maximum, number > maximum {
            add(value, pointer, .maximum, "expected a value of at most \(CanonicalJSON.format(maximum)), got \(shown)")
        }
        if let minimum = node.exclusiveMinimum, number <= minimum {
            add(
                value, pointer, .exclusiveMinimum,
                "expected a value greater than \(CanonicalJSON.format(minimum)), got \(shown)")
        }
        if let maximum = node.exclusiveMaximum, number >= maximum {
            add(
                value, pointer, .exclusiveMaximum,
                "expected a value less than \(CanonicalJSON.format(maximum)), got \(shown)")
        }
        if let divisor = node.multipleOf, !JSONSchema.isMultiple(value, number, of: divisor) {
            add(value, pointer, .multipleOf, "expected a multiple of \(CanonicalJSON.format(divisor)), got \(shown)")
        }
    }

    // MARK: anyOf / oneOf

    /// Reports the alternative the value was most likely meant to match: the one whose
    /// `const`/`enum`/`type` discriminator it satisfies, else the one with the fewest
    /// violations. When no alternative even has the right type, says so in one violation.
    private mutating func collectBestBranch(of branches: [Int], _ value: ValueNode, pointer: String) {
        var candidates: [(score: Int, violations: [SchemaViolation])] = []
        var allowedTypes = CompiledSchemaNode.TypeSet()
        var allWrongType = true
        for branch in branches {
            let score = discriminatorScore(branch, value)
            if let types = declaredTypes(branch), !JSONSchema.matches(types, value) {
                allowedTypes.formUnion(types)
            } else {
                allWrongType = false
            }
            var inner = SchemaViolationCollector(schema: schema)
            inner.collect(branch, value, pointer: pointer)
            candidates.append((score, inner.violations))
        }
        if allWrongType && !allowedTypes.isEmpty {
            add(
                value, pointer, .type, "expected \(Self.phrase(allowedTypes)), got \(Self.describe(value))",
                hint: Self.typeHint(allowedTypes, value))
            return
        }
        let best = candidates.enumerated().min { lhs, rhs in
            if lhs.element.score != rhs.element.score { return lhs.element.score > rhs.element.score }
            if lhs.element.violations.count != rhs.element.violations.count {
                return lhs.element.violations.count < rhs.element.violations.count
            }
            return lhs.offset < rhs.offset
        }
        if let best, !best.element.violations.isEmpty {
            violations.append(contentsOf: best.element.violations)
        } else {
            add(value, pointer, .anyOf, "does not match any of the allowed alternatives")
        }
    }

    /// The `type` a branch declares, directly or through a chain of `$ref`s.
    private func declaredTypes(_ index: Int) -> CompiledSchemaNode.TypeSet? {
        var current = index
        for _ in 0..<8 {
            let node = nodes[current]
            if let types = node.types { return types }
            guard let ref = node.ref else { return nil }
            current = ref
        }
        return nil
    }

    /// How clearly `value` was meant for this branch: negative when its type or a
    /// `const`/`enum` discriminator property rules it out, positive for each discriminator it
    /// satisfies.
    private func discriminatorScore(_ index: Int, _ value: ValueNode) -> Int {
        var chain: [Int] = [index]
        var current = index
        while let ref = nodes[current].ref, chain.count < 8 {
            chain.append(ref)
            current = ref
        }
        var score = 0
        for member in chain {
            let node = nodes[member]
            if let types = node.types, !JSONSchema.matches(types, value) { return -1 }
            if let constValue = node.constValue {
                if SchemaEquality.equal(constValue, value) { score += 2 } else { return -1 }
            }
            if let enumValues = node.enumValues {
                if enumValues.contains(where: { SchemaEquality.equal($0, value) }) { score += 2 } else { return -1 }
            }
            guard case .object = value.kind else { continue }
            for (key, property) in node.properties {
                var target = property
                while let ref = nodes[target].ref, nodes[target].constValue == nil, nodes[target].enumValues == nil,
                    target != ref
                {
                    target = ref
                }
                let propertyNode = nodes[target]
                guard propertyNode.constValue != nil || propertyNode.enumValues != nil, let actual = value[key] else {
                    continue
                }
                let matches =
                    propertyNode.constValue.map { SchemaEquality.equal($0, actual) }
                    ?? propertyNode.enumValues?.contains(where: { SchemaEquality.equal($0, actual) }) ?? false
                if matches { score += 2 } else { score -= 1 }
            }
        }
        return score
    }

    // MARK: wording

    static func phrase(_ types: CompiledSchemaNode.TypeSet) -> String {
        var names: [String] = []
        for (type, name) in CompiledSchemaNode.TypeSet.ordered where types.contains(type) {
            if type == .integer && types.contains(.number) { continue }
            switch name {
            case "null": names.append("null")
            case "integer", "object", "array": names.append("an \(name)")
            default: names.append("a \(name)")
            }
        }
        guard names.count > 1, let last = names.last else { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + last
    }

    static func describe(_ value: ValueNode) -> String {
        switch value.kind {
        case .null: return "null"
        case .bool: return "boolean \(value.displayText)"
        case .integer, .number: return "number \(value.displayText)"
        case .string: return "string \(value.displayText)"
        case .array(let elements): return elements.isEmpty ? "an empty array" : "an array"
        case .object(let members): return members.isEmpty ? "an empty object" : "an object"
        }
    }

    static func typeHint(_ types: CompiledSchemaNode.TypeSet, _ value: ValueNode) -> String? {
        if types.contains(.string), let text = value.sourceText, value.stringValue == nil {
            return "quote it: '\(text)'"
        }
        if types.contains(.boolean), let string = value.stringValue,
            ["yes", "no", "on", "off", "y", "n"].contains(string.lowercased())
        {
            return "write true or false"
        }
        return nil
    }

    static func didYouMean(_ value: ValueNode, among allowed: [ValueNode]) -> String? {
        guard let string = value.stringValue else { return nil }
        let candidates = allowed.compactMap(\.stringValue)
        return SchemaSuggestion.nearest(to: string, in: candidates).map { "did you mean '\($0)'?" }
    }
}
