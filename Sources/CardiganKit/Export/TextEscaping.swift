import Mustache

/// Escaping of card text for each output: a card is untrusted input, so no text of it may
/// become markup.
enum TextEscaping {
    /// Text for HTML and XML (SVG) content and attribute values; control and bidirectional
    /// override characters are written as visible escapes (`\e`, `\u{202E}`).
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in DisplayText.escaped(text, lineBreaks: true) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for Markdown: characters that would start markup (HTML, emphasis, code, links,
    /// table cells, headings, a line of `-` or `=`) are backslash-escaped, control characters
    /// written as visible escapes; `_` only where it could open or close
    /// emphasis, so `train_auc` stays readable.
    static func markdown(_ text: String) -> String {
        var result = ""
        let characters = Array(DisplayText.escaped(text, lineBreaks: true))
        var atLineStart = true
        for (index, character) in characters.enumerated() {
            switch character {
            case "\\", "`", "*", "[", "]", "<", ">", "|":
                result += "\\" + String(character)
            case "&":
                result += "&amp;"
            case "_":
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                let inWord = (before.isLetter || before.isNumber) && (after.isLetter || after.isNumber)
                result += inWord ? "_" : "\\_"
            case "#" where atLineStart:
                result += "\\#"
            case "-" where atLineStart && isRuleLine(characters, from: index),
                "=" where atLineStart && isRuleLine(characters, from: index):
                // A line of only `-` or `=` would make the paragraph above a heading (or be a
                // rule): the first one escaped keeps it text.
                result += "\\" + String(character)
            default:
                result.append(character)
            }
            if character.isNewline {
                atLineStart = true
            } else if !character.isWhitespace {
                atLineStart = false
            }
        }
        return result
    }

    /// Whether the line starting at `start` holds only `-` or only `=` (and spaces).
    private static func isRuleLine(_ characters: [Character], from start: Int) -> Bool {
        let mark = characters[start]
        var index = start
        while index < characters.count, !characters[index].isNewline {
            if characters[index] != mark, characters[index] != " " { return false }
            index += 1
        }
        return true
    }

    /// Registers the `MARKDOWN` content type for `{{% CONTENT_TYPE: MARKDOWN }}` templates, once.
    static let registerMarkdown: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()
}

/// Mustache content type whose `{{value}}` escapes for Markdown.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        TextEscaping.markdown(text)
    }
}
