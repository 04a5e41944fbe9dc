internal import Yams

extension SafeYAMLLoader {
    /// A problem Yams or libyaml reported, in cardigan's words.
    struct Problem {
        var rule: String
        var message: String
        var position: SourcePosition
        var hint: String?
    }

    static func describe(_ error: YamlError, in text: String, bytes: [UInt8]) -> Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let position = SourcePosition(mark)
            if problem.contains("Maximum nesting level") || problem.contains("nesting") {
                return Problem(
                    rule: "yaml-depth", message: "nesting is deeper than \(maximumDepth) levels", position: position,
                    hint: "flatten the structure; no card field nests this deep")
            }
            if problem.contains("undefined alias") {
                return Problem(
                    rule: "yaml-anchor", message: "aliases are not allowed (and this one names no anchor)",
                    position: position, hint: "write the value out in full where it is used")
            }
            // libyaml notices some mistakes far from where they start (an unclosed bracket at the
            // end of the file): say where the construct began.
            var started = ""
            if let context, !context.text.isEmpty, SourcePosition(context.mark) != position {
                started = " (\(context.text) that starts at \(SourcePosition(context.mark)))"
            }
            return Problem(rule: "yaml-syntax", message: "invalid YAML: \(problem)\(started)", position: position)
        case .reader(let problem, let offset, _, _):
            let position = offset.map { self.position(ofByte: $0, in: bytes) } ?? .start
            return Problem(
                rule: "yaml-encoding", message: "unreadable text: \(problem)", position: position,
                hint: "a card is UTF-8 text without control characters")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = SourcePosition(context.mark)
            let second = repeatedKeyPosition(key, after: first, in: text) ?? first
            let firstText = second == first ? "" : " (first written at \(first))"
            return Problem(
                rule: "yaml-duplicate-key", message: "duplicate key '\(key)'\(firstText)", position: second,
                hint: "keep one of them; YAML would silently drop the other")
        default:
            return Problem(rule: "yaml-syntax", message: "invalid YAML: \(error)", position: .start)
        }
    }

    /// Yams names the first occurrence of a duplicated key; the mistake is usually the second.
    /// It is the next line at the same indentation that starts with the key.
    static func repeatedKeyPosition(_ key: String, after first: SourcePosition, in text: String) -> SourcePosition? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line < lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix { $0 == " " }.count
            guard leading == indent else {
                if leading < indent, !line.allSatisfy({ $0 == " " }), !line.drop(while: { $0 == " " }).hasPrefix("#") {
                    return nil  // left the mapping
                }
                continue
            }
            let rest = line.dropFirst(indent)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                return SourcePosition(line: index + 1, column: indent + 1)
            }
        }
        return nil
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return offset
            }
            guard offset + length <= bytes.count,
                String(validating: bytes[offset..<offset + length], as: UTF8.self) != nil
            else { return offset }
            offset += length
        }
        return max(0, bytes.count - 1)
    }

    /// The line and column (in Unicode scalars, as libyaml counts) of a byte offset.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count lead bytes only, so a multi-byte character is one column
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// The `---` line that opens the document starting at `mark`.
    static func documentStart(before mark: Mark?, in text: String) -> SourcePosition {
        let target = SourcePosition(mark)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = min(target.line, lines.count) - 1
        while index >= 0 {
            if lines[index].hasPrefix("---") { return SourcePosition(line: index + 1, column: 1) }
            index -= 1
        }
        return target
    }
}
