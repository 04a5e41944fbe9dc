import Foundation

/// Writes a `ValueNode` as block-style YAML that cardigan's loader (YAML 1.2 core schema) reads
/// back to the same value: strings that would read as anything else (`no`, `1.10`, `true`,
/// `null`, `~`, leading or trailing spaces, `: ` and ` #`, indicators) are double-quoted, and
/// multi-line strings become literal blocks (`|`).
public enum YAMLEmitter {
    /// The YAML text of `node`, ending with a newline.
    public static func text(of node: ValueNode) -> String {
        var output = ""
        switch node.kind {
        case .object(let members) where !members.isEmpty:
            writeMembers(members, indent: 0, to: &output)
        case .array(let elements) where !elements.isEmpty:
            writeElements(elements, indent: 0, to: &output)
        default:
            output = inline(node, indent: 0) + "\n"
        }
        return output
    }

    private static func writeMembers(_ members: [ValueNode.Member], indent: Int, to output: inout String) {
        let pad = String(repeating: " ", count: indent)
        for member in members {
            output += pad + key(member.key) + ":"
            writeValue(member.value, indent: indent, to: &output)
        }
    }

    private static func writeElements(_ elements: [ValueNode], indent: Int, to output: inout String) {
        let pad = String(repeating: " ", count: indent)
        for element in elements {
            switch element.kind {
            case .object(let members) where !members.isEmpty:
                // `- key: value` then the other keys aligned under the first.
                var nested = ""
                writeMembers(members, indent: indent + 2, to: &nested)
                output += pad + "- " + nested.dropFirst(indent + 2)
            case .array(let inner) where !inner.isEmpty && !isFlowable(inner):
                output += pad + "-\n"
                writeElements(inner, indent: indent + 2, to: &output)
            default:
                output += pad + "-"
                writeValue(element, indent: indent, to: &output)
            }
        }
    }

    /// Writes what follows `key:` or `-`: a space and an inline value, or a newline and a block.
    private static func writeValue(_ value: ValueNode, indent: Int, to output: inout String) {
        switch value.kind {
        case .object(let members) where !members.isEmpty:
            output += "\n"
            writeMembers(members, indent: indent + 2, to: &output)
        case .array(let elements) where !elements.isEmpty && !isFlowable(elements):
            output += "\n"
            writeElements(elements, indent: indent + 2, to: &output)
        default:
            output += " " + inline(value, indent: indent + 2) + "\n"
        }
    }

    /// Arrays of numbers and booleans only are written in flow style: `[0.1, 0.2]`.
    private static func isFlowable(_ elements: [ValueNode]) -> Bool {
        elements.allSatisfy {
            switch $0.kind {
            case .integer, .number, .bool: return true
            default: return false
            }
        }
    }

    private static func inline(_ node: ValueNode, indent: Int) -> String {
        switch node.kind {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return CanonicalJSON.format(value)
        case .string(let string): return scalar(string, indent: indent)
        case .array(let elements):
            return "[" + elements.map { inline($0, indent: indent) }.joined(separator: ", ") + "]"
        case .object: return "{}"
        }
    }

    private static func key(_ key: String) -> String {
        isPlainSafe(key) ? key : doubleQuoted(key)
    }

    /// A string scalar: plain when it reads back as the same string, a literal block when it
    /// has several lines that a block keeps exactly, double-quoted otherwise.
    static func scalar(_ string: String, indent: Int) -> String {
        if isPlainSafe(string) { return string }
        if let block = literalBlock(string, indent: indent) { return block }
        return doubleQuoted(string)
    }

    static func isPlainSafe(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last else { return false }
        if case .string = CoreSchemaScalar.kind(of: string) {} else { return false }
        // YAML 1.1 booleans and other readers' surprises: quoted so every tool reads a string.
        let lowered = string.lowercased()
        if ["yes", "no", "on", "off", "y", "n", "=", "<<"].contains(lowered) { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`<".unicodeScalars.contains(first) { return false }
        if "+.0123456789".unicodeScalars.contains(first) { return false }  // numbers, dates, versions
        if last == ":" { return false }
        if string.contains(": ") || string.contains(" #") || string.contains(":\t") { return false }
        for scalar in string.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
                || DisplayText.isHazardous(scalar)
            {
                return false
            }
        }
        return true
    }

    /// `|`, `|-` or `|+` with the lines indented, or nil when a block cannot hold the text
    /// exactly (control characters, a first line starting with a space, blank lines of spaces).
    private static func literalBlock(_ string: String, indent: Int) -> String? {
        guard string.contains("\n") else { return nil }
        for scalar in string.unicodeScalars {
            if scalar == "\n" || scalar == "\t" { continue }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
                || DisplayText.isHazardous(scalar)
            {
                return nil
            }
        }
        var body = string
        var chomp = "-"
        if body.hasSuffix("\n") {
            body.removeLast()
            chomp = ""
            if body.hasSuffix("\n") || body.isEmpty { return nil }  // several final newlines: quote
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstLine = lines.first, !firstLine.hasPrefix(" "), !firstLine.hasPrefix("\t"), !firstLine.isEmpty
        else {
            return nil
        }
        // A line of only spaces or tabs is read back as an empty line or as indentation.
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }) { return nil }
        let pad = String(repeating: " ", count: indent)
        return "|" + chomp + lines.map { $0.isEmpty ? "\n" : "\n" + pad + $0 }.joined()
    }

    static func doubleQuoted(_ string: String) -> String {
        var output = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    output += String(format: "\\x%02X", scalar.value)
                } else if scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
                    || DisplayText.isHazardous(scalar)
                {
                    output += String(format: "\\u%04X", scalar.value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
