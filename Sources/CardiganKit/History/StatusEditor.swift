/// Changes the `status:` of a card's YAML text in place, keeping every other byte (comments,
/// order, quoting) as it was, so a status commit changes exactly one line.
public enum StatusEditor {
    /// `text` with its top-level `status` set to `status`. `root` is the loaded tree of `text`,
    /// used for the position of the current value; without one, a `status:` line is added
    /// after `name:`.
    public static func setStatus(_ status: CardStatus, in text: String, root: ValueNode) -> String {
        if let member = root.member("status"), member.value.position.line == member.keyPosition.line {
            // The one line is found by its bytes, with YAML's line breaks (line feed, carriage
            // return and line feed, a lone carriage return): splitting the text into Characters
            // cost some 4 million instructions for a 10 KB card, and made "\r\n" one Character
            // that is no line feed, so a card with Windows line endings kept 'Approved'.
            return replacingValue(at: member.value.position, with: status, in: text)
        }
        // A missing `status:` goes on the line after `name:`, ended as the card's own lines are:
        // split on "\n" Characters, a CRLF card got it appended after its last line.
        let statusLine = "status: \(status.rawValue)"
        let bytes = text.utf8
        guard let member = root.member("name"), start(ofLine: member.keyPosition.line, in: bytes) != nil else {
            return statusLine + lineEnding(of: bytes) + text
        }
        guard let lineStart = start(ofLine: member.keyPosition.line + 1, in: bytes) else {
            // `name:` is the last line, with no line break: the status follows on a line of its own.
            return text + lineEnding(of: bytes) + statusLine
        }
        return String(text[..<lineStart]) + statusLine + lineEnding(of: bytes, before: lineStart)
            + String(text[lineStart...])
    }

    /// Where 1-based line `line` of `bytes` starts, lines counted as libyaml counts them
    /// (``lineBreak(at:in:)``); the end of the text when it ends with the break before that
    /// line; nil when the text has fewer lines.
    private static func start(ofLine line: Int, in bytes: String.UTF8View) -> String.UTF8View.Index? {
        var index = bytes.startIndex
        var current = 1
        while current < line {
            guard index < bytes.endIndex else { return nil }
            if let after = lineBreak(at: index, in: bytes) {
                current += 1
                index = after
            } else {
                index = bytes.index(after: index)
            }
        }
        return index
    }

    /// The line ending the card uses: the break that ends the line before `lineStart` when it is
    /// LF, CR LF or CR, else the text's first such break, else LF. NEL, LS and PS break lines for
    /// YAML but are no one's line ending.
    private static func lineEnding(of bytes: String.UTF8View, before lineStart: String.UTF8View.Index? = nil) -> String
    {
        func ending(at index: String.UTF8View.Index) -> String? {
            switch bytes[index] {
            case 0x0A: return "\n"
            case 0x0D:
                let next = bytes.index(after: index)
                return next < bytes.endIndex && bytes[next] == 0x0A ? "\r\n" : "\r"
            default: return nil
            }
        }
        if let lineStart, lineStart > bytes.startIndex {
            let last = bytes.index(before: lineStart)
            if bytes[last] == 0x0A {
                if last > bytes.startIndex, bytes[bytes.index(before: last)] == 0x0D { return "\r\n" }
                return "\n"
            }
            if bytes[last] == 0x0D { return "\r" }
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if let found = ending(at: index) { return found }
            index = bytes.index(after: index)
        }
        return "\n"
    }

    /// `text` with the scalar value at `position` (1-based line and column, in characters of
    /// the line) replaced by `status`, its trailing comment and line break kept. Lines are
    /// counted as libyaml, which gave `position`, counts them (``lineBreak(at:in:)``).
    private static func replacingValue(at position: SourcePosition, with status: CardStatus, in text: String)
        -> String
    {
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        var line = 1
        while line < position.line {
            guard index < bytes.endIndex else { return text }
            if let after = lineBreak(at: index, in: bytes) {
                line += 1
                index = after
                start = after
            } else {
                index = bytes.index(after: index)
            }
        }
        var end = start
        while end < bytes.endIndex, lineBreak(at: end, in: bytes) == nil { end = bytes.index(after: end) }
        let scalars = Array(text[start..<end].unicodeScalars)
        let column = min(max(position.column - 1, 0), scalars.count)
        let before = String(String.UnicodeScalarView(scalars[..<column]))
        let rest = String(String.UnicodeScalarView(scalars[column...]))
        return String(text[..<start]) + before + status.rawValue + trailingComment(of: rest) + String(text[end...])
    }

    /// Where the line break starting at `index` ends; nil when none starts there. YAML 1.1, as
    /// libyaml reads it, breaks lines at LF, CR LF, a lone CR, and NEL, LS and PS (U+0085,
    /// U+2028, U+2029, also inside a quoted string): counting fewer put the new status on the
    /// wrong line of a card with an LS in a description, and committed 'intendedDraft'.
    private static func lineBreak(at index: String.UTF8View.Index, in bytes: String.UTF8View) -> String.UTF8View.Index?
    {
        func byte(after offset: Int) -> UInt8? {
            bytes.index(index, offsetBy: offset, limitedBy: bytes.endIndex).flatMap {
                $0 < bytes.endIndex ? bytes[$0] : nil
            }
        }
        switch bytes[index] {
        case 0x0A: return bytes.index(after: index)
        case 0x0D: return bytes.index(index, offsetBy: byte(after: 1) == 0x0A ? 2 : 1)
        case 0xC2 where byte(after: 1) == 0x85: return bytes.index(index, offsetBy: 2)
        case 0xE2 where byte(after: 1) == 0x80 && (byte(after: 2) == 0xA8 || byte(after: 2) == 0xA9):
            return bytes.index(index, offsetBy: 3)
        default: return nil
        }
    }

    /// The ` # comment` that follows a scalar value on its line, with the spacing before it.
    private static func trailingComment(of rest: String) -> String {
        var inSingle = false
        var inDouble = false
        var previous: Character = " "
        for index in rest.indices {
            let character = rest[index]
            switch character {
            case "'" where !inDouble: inSingle.toggle()
            case "\"" where !inSingle && previous != "\\": inDouble.toggle()
            case "#" where !inSingle && !inDouble && (previous == " " || previous == "\t"):
                var start = index
                while start > rest.startIndex,
                    rest[rest.index(before: start)] == " " || rest[rest.index(before: start)] == "\t"
                {
                    start = rest.index(before: start)
                }
                return String(rest[start...])
            default: break
            }
            previous = character
        }
        return ""
    }
}
