/// How many terminal columns text takes, for tables that line up: East Asian wide and fullwidth
/// characters (CJK, Hangul, fullwidth forms) and emoji shown as emoji take two, combining marks
/// and other zero-width characters none, everything else one. Counted per grapheme cluster, so
/// `é` written as `e` + U+0301 is one column.
public enum DisplayWidth {
    /// The columns `text` takes.
    public static func of(_ text: String) -> Int {
        asciiColumns(text) ?? graphemeColumns(text)
    }

    /// `text` followed by spaces up to `columns` columns.
    public static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - of(text)))
    }

    /// The columns of `text` when it is all ASCII, else nil: a printable byte takes one, a
    /// control character none. What ``graphemeColumns(_:)`` gives for such text (an ASCII
    /// character is its own grapheme cluster, CR LF being two controls in one), without the
    /// Unicode property look-ups that cost `list` at 10,000 cards 38% of its instructions.
    static func asciiColumns(_ text: String) -> Int? {
        let counted = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var columns = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte >= 0x20 && byte != 0x7F { columns += 1 }
            }
            return columns
        }
        return counted ?? nil
    }

    /// The columns of `text`, grapheme cluster by grapheme cluster.
    static func graphemeColumns(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation selector
        if isWide(first) || first.properties.isEmojiPresentation { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    /// East Asian Width W or F (UAX #11), by the blocks that hold them.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
