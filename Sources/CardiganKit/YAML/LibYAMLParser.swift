internal import CLibYAML

/// libyaml's event parser over a buffer of UTF-8 bytes: the owner of one `yaml_parser_t` and
/// the event it last produced, both freed in `deinit`.
///
/// cardigan reads libyaml's events itself instead of going through Yams' node tree: building
/// that tree (and resolving every scalar's tag with regular expressions) cost two thirds of the
/// time of reading a card, which is what `verify` of a fresh clone does 10,000 times.
///
/// The parser reads `input` in place: the buffer must outlive the parser
/// (``SafeYAMLLoader`` keeps both inside one `withUnsafeBufferPointer`).
final class LibYAMLParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var holdsEvent = false

    init(_ input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        // Fails only when memory is exhausted; the first `advance()` then reports it.
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        event.deallocate()
        parser.deallocate()
    }

    /// Moves to the next event; what the accessors below describe.
    func advance() throws(LibYAMLError) {
        if holdsEvent {
            yaml_event_delete(event)
            holdsEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw LibYAMLError(parser.pointee) }
        holdsEvent = true
    }

    /// What the current event is.
    var kind: LibYAMLEventKind {
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .none
        }
    }

    /// Where the current event starts, 1-based.
    var position: SourcePosition {
        SourcePosition(line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1)
    }

    /// Where the current event ends (just after its last character), 1-based.
    var endPosition: SourcePosition {
        SourcePosition(line: Int(event.pointee.end_mark.line) + 1, column: Int(event.pointee.end_mark.column) + 1)
    }

    /// The anchor (`&name`) on the current node event.
    var anchor: String? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: return string(event.pointee.data.scalar.anchor)
        case YAML_SEQUENCE_START_EVENT: return string(event.pointee.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT: return string(event.pointee.data.mapping_start.anchor)
        default: return nil
        }
    }

    /// Whether the current node event carries an anchor or any tag at all (even one
    /// ``explicitTag(isKey:)`` lets pass), read without making a string of either.
    var hasAnchorOrTag: Bool {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: return event.pointee.data.scalar.anchor != nil || event.pointee.data.scalar.tag != nil
        case YAML_SEQUENCE_START_EVENT:
            return event.pointee.data.sequence_start.anchor != nil || event.pointee.data.sequence_start.tag != nil
        case YAML_MAPPING_START_EVENT:
            return event.pointee.data.mapping_start.anchor != nil || event.pointee.data.mapping_start.tag != nil
        default: return false
        }
    }

    /// The anchor an alias event (`*name`) names.
    var aliasName: String { string(event.pointee.data.alias.anchor) ?? "" }

    /// The text of the current scalar.
    var scalarText: String {
        let scalar = event.pointee.data.scalar
        return String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
    }

    /// Whether the current scalar is plain (unquoted, not a block scalar): only those are resolved
    /// to numbers, booleans and null.
    var isPlainScalar: Bool { event.pointee.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

    /// Whether the current scalar is single- or double-quoted.
    var isQuotedScalar: Bool {
        let style = event.pointee.data.scalar.style
        return style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
    }

    /// Whether the current scalar is a plain scalar with no text: an empty document.
    var isEmptyPlainScalar: Bool {
        event.pointee.type == YAML_SCALAR_EVENT && isPlainScalar && event.pointee.data.scalar.length == 0
    }

    /// The tag written on the current node, if any, as `!!str` or `!custom`.
    ///
    /// A quoted scalar written `!!str "x"` counts as untagged, and so does any `!!str` on a key:
    /// a string either way (and what the Yams-based loader before this one accepted).
    func explicitTag(isKey: Bool) -> String? {
        let raw: String?
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.pointee.data.scalar
            if scalar.quoted_implicit == 1 { return nil }  // quoted and untagged
            raw = string(scalar.tag)
            if raw == "tag:yaml.org,2002:str" && (!isPlainScalar || isKey) { return nil }
        case YAML_SEQUENCE_START_EVENT:
            let start = event.pointee.data.sequence_start
            raw = start.implicit != 0 ? nil : string(start.tag)
        case YAML_MAPPING_START_EVENT:
            let start = event.pointee.data.mapping_start
            raw = start.implicit != 0 ? nil : string(start.tag)
        default: return nil
        }
        guard let raw, !raw.isEmpty else { return nil }
        return raw.hasPrefix("tag:yaml.org,2002:") ? "!!" + raw.dropFirst("tag:yaml.org,2002:".count) : raw
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

/// The kinds of libyaml event.
enum LibYAMLEventKind {
    case none, streamStart, streamEnd, documentStart, documentEnd, alias, scalar
    case sequenceStart, sequenceEnd, mappingStart, mappingEnd
}

/// Why libyaml stopped, as it said it.
struct LibYAMLError: Error {
    enum Stage { case memory, reader, scanner, parser }

    var stage: Stage
    var problem: String
    var problemPosition: SourcePosition
    /// For reader errors: the byte offset of the offending byte.
    var byteOffset: Int
    /// What libyaml was reading when it stopped ("while parsing a flow sequence") and where that began.
    var context: (text: String, position: SourcePosition)?

    init(_ parser: yaml_parser_t) {
        switch parser.error {
        case YAML_READER_ERROR: stage = .reader
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_PARSER_ERROR: stage = .parser
        default: stage = .memory
        }
        problem = parser.problem.map { String(cString: $0) } ?? "out of memory"
        problemPosition = SourcePosition(
            line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        byteOffset = Int(parser.problem_offset)
        if let context = parser.context {
            self.context = (
                String(cString: context),
                SourcePosition(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
            )
        }
    }
}
