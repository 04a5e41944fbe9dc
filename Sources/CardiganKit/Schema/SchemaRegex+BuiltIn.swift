/// Matchers written out for the patterns of the built-in schema, which every `commit`, `validate`
/// and pre-commit hook checks a card against.
///
/// The first `NSRegularExpression` of a process sets up ICU's regular-expression engine (its
/// static Unicode sets): 7.8M instructions, a fifth of a one-card commit beyond libgit2's
/// start. These five patterns need none of it. Each matcher answers what ICU answers (a test
/// compares them over every code point of the Basic Multilingual Plane and every short string of
/// the characters that matter), including ICU's `$`, which also matches before a line terminator
/// that ends the text. Any other pattern is compiled by `NSRegularExpression` as before.
enum BuiltInPatterns {
    /// The matcher written out for `source`, or nil for a pattern compiled by ICU.
    static func matcher(for source: String) -> (@Sendable (String) -> Bool)? {
        switch source {
        case "^[a-z0-9](-?[a-z0-9]){0,62}$":
            return { name($0, isLetter: isLowerOrDigit, hyphensInARow: 1) }
        case "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$":
            return { name($0, isLetter: isLetterOrDigit, hyphensInARow: .max) }
        case "^models:/":
            return { $0.utf8.starts(with: "models:/".utf8) }
        case "^[a-zA-Z_][a-zA-Z0-9_]*$":
            return { identifier($0) }
        case "\\S":
            return { $0.unicodeScalars.contains { !$0.properties.isWhitespace } }
        default:
            return nil
        }
    }

    /// Letters (by `isLetter`) joined by runs of at most `hyphensInARow` hyphens, starting and
    /// ending with a letter, at most 63 letters: `^L(-?L){0,62}$` and `^L(-*L){0,62}$`.
    private static func name(_ text: String, isLetter: (Unicode.Scalar) -> Bool, hyphensInARow: Int) -> Bool {
        let scalars = withoutFinalLineEnd(text)
        guard let first = scalars.first, isLetter(first) else { return false }
        var letters = 1
        var hyphens = 0
        for scalar in scalars.dropFirst() {
            if scalar == "-" {
                hyphens += 1
                guard hyphens <= hyphensInARow else { return false }
            } else if isLetter(scalar) {
                letters += 1
                hyphens = 0
            } else {
                return false
            }
        }
        return hyphens == 0 && letters <= 63
    }

    /// `^[a-zA-Z_][a-zA-Z0-9_]*$`.
    private static func identifier(_ text: String) -> Bool {
        let scalars = withoutFinalLineEnd(text)
        guard let first = scalars.first, first == "_" || (isLetterOrDigit(first) && !isDigit(first)) else {
            return false
        }
        return scalars.dropFirst().allSatisfy { $0 == "_" || isLetterOrDigit($0) }
    }

    /// The text's scalars without one line terminator at its very end, where ICU's `$` also
    /// matches: LF, VT, FF, CR, CR LF, NEL, LS or PS.
    private static func withoutFinalLineEnd(_ text: String) -> ArraySlice<Unicode.Scalar> {
        var scalars = Array(text.unicodeScalars)[...]
        guard let last = scalars.last else { return scalars }
        switch last {
        case "\n":
            scalars.removeLast()
            if scalars.last == "\r" { scalars.removeLast() }
        case "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}":
            scalars.removeLast()
        default:
            break
        }
        return scalars
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isLowerOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || isDigit(scalar)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        isLowerOrDigit(scalar) || ("A"..."Z").contains(scalar)
    }
}
