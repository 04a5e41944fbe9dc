internal import Yams

/// Turns a Yams node tree into a ``ValueNode`` tree, collecting a finding for every construct
/// that safe YAML refuses instead of stopping at the first.
struct NodeConverter {
    let path: String
    private(set) var findings: [Finding] = []
    /// Anchored nodes already reported: an alias yields the anchored node again, mark included,
    /// so without this each use of an alias would repeat the finding.
    private var reportedAnchors: Set<SourcePosition> = []

    init(path: String) {
        self.path = path
    }

    mutating func convert(_ node: Node, depth: Int) -> ValueNode {
        let position = SourcePosition(node.mark)
        if depth > SafeYAMLLoader.maximumDepth {
            report(
                "yaml-depth", "nesting is deeper than \(SafeYAMLLoader.maximumDepth) levels", at: position,
                hint: "flatten the structure; no card field nests this deep")
            return ValueNode(.null, at: position)
        }
        if let anchor = anchorName(of: node) {
            // Stop here: descending into an aliased node is what makes alias bombs expensive.
            if reportedAnchors.insert(position).inserted {
                report(
                    "yaml-anchor", "anchor '&\(anchor)' is not allowed; anchors and aliases are refused in cards",
                    at: position, hint: "write the value out in full where it is used")
            }
            return ValueNode(.null, at: position)
        }
        if let tag = explicitTag(of: node) {
            report(
                "yaml-tag", "explicit tag '\(tag)' is not allowed", at: position,
                hint: "remove the tag; quote the value if it must be a string")
        }
        switch node {
        case .scalar(let scalar):
            return CoreSchemaScalar.resolve(scalar.string, isPlain: scalar.style == .plain, at: position)
        case .sequence(let sequence):
            return ValueNode(.array(sequence.map { convert($0, depth: depth + 1) }), at: position)
        case .mapping(let mapping):
            var members: [ValueNode.Member] = []
            members.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyPosition = SourcePosition(key.mark)
                guard case .scalar(let keyScalar) = key else {
                    report(
                        "yaml-complex-key", "a key must be a plain string, not a mapping or a sequence", at: keyPosition
                    )
                    continue
                }
                if keyScalar.string == "<<" && keyScalar.style == .plain {
                    report(
                        "yaml-merge-key", "merge key '<<' is not allowed", at: keyPosition,
                        hint: "write the merged keys out in full")
                    continue
                }
                if let tag = explicitTag(of: key, isKey: true) {
                    report("yaml-tag", "explicit tag '\(tag)' is not allowed", at: keyPosition)
                }
                members.append(
                    ValueNode.Member(
                        key: keyScalar.string, keyPosition: keyPosition, value: convert(value, depth: depth + 1)))
            }
            return ValueNode(.object(members), at: position)
        case .alias:
            // Yams resolves aliases while composing; kept for completeness of the switch.
            report("yaml-anchor", "aliases are not allowed", at: position)
            return ValueNode(.null, at: position)
        }
    }

    private mutating func report(_ rule: String, _ message: String, at position: SourcePosition, hint: String? = nil) {
        findings.append(
            Finding(ruleID: rule, message: message, location: Location(path: path, position: position), hint: hint))
    }

    private func anchorName(of node: Node) -> String? {
        switch node {
        case .scalar(let scalar): return scalar.anchor?.rawValue
        case .mapping(let mapping): return mapping.anchor?.rawValue
        case .sequence(let sequence): return sequence.anchor?.rawValue
        case .alias(let alias): return alias.anchor.rawValue
        }
    }

    /// The tag written on the node, if any. Reads the stored tag name, never `Node.tag`, which
    /// would resolve (and so overwrite) it.
    private func explicitTag(of node: Node, isKey: Bool = false) -> String? {
        let name: String
        switch node {
        case .scalar(let scalar):
            // Yams gives every quoted scalar the tag '!!str' (libyaml's quoted_implicit); only on a
            // plain scalar is '!!str' necessarily written by hand. A `!!str "x"` is a string anyway.
            // Keys are also resolved (to '!!str', with the basic resolver) when Yams checks them for
            // duplicates, so on a key '!!str' is never taken as written by hand either.
            if (scalar.style != .plain || isKey) && scalar.tag.description == Tag.Name.str.rawValue { return nil }
            name = scalar.tag.description
        case .mapping(let mapping): name = mapping.tag.description
        case .sequence(let sequence): name = sequence.tag.description
        case .alias: return nil
        }
        if name.isEmpty { return nil }
        return name.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")
    }
}

extension SourcePosition {
    /// A position from a Yams mark (already 1-based); the start of the file when there is none.
    init(_ mark: Mark?) {
        guard let mark else {
            self = .start
            return
        }
        self.init(line: mark.line, column: mark.column)
    }
}
