/// Changes the `status:` of a card's YAML text in place, keeping every other byte (comments,
/// order, quoting) as it was, so a status commit changes exactly one line.
public enum StatusEditor {
    /// `text` with its top-level `status` set to `status`. `root` is the loaded tree of `text`,
    /// used for the position of the current value; without one, a `status:` line is added
    /// after `name:`.
    public static func setStatus(_ status: CardStatus, in text: String, root: ValueNode) -> String {
        if let member = root.member("status"), member.value.position.line == member.keyPosition.line,
            !text.utf8.contains(UInt8(ascii: "\r"))
        {
            // The one line is found by its bytes: splitting the whole text into Characters cost
            // some 4 million instructions for a 10 KB card, a seventh of a commit of new cards
            // that say Approved. Without a carriage return, a line feed byte is a line break
            // exactly where the Character split makes one ("\r\n" is one Character).
            return replacingValue(at: member.value.position, with: status, in: text)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let member = root.member("status"), member.value.position.line == member.keyPosition.line {
            let index = member.value.position.line - 1
            guard index < lines.count else { return text }
            let line = lines[index]
            let scalars = Array(line.unicodeScalars)
            let start = min(max(member.value.position.column - 1, 0), scalars.count)
            let before = String(String.UnicodeScalarView(scalars[..<start]))
            let rest = String(String.UnicodeScalarView(scalars[start...]))
            lines[index] = before + status.rawValue + trailingComment(of: rest)
            return lines.joined(separator: "\n")
        }
        let statusLine = "status: \(status.rawValue)"
        if let member = root.member("name"), member.keyPosition.line - 1 < lines.count {
            lines.insert(statusLine, at: member.keyPosition.line)
        } else {
            lines.insert(statusLine, at: 0)
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with the scalar value at `position` (1-based line and column, in characters of
    /// the line) replaced by `status`, its trailing comment kept; `text` has no carriage return.
    private static func replacingValue(at position: SourcePosition, with status: CardStatus, in text: String)
        -> String
    {
        let bytes = text.utf8
        var start = bytes.startIndex
        for _ in 1..<max(position.line, 1) {
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return text }
            start = bytes.index(after: end)
        }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
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
