/// The canonical JSON text of a value, the input of a card's digest: keys sorted by their
/// Unicode scalars, no whitespace, integers without a fraction, other numbers in the shortest
/// form that reads back to the same `Double`, strings escaped as RFC 8785 does.
///
/// Comments, key order, quoting style and indentation in the YAML do not reach this text, so
/// they never change a digest.
public enum CanonicalJSON {
    /// The canonical JSON text of `node`.
    public static func text(of node: ValueNode) -> String {
        var output = ""
        output.reserveCapacity(4096)
        write(node, to: &output)
        return output
    }

    /// A number as canonical JSON writes it: `3` for 3.0, `0.91` for 0.91.
    public static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)  // Swift prints the shortest text that reads back exactly
    }

    private static func write(_ node: ValueNode, to output: inout String) {
        switch node.kind {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += format(value)
        case .string(let string): writeString(string, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let sorted = members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { output += "," }
                writeString(member.key, to: &output)
                output += ":"
                write(member.value, to: &output)
            }
            output += "}"
        }
    }

    /// Writes a JSON string literal: `"` and `\` escaped, control characters as `\n`-style
    /// short escapes or `\u00XX`, everything else as is.
    static func writeString(_ string: String, to output: inout String) {
        output += "\""
        // Copy runs of bytes that need no escape whole; only `"`, `\` and control bytes (all
        // ASCII, so never inside a multi-byte character) are escaped.
        var run: [UInt8] = []
        run.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): run += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\\"): run += [byte, byte]
            case 0x0A: run += Array("\\n".utf8)
            case 0x0D: run += Array("\\r".utf8)
            case 0x09: run += Array("\\t".utf8)
            case 0x08: run += Array("\\b".utf8)
            case 0x0C: run += Array("\\f".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                run += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: run.append(byte)
            }
        }
        output += String(decoding: run, as: UTF8.self)
        output += "\""
    }

}
