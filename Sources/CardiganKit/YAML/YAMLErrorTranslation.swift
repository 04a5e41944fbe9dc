extension SafeYAMLLoader {
    /// A problem libyaml reported, in cardigan's words.
    struct Problem {
        var rule: RuleID
        var message: String
        var position: SourcePosition
        var hint: String?
    }

    /// `runaway` is the last quoted scalar read that ran over several lines: when the error is
    /// on its last line, the string most likely lacks its closing quote, and a later quote
    /// closed it.
    static func describe(
        _ error: LibYAMLError, bytes: [UInt8], runaway: (start: SourcePosition, end: SourcePosition)? = nil
    ) -> Problem {
        switch error.stage {
        case .scanner, .parser:
            let position = error.problemPosition
            // An unclosed quote: say where the string opens, not where libyaml gave up.
            if let context = error.context, context.text.contains("quoted scalar"),
                error.problem.contains("end of stream")
            {
                return Problem(
                    rule: .yamlSyntax,
                    message:
                        "unclosed quoted string: the string that starts at \(context.position) runs to line \(position.line), the end of the file",
                    position: context.position, hint: "close it with the quote it opens with")
            }
            if let runaway, runaway.end.line == position.line {
                return Problem(
                    rule: .yamlSyntax,
                    message:
                        "invalid YAML: \(error.problem) at \(position); the string that starts at \(runaway.start) runs to line \(runaway.end.line)",
                    position: runaway.start,
                    hint: "is the closing quote of the string at \(runaway.start) missing?")
            }
            if error.problem.contains("Maximum nesting level") {
                return Problem(
                    rule: .yamlDepth, message: "nesting is deeper than \(maximumDepth) levels", position: position,
                    hint: "flatten the structure; no card field nests this deep")
            }
            // A tab where a line's content begins: libyaml says the character cannot start a
            // token, or names the tab but "while scanning a plain scalar" on the line before.
            if error.problem.contains("cannot start any token") || error.problem.contains("tab character"),
                byte(at: position, in: bytes) == UInt8(ascii: "\t")
            {
                return Problem(
                    rule: .yamlSyntax, message: "invalid YAML: a tab character where a line's content begins",
                    position: position, hint: "YAML indents with spaces: replace the tab with spaces")
            }
            // libyaml notices some mistakes far from where they start (an unclosed bracket at the
            // end of the file): say where the construct began.
            var started = ""
            if let context = error.context, !context.text.isEmpty, context.position != position {
                started = " (\(context.text) that starts at \(context.position))"
            }
            return Problem(rule: .yamlSyntax, message: "invalid YAML: \(error.problem)\(started)", position: position)
        case .reader:
            return Problem(
                rule: .yamlEncoding, message: "unreadable text: \(error.problem)",
                position: position(ofByte: error.byteOffset, in: bytes),
                hint: "a card is UTF-8 text without control characters")
        case .memory:
            return Problem(rule: .yamlSyntax, message: "invalid YAML: \(error.problem)", position: .start)
        }
    }

    /// The byte at `position` (line, and column in Unicode scalars as libyaml counts), nil
    /// past the end of its line or of `bytes`.
    static func byte(at position: SourcePosition, in bytes: [UInt8]) -> UInt8? {
        var line = 1
        var offset = 0
        while line < position.line, offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { line += 1 }
            offset += 1
        }
        var column = 1
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            if column == position.column { return bytes[offset] }
            offset += 1
            // A scalar's continuation bytes are not columns of their own.
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
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

    /// The `---` line that opens the document whose first event is at `target`.
    static func documentStart(before target: SourcePosition, in bytes: [UInt8]) -> SourcePosition {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var index = min(target.line, lines.count) - 1
        while index >= 0 {
            if lines[index].starts(with: "---".utf8) { return SourcePosition(line: index + 1, column: 1) }
            index -= 1
        }
        return target
    }
}
