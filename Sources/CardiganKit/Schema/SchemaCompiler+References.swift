extension SchemaCompiler {
    /// How a keyword holds subschemas: one, an array of them, an object of them, or none.
    enum SubschemaShape {
        case single, array, map, none

        /// The shape of `keyword`'s value; `none` for keywords that hold no subschema.
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

    /// Records every `$id`, `$anchor` and base URI under `node`, which is at `location`.
    mutating func scan(_ node: ValueNode, location: String, base: String) {
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
    func base(at location: String) -> String {
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

    /// The index of the subschema `reference` names, resolved against `base`; `at` and
    /// `location` are where the `$ref` is written, for the error when it points nowhere.
    mutating func resolveReference(_ reference: String, base: String, at: ValueNode, location: String) throws
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
}
