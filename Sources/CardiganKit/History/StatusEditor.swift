/// Changes the `status:` of a card's YAML text in place, keeping every other byte (comments,
/// order, quoting) as it was, so a status commit changes exactly one line.
public enum StatusEditor {
    /// `text` with its top-level `status` set to `status`. `root` is the loaded tree of `text`,
    /// used for the position of the current value; without one, a `status:` line is added
    /// after `name:`.
    public static func setStatus(_ status: CardStatus, in text: String, root: ValueNode) -> String {
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
