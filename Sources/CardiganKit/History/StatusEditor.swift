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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = "status: \(status.rawValue)"
        if let member = root.member("name"), member.keyPosition.line - 1 < lines.count {
            lines.insert(statusLine, at: member.keyPosition.line)
        } else {
            lines.insert(statusLine, at: 0)
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the scalar value at `position` (1-based line and column, in characters of
    /// the line) replaced by `status`, its trailing comment and line break kept.
    private static func replacingValue(at position: SourcePosition, with status: CardStatus, in text: String)
        -> String
    {
        let bytes = text.utf8
        let lineFeed = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        func isBreak(_ byte: UInt8) -> Bool { byte == lineFeed || byte == carriageReturn }
        var start = bytes.startIndex
        for _ in 1..<max(position.line, 1) {
            guard let end = bytes[start...].firstIndex(where: isBreak) else { return text }
            start = bytes.index(after: end)
            if bytes[end] == carriageReturn, start < bytes.endIndex, bytes[start] == lineFeed {
                start = bytes.index(after: start)
            }
        }
        let end = bytes[start...].firstIndex(where: isBreak) ?? bytes.endIndex
        let scalars = Array(text[start..<end].unicodeScalars)
        let column = min(max(position.column - 1, 0), scalars.count)
        let before = String(String.UnicodeScalarView(scalars[..<column]))
        let rest = String(String.UnicodeScalarView(scalars[column...]))
        return String(text[..<start]) + before + status.rawValue + trailingComment(of: rest) + String(text[end...])
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
