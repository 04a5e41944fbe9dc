/// Writes a ``ValueNode`` as block-style YAML that ``SafeYAMLLoader`` reads back to the same
/// value (so the same digest): strings the core schema would read as something else (`no`,
/// `1.10`, `null`, `~`) are quoted, multi-line text becomes a literal block.
public enum YAMLEmitter {
    /// The YAML text of `node`, ending with a newline.
    public static func text(of node: ValueNode) -> String {
        var lines: [String] = []
        switch node.kind {
        case .object(let members) where !members.isEmpty: emit(members: members, indent: 0, into: &lines)
        case .array(let elements) where !elements.isEmpty: emit(elements: elements, indent: 0, into: &lines)
        default: lines.append(inline(node) ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func emit(members: [ValueNode.Member], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for member in members {
            let key = pad + scalar(member.key) + ":"
            append(member.value, after: key, indent: indent, into: &lines)
        }
    }

    private static func emit(elements: [ValueNode], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for element in elements {
            if case .object(let members) = element.kind, !members.isEmpty {
                var nested: [String] = []
                emit(members: members, indent: indent + 2, into: &nested)
                // The first key goes on the dash's line.
                nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
                lines += nested
            } else {
                append(element, after: pad + "-", indent: indent, into: &lines)
            }
        }
    }

    private static func append(_ value: ValueNode, after prefix: String, indent: Int, into lines: inout [String]) {
        if let text = inline(value) {
            lines.append(prefix + " " + text)
            return
        }
        switch value.kind {
        case .object(let members):
            lines.append(prefix)
            emit(members: members, indent: indent + 2, into: &lines)
        case .array(let elements):
            lines.append(prefix)
            emit(elements: elements, indent: indent + 2, into: &lines)
        case .string(let string):
            let body = string.hasSuffix("\n") ? String(string.dropLast()) : string
            lines.append(prefix + (string.hasSuffix("\n") ? " |" : " |-"))
            let pad = String(repeating: " ", count: indent + 2)
            lines += body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
        default:
            lines.append(prefix)
        }
    }

    /// The value on one line, or nil when it needs lines of its own.
    private static func inline(_ value: ValueNode) -> String? {
        switch value.kind {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return CanonicalJSON.format(number)
        case .string(let string):
            if isLiteralBlockSafe(string) { return nil }
            return scalar(string)
        case .array(let elements): return elements.isEmpty ? "[]" : nil
        case .object(let members): return members.isEmpty ? "{}" : nil
        }
    }

    /// Multi-line text reads best as a literal block, when the block can hold it exactly.
    private static func isLiteralBlockSafe(_ string: String) -> Bool {
        guard string.contains("\n"), !string.hasSuffix("\n\n"), !string.hasPrefix(" "), !string.hasPrefix("\n") else {
            return false
        }
        return !string.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && !string.contains(" \n")
            && !string.hasSuffix(" ")
    }

    /// A string as a plain scalar when that reads back as the same string, else double-quoted.
    static func scalar(_ string: String) -> String {
        if isPlainSafe(string) { return string }
        var quoted = ""
        CanonicalJSON.writeString(string, to: &quoted)  // JSON escapes are valid YAML double-quoted escapes
        return quoted
    }

    private static func isPlainSafe(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last else { return false }
        if case .string = CoreSchemaScalar.kind(of: string) {} else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if string.contains(": ") || string.contains(" #") || string.contains("\t") { return false }
        if ["yes", "no", "on", "off", "y", "n"].contains(string.lowercased()) { return false }  // YAML 1.1 readers
        return !string.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{FEFF}" }
    }
}
