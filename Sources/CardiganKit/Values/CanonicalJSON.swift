/// The canonical JSON text of a value, the input of a card's digest: RFC 8785 (the JSON
/// Canonicalization Scheme, JCS). Keys sorted by their UTF-16 code units, no whitespace, numbers
/// written as ECMAScript writes a double (`0.00001`, `1e+21`, `-0` as `0`), strings escaped as
/// RFC 8785 does.
///
/// Comments, key order, quoting style and indentation in the YAML do not reach this text, so
/// they never change a digest. Versions recorded before cardigan wrote JCS used the
/// ``CanonicalForm/legacy`` form, which differs only in some numbers and in the order of keys
/// that mix characters above U+FFFF with ones from U+E000 to U+FFFF; their records say so (no
/// `Card-Canonical` trailer) and are checked in that form.
public enum CanonicalJSON {
    /// The canonical JSON text of `node`.
    public static func text(of node: ValueNode, form: CanonicalForm = .rfc8785) -> String {
        String(decoding: bytes(of: node, form: form), as: UTF8.self)
    }

    /// The canonical JSON of `node` as UTF-8 bytes: what a digest hashes.
    public static func bytes(of node: ValueNode, form: CanonicalForm = .rfc8785) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(8192)
        write(node, form: form, to: &output)
        return output
    }

    /// A number for people and the legacy canonical form: `3` for 3.0, `0.91` for 0.91, and
    /// Swift's shortest text otherwise (`1e-05`).
    public static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)  // Swift prints the shortest text that reads back exactly
    }

    /// Whether `node` has a number or an object whose canonical text differs between the two
    /// forms, so that a legacy digest must be computed separately.
    public static func formsDiffer(_ node: ValueNode) -> Bool {
        switch node.kind {
        case .null, .bool, .string: return false
        case .integer(let value): return !ECMAScriptNumber.isExactInteger(value)
        case .number(let value):
            // Both forms write integers below 10^15 and decimals from 10^-4 alike: no text needed.
            let magnitude = value.magnitude
            if magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e15) { return false }
            return format(value) != ECMAScriptNumber.text(value)
        case .array(let elements): return elements.contains(where: formsDiffer)
        case .object(let members):
            if members.count > 1, members.contains(where: { needsUTF16Order($0.key) }) { return true }
            return members.contains { formsDiffer($0.value) }
        }
    }

    private static func write(_ node: ValueNode, form: CanonicalForm, to output: inout [UInt8]) {
        switch node.kind {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .integer(let value):
            if form == .legacy || ECMAScriptNumber.isExactInteger(value) {
                output += String(value).utf8
            } else {
                output += ECMAScriptNumber.text(Double(value)).utf8  // past 2^53: as a JSON reader's double
            }
        case .number(let value): output += (form == .legacy ? format(value) : ECMAScriptNumber.text(value)).utf8
        case .string(let string): writeString(string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, form: form, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            writeObject(
                members, key: { $0.key }, form: form, to: &output,
                writeValue: { member, output in write(member.value, form: form, to: &output) })
        }
    }

    /// Writes an object of `members`, sorted by key, each value written by `writeValue`: the one
    /// place the canonical member order is decided (``SectionMemo`` writes cards with it too).
    static func writeObject<Member>(
        _ members: [Member], key: (Member) -> String, form: CanonicalForm = .rfc8785, to output: inout [UInt8],
        writeValue: (Member, inout [UInt8]) -> Void
    ) {
        output.append(UInt8(ascii: "{"))
        let sorted = members.sorted { precedes(key($0), key($1), form: form) }
        for (index, member) in sorted.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            writeString(key(member), to: &output)
            output.append(UInt8(ascii: ":"))
            writeValue(member, &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// RFC 8785 sorts keys by UTF-16 code units. UTF-8 byte order (the legacy form's) is the
    /// same except between U+E000…U+FFFF and characters above U+FFFF (lead bytes 0xEE, 0xEF
    /// and 0xF0…0xF4), so UTF-16 is compared only for keys holding such bytes.
    static func precedes(_ lhs: String, _ rhs: String, form: CanonicalForm) -> Bool {
        if form == .rfc8785, needsUTF16Order(lhs), needsUTF16Order(rhs) {
            return lhs.utf16.lexicographicallyPrecedes(rhs.utf16)
        }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func needsUTF16Order(_ key: String) -> Bool { key.utf8.contains { $0 >= 0xEE } }

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
