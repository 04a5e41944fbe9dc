/// Resolves a YAML scalar to a JSON value with the YAML 1.2 core schema.
///
/// Chosen on purpose over YAML 1.1 (what PyYAML and many tools use): in 1.1 `no` is false and
/// `NO` the country code silently becomes a boolean. Under the core schema only `true`/`false`
/// (any case form the spec lists) are booleans. Numbers are still numbers, so a plain `1.10`
/// is the number 1.1; the node keeps its text so a type error can say `1.10` and suggest
/// quoting. Only plain (unquoted) scalars are resolved; quoted and block scalars are strings.
enum CoreSchemaScalar {
    static func resolve(_ text: String, isPlain: Bool, at position: SourcePosition) -> ValueNode {
        guard isPlain else { return ValueNode(.string(text), at: position) }
        let kind = kind(of: text)
        if case .string = kind { return ValueNode(kind, at: position) }
        return ValueNode(kind, at: position, sourceText: text)
    }

    static func kind(of text: String) -> ValueNode.Kind {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return .string(text) }
        if let integer = integer(text) { return integer }
        if isFloat(text), let value = Double(text) { return .number(value) }
        return .string(text)
    }

    private static func integer(_ text: String) -> ValueNode.Kind? {
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return .integer(value) }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return .integer(value) }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .integer(value) }
        return Double(text).map { .number($0) }  // too large for 64 bits: still a number
    }

    /// The core schema's float: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    /// `.inf` and `.nan` are left as strings: JSON has no such numbers.
    private static func isFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        func digitCount() -> Int {
            let count = bytes.prefix { (48...57).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        let whole = digitCount()
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = digitCount()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            if digitCount() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
