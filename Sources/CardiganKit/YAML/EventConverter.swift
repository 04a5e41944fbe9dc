/// Turns libyaml's events into a ``ValueNode`` tree, collecting a finding for every construct
/// that safe YAML refuses instead of stopping at the first.
///
/// Some refusals end the reading at once (``Stop/refused(_:)``): a duplicate key, because which
/// of the two values the card means cannot be known, and nesting past the limit, because going
/// deeper is what a hostile file wants.
struct EventConverter {
    /// Why reading stopped before the end of the document.
    enum Stop: Error {
        case syntax(LibYAMLError)
        case refused(Finding)
    }

    let parser: LibYAMLParser
    let path: String
    private(set) var findings: [Finding] = []
    /// Whether to note plain scalars that YAML 1.1 reads otherwise (``warnings``).
    var checksYAML11 = false
    /// Warnings about plain scalars that YAML 1.1 readers read as another value.
    private(set) var warnings: [Finding] = []
    /// The last quoted scalar that ran over more than one line, where it started and ended: an
    /// unclosed quote that a later quote closed, when a syntax error follows on its last line.
    private(set) var lastMultilineQuoted: (start: SourcePosition, end: SourcePosition)?
    /// Anchors seen so far: an alias to one of them is covered by the anchor's own finding.
    private var anchors: Set<String> = []

    init(parser: LibYAMLParser, path: String) {
        self.parser = parser
        self.path = path
    }

    /// Converts the node whose first event is the current one; on return the node's last event
    /// (its scalar, alias or end event) is current.
    mutating func convertNode(depth: Int) throws(Stop) -> ValueNode {
        let position = parser.position
        if parser.kind == .alias {
            if !anchors.contains(parser.aliasName) {
                report(
                    .yamlAnchor, "aliases are not allowed (and this one names no anchor)", at: position,
                    hint: "write the value out in full where it is used")
            }
            return ValueNode(.null, at: position)
        }
        if depth > SafeYAMLLoader.maximumDepth {
            throw .refused(
                finding(
                    .yamlDepth, "nesting is deeper than \(SafeYAMLLoader.maximumDepth) levels", at: position,
                    hint: "flatten the structure; no card field nests this deep"))
        }
        if let anchor = parser.anchor {
            // Stop here: descending into an aliased node is what makes alias bombs expensive.
            anchors.insert(anchor)
            report(
                .yamlAnchor, "anchor '&\(anchor)' is not allowed; anchors and aliases are refused in cards",
                at: position, hint: "write the value out in full where it is used")
            try skipNode()
            return ValueNode(.null, at: position)
        }
        if let tag = parser.explicitTag(isKey: false) {
            report(
                .yamlTag, "explicit tag '\(tag)' is not allowed", at: position,
                hint: "remove the tag; quote the value if it must be a string")
        }
        switch parser.kind {
        case .sequenceStart:
            var elements: [ValueNode] = []
            while true {
                try advance()
                if parser.kind == .sequenceEnd { break }
                elements.append(try convertNode(depth: depth + 1))
            }
            return ValueNode(.array(elements), at: position)
        case .mappingStart:
            return ValueNode(.object(try convertMembers(depth: depth)), at: position)
        default:
            let text = parser.scalarText
            refuseHazards(in: text, at: position, what: "value")
            var scalar = CoreSchemaScalar.resolve(text, isPlain: parser.isPlainScalar, at: position)
            scalar.end = parser.endPosition
            noteScalar(text, kind: scalar.kind, isKey: false)
            return scalar
        }
    }

    /// Reports a control or bidirectional-override character in a scalar: written as an escape
    /// in a quoted string (`"\e[31m"`, `"\u202E"`) it passes libyaml, and printed raw it would
    /// drive the terminal, or reorder the text, of whoever reads the card or its findings.
    private mutating func refuseHazards(in text: String, at position: SourcePosition, what: String) {
        guard let hazard = DisplayText.firstHazard(in: text) else { return }
        let kind = hazard.scalar.value >= 0x200 ? "bidirectional control" : "control"
        report(
            .yamlControlCharacter,
            "\(what) holds the \(kind) character \(DisplayText.codePoint(hazard.scalar)) at character \(hazard.offset + 1)",
            at: position,
            hint: "remove it: card text may hold tabs and line breaks, but no other control characters")
    }

