/// Untrusted text made safe to show: a card value, a file name or a key can hold characters that
/// drive a terminal (`ESC [31m`), ring its bell, rewrite a line (`CR`) or reorder what a reader
/// sees (the bidirectional overrides, U+202E). Such characters are refused in cards, and every
/// output escapes them anyway, since old commits and file names are not validated.
public enum DisplayText {
    /// The longest value a message quotes; longer ones are cut with `…`.
    public static let maximumQuoted = 80

    /// Whether `scalar` must never be printed raw: C0 and C1 control characters other than tab
    /// and line feed, DEL, and the bidirectional embedding, override and isolate characters.
    public static func isHazardous(_ scalar: Unicode.Scalar, allowingLineBreaks: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return !allowingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// The first hazardous character of `text` (tab and line feed allowed) and its offset in
    /// characters, or nil.
    public static func firstHazard(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        // Printable ASCII, tab and line feed hold no hazard: most card text is only that, and
        // its bytes are checked without decoding a scalar each (5% of a commit of many cards).
        var text = text
        let printable = text.withUTF8 { bytes in
            bytes.allSatisfy { (0x20..<0x7F).contains($0) || $0 == 0x09 || $0 == 0x0A }
        }
        if printable { return nil }
        var offset = 0
        for scalar in text.unicodeScalars {
            if isHazardous(scalar) { return (scalar, offset) }
            offset += 1
        }
        return nil
    }

    /// The name of `scalar` as messages give it: `U+001B`.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every hazardous character written as an escape (`\e`, `\u{202E}`); with
    /// `lineBreaks` false, tab and line feed are escaped too (`\t`, `\n`), as a file name needs.
    public static func escaped(_ text: String, lineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isHazardous($0, allowingLineBreaks: lineBreaks) }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            guard isHazardous(scalar, allowingLineBreaks: lineBreaks) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// `text` cut to ``maximumQuoted`` characters with `…` and the total length, for quoting
    /// a value in a message.
    public static func cut(_ text: String, to limit: Int = maximumQuoted) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count) characters)"
    }

    /// `text` as a message quotes it, on one line: escaped, line breaks included, and cut.
    public static func quoted(_ text: String) -> String {
        cut(escaped(text))
    }

    /// JSON text with the hazardous characters an encoder leaves raw (C1 controls, the
    /// bidirectional ones) written as `\\uXXXX` escapes: the same JSON value, safe to print.
    public static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { isHazardous($0) }) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if isHazardous(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
