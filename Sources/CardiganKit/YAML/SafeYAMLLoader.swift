import Foundation

/// Loads a card's YAML into a ``ValueNode`` tree, refusing what a governance record has no use
/// for and what could hurt the machine that reads it.
///
/// Refused, each as a located finding: anchors and aliases (no alias bombs, no action at a
/// distance), explicit tags, merge keys (`<<`), duplicate keys, bytes that are not UTF-8, a file
/// over ``maximumBytes``, nesting deeper than ``maximumDepth``, more than one document.
///
/// Scalars are resolved with the YAML 1.2 core schema, not YAML 1.1: only `true`/`false` are
/// booleans (`yes`, `no`, `on`, `off` stay strings), `null`/`~`/empty are null, and numbers are
/// numbers. A plain scalar keeps the text it was written as, so that when a `1.10` lands where the
/// schema wants a string the error can show `1.10` and suggest quoting it.
public enum SafeYAMLLoader {
    /// The largest file accepted: 1 MiB.
    public static let maximumBytes = 1 << 20
    /// The deepest nesting of mappings and sequences accepted.
    public static let maximumDepth = 64

    /// What loading produced: the tree when there is one, and every problem found.
    public struct Result: Sendable {
        /// The document, or nil when it could not be read at all.
        public var root: ValueNode?
        /// Problems found, in source order.
        public var findings: [Finding]
        /// Warnings that do not make the card invalid (plain scalars YAML 1.1 reads otherwise),
        /// when asked for.
        public var warnings: [Finding] = []
    }

    /// Loads `data`, naming `path` in every finding.
    public static func load(_ data: Data, path: String, checksYAML11: Bool = false) -> Result {
        load(bytes: [UInt8](data), path: path, checksYAML11: checksYAML11)
    }

    /// Loads the UTF-8 bytes of a card, naming `path` in every finding; with `checksYAML11`,
    /// also warns of plain scalars that YAML 1.1 readers read as another value.
    public static func load(bytes: [UInt8], path: String, checksYAML11: Bool = false) -> Result {
        func refuse(_ rule: RuleID, _ message: String, at position: SourcePosition = .start, hint: String? = nil)
            -> Result
        {
            refuse(
                Finding(ruleID: rule, message: message, location: Location(path: path, position: position), hint: hint))
        }
        func refuse(_ finding: Finding) -> Result { Result(root: nil, findings: [finding]) }

        if bytes.count > maximumBytes {
            return refuse(
                .yamlSize, "file is \(bytes.count) bytes, more than the limit of \(maximumBytes) bytes (1 MiB)",
                hint: "a model card is a summary; keep large data such as metric tables in the artifacts it links to")
        }
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 byte order mark is harmless
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = firstInvalidUTF8Offset(bytes)
            return refuse(
                .yamlEncoding, "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not valid UTF-8",
                at: position(ofByte: offset, in: bytes), hint: "save the file as UTF-8")
        }

        return bytes.withUnsafeBufferPointer { input in
            let parser = LibYAMLParser(input)
            var converter = EventConverter(parser: parser, path: path)
            converter.checksYAML11 = checksYAML11
            do throws(EventConverter.Stop) {
                var root: ValueNode?
                var documentSeen = false
                reading: while true {
                    try converter.advance()
                    switch parser.kind {
                    case .documentStart where documentSeen:
                        return refuse(
                            .yamlMultipleDocuments, "the file holds more than one YAML document",
                            at: documentStart(before: parser.position, in: bytes),
                            hint:
                                "a card file holds one document: remove the '---' line and what follows, or move it to its own card"
                        )
                    case .documentStart: documentSeen = true
                    case .scalar, .alias, .sequenceStart, .mappingStart:
                        // An empty document is one plain scalar with no text.
                        root = parser.isEmptyPlainScalar ? nil : try converter.convertNode(depth: 1)
                    case .streamEnd: break reading
                    default: continue
                    }
                }
                guard let root else {
                    return refuse(
                        .yamlEmpty, "the file holds no card",
                        hint:
                            "a card is a mapping with at least 'name', 'status' and 'model_overview'; try 'cardigan new'"
                    )
                }
                return Result(root: root, findings: converter.findings.sorted(), warnings: converter.warnings)
            } catch {
                switch error {
                case .refused(let finding): return refuse(finding)
                case .syntax(let error):
                    let problem = describe(error, bytes: bytes, runaway: converter.lastMultilineQuoted)
                    return refuse(problem.rule, problem.message, at: problem.position, hint: problem.hint)
                }
            }
        }
    }
}