    /// The members of the mapping whose start event is current.
    private mutating func convertMembers(depth: Int) throws(Stop) -> [ValueNode.Member] {
        var members: [ValueNode.Member] = []
        // Card mappings are small: a scan of the members finds a repeated key faster than
        // hashing every key. A large mapping (a hostile file) gets an index instead.
        var keyIndex: [String: SourcePosition]?
        func firstPosition(of key: String) -> SourcePosition? {
            if members.count < 32 { return members.first { $0.key == key }?.keyPosition }
            if keyIndex == nil {
                keyIndex = Dictionary(members.map { ($0.key, $0.keyPosition) }, uniquingKeysWith: { first, _ in first })
            }
            return keyIndex?[key]
        }
        while true {
            try advance()
            if parser.kind == .mappingEnd { return members }
            let keyPosition = parser.position
            guard parser.kind == .scalar, parser.anchor == nil else {
                if parser.kind == .alias || parser.anchor != nil {
                    _ = try convertNode(depth: depth + 1)  // the anchor or alias finding
                } else {
                    report(
                        .yamlComplexKey, "a key must be a plain string, not a mapping or a sequence",
                        at: keyPosition)
                    try skipNode()
                }
                try advance()
                try skipNode()
                continue
            }
            let key = parser.scalarText
            noteScalar(key, kind: .string(key), isKey: true)
            if key == "<<" && parser.isPlainScalar {
                report(
                    .yamlMergeKey, "merge key '<<' is not allowed", at: keyPosition,
                    hint: "write the merged keys out in full")
                try advance()
                try skipNode()
                continue
            }
            refuseHazards(in: key, at: keyPosition, what: "key")
            if let tag = parser.explicitTag(isKey: true) {
                report(.yamlTag, "explicit tag '\(tag)' is not allowed", at: keyPosition)
            }
            if let first = firstPosition(of: key) {
                throw .refused(
                    finding(
                        .yamlDuplicateKey, "duplicate key '\(DisplayText.quoted(key))' (first written at \(first))",
                        at: keyPosition,
                        hint: "keep one of them; YAML would silently drop the other"))
            }
            keyIndex?[key] = keyPosition
            try advance()
            members.append(
                ValueNode.Member(key: key, keyPosition: keyPosition, value: try convertNode(depth: depth + 1)))
        }
    }

    /// Notes what the current scalar event tells beyond its value: a YAML 1.1 reading of a plain
    /// scalar, a quoted scalar over several lines.
    private mutating func noteScalar(_ text: String, kind: ValueNode.Kind, isKey: Bool) {
        if parser.isPlainScalar {
            if checksYAML11,
                let warning = YAML11Reading.warning(
                    text, core: kind, isKey: isKey, path: path, position: parser.position)
            {
                warnings.append(warning)
            }
        } else if parser.isQuotedScalar, parser.endPosition.line > parser.position.line {
            lastMultilineQuoted = (parser.position, parser.endPosition)
        }
    }

    /// Moves past the node whose first event is current, noting the anchors inside it (so that
    /// aliases to them are not called undefined) without reporting them again.
    private mutating func skipNode() throws(Stop) {
        var open = 0
        repeat {
            if let anchor = parser.anchor { anchors.insert(anchor) }
            switch parser.kind {
            case .sequenceStart, .mappingStart: open += 1
            case .sequenceEnd, .mappingEnd: open -= 1
            default: break
            }
            if open == 0 { return }
            try advance()
        } while true
    }

    /// Moves the parser to the next event.
    func advance() throws(Stop) {
        do {
            try parser.advance()
        } catch {
            throw .syntax(error)
        }
    }

    private func finding(_ rule: RuleID, _ message: String, at position: SourcePosition, hint: String? = nil)
        -> Finding
    {
        Finding(ruleID: rule, message: message, location: Location(path: path, position: position), hint: hint)
    }

    private mutating func report(_ rule: RuleID, _ message: String, at position: SourcePosition, hint: String? = nil) {
        findings.append(finding(rule, message, at: position, hint: hint))
    }
}
