/// The canonical JSON text of a value, the input of a card's digest: keys sorted by their
/// Unicode scalars, no whitespace, integers without a fraction, other numbers in the shortest
/// form that reads back to the same `Double`, strings escaped as RFC 8785 does.
///
/// Comments, key order, quoting style and indentation in the YAML do not reach this text, so
/// they never change a digest.
public enum CanonicalJSON {
    /// The canonical JSON text of `node`.
    public static func text(of node: ValueNode) -> String {
        String(decoding: bytes(of: node), as: UTF8.self)
    }

    /// The canonical JSON of `node` as UTF-8 bytes: what a digest hashes.
    public static func bytes(of node: ValueNode) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(8192)
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

    // Written to bytes, not to a String: appending small strings cost a third of `verify`'s
    // digest work on a fresh clone.
    private static func write(_ node: ValueNode, to output: inout [UInt8]) {
        switch node.kind {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .integer(let value): output += String(value).utf8
        case .number(let value): output += format(value).utf8
        case .string(let string): writeString(string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            writeObject(
                members, key: { $0.key }, to: &output,
                writeValue: { member, output in write(member.value, to: &output) })
        }
    }

    /// Writes an object of `members`, sorted by key, each value written by `writeValue`: the one
    /// place the canonical member order is decided (``SectionMemo`` writes cards with it too).
    static func writeObject<Member>(
        _ members: [Member], key: (Member) -> String, to output: inout [UInt8],
        writeValue: (Member, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: "{"))
        // UTF-8 byte order is Unicode scalar order, which is what RFC 8785 sorts by.
        let sorted = members.sorted { key($0).utf8.lexicographicallyPrecedes(key($1).utf8) }
        for (index, member) in sorted.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            writeString(key(member), to: &output)
            output.append(UInt8(ascii: ":"))
            writeValue(member, &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// Writes a JSON string literal: `"` and `\` escaped, control characters as `\n`-style
    /// short escapes or `\u00XX`, everything else as is.
    static func writeString(_ string: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(string, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Writes a JSON string literal as UTF-8 bytes. Only `"`, `\` and control bytes are escaped:
    /// all ASCII, so never inside a multi-byte character.
    static func writeString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Native strings are contiguous UTF-8: scanned as a buffer, not byte by byte through
        // the generic view, which cost a tenth of a fresh clone's `verify`.
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &output) }
        if done == nil { Array(string.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &output) } }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `text` with JSON escapes, copying each run of bytes that need none in one piece.
    private static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        for (index, byte) in text.enumerated() where byte < 0x20 || byte == quote || byte == backslash {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            runStart = index + 1
            switch byte {
            case 0x0A: output += "\\n".utf8
            case 0x0D: output += "\\r".utf8
            case 0x09: output += "\\t".utf8
            case 0x08: output += "\\b".utf8
            case 0x0C: output += "\\f".utf8
            case 0..<0x20:
                output += "\\u00".utf8
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(backslash)
                output.append(byte)
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
