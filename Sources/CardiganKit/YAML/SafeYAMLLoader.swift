import Foundation
internal import Yams

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
    }

    /// Loads `data`, naming `path` in every finding.
    public static func load(_ data: Data, path: String) -> Result {
        func refuse(_ rule: String, _ message: String, at position: SourcePosition = .start, hint: String? = nil)
            -> Result
        {
            let finding = Finding(
                ruleID: rule, message: message, location: Location(path: path, position: position), hint: hint)
            return Result(root: nil, findings: [finding])
        }

        if data.count > maximumBytes {
            return refuse(
                "yaml-size", "file is \(data.count) bytes, more than the limit of \(maximumBytes) bytes (1 MiB)",
                hint: "a model card is a summary; keep large data such as metric tables in the artifacts it links to")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 byte order mark is harmless
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            return refuse(
                "yaml-encoding", "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not valid UTF-8",
                at: position(ofByte: offset, in: bytes), hint: "save the file as UTF-8")
        }

        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            root = try parser.nextRoot()
            if root != nil, let extra = try parser.nextRoot() {
                return refuse(
                    "yaml-multiple-documents", "the file holds more than one YAML document",
                    at: documentStart(before: extra.mark, in: text),
                    hint:
                        "a card file holds one document: remove the '---' line and what follows, or move it to its own card"
                )
            }
        } catch let error as YamlError {
            let problem = describe(error, in: text, bytes: bytes)
            return refuse(problem.rule, problem.message, at: problem.position, hint: problem.hint)
        } catch {
            return refuse("yaml-syntax", "\(error)")
        }
        guard let root, !isEmptyDocument(root) else {
            return refuse(
                "yaml-empty", "the file holds no card",
                hint: "a card is a mapping with at least 'name', 'status' and 'model_overview'; try 'cardigan new'")
        }
        var converter = NodeConverter(path: path)
        let value = converter.convert(root, depth: 1)
        withExtendedLifetime(parser) {}  // Yams holds anchors weakly; the parser keeps them alive
        return Result(root: value, findings: converter.findings.sorted())
    }

    private static func isEmptyDocument(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && scalar.string.isEmpty
    }
}
