import Foundation

/// How a card's values are written as text: scalars as written, numbers in their shortest form,
/// table cells on one line.
extension CardDocument {
    /// Whether `node` is neither an array nor an object.
    static func isScalar(_ node: ValueNode) -> Bool {
        switch node.kind {
        case .array, .object: return false
        default: return true
        }
    }

    /// A scalar as text: strings as written, numbers in their shortest form.
    static func text(_ node: ValueNode) -> String {
        switch node.kind {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return CanonicalJSON.format(value)
        case .string(let string): return trimmed(string)
        case .array(let elements): return elements.map(cellText).joined(separator: ", ")
        case .object(let members): return members.map { "\($0.key): \(cellText($0.value))" }.joined(separator: "; ")
        }
    }

    /// `text` without leading and trailing white space, exactly what
    /// `CharacterSet.whitespacesAndNewlines` trims (the Unicode White_Space scalars and the zero
    /// width space); Foundation's trimming goes through NSString on Linux, a cost the site pays
    /// for every field of every version.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Whether `trimmed(_:)` removes `scalar` at either end.
    static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B
    }

    /// Any value as one line of a table cell.
    static func cellText(_ node: ValueNode) -> String {
        oneLine(text(node))
    }

    /// `text` on one line: its lines trimmed and joined with a space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A number for display in charts and cells.
    static func format(_ value: Double) -> String {
        CanonicalJSON.format(value)
    }
}
