import Foundation

/// A strict RFC 8259 JSON parser that records the line and column of every value and key.
///
/// It works on UTF-8 bytes for speed. Columns count Unicode scalars, as `SourcePosition`
/// promises. Integers written without a fraction or exponent that fit in `Int` become
/// `.integer`; every other number becomes `.number`. Duplicate keys, trailing commas,
/// comments and nesting deeper than ``maximumDepth`` are refused with a located error.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Parses UTF-8 `data` as one JSON value.
    public static func parse(_ data: Data) throws -> ValueNode {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw JSONParseError(position: .start, message: "the text is not valid utf-8")
        }
        return try parse(text)
    }

    /// Parses `text` as one JSON value.
    public static func parse(_ text: String) throws -> ValueNode {
        var bytes = Array(text.utf8)
        // A trailing zero lets the scanner peek one byte past the end without bounds checks.
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(bytes: buffer, count: buffer.count - 1)
            return try reader.parseDocument()
        }
    }
}

/// A problem in a JSON text, with where it was found.
public struct JSONParseError: Error, CustomStringConvertible, Sendable {
    /// Where the problem is.
    public var position: SourcePosition
    /// What is wrong, lowercase and without a final period.
    public var message: String
    /// The byte offset of the problem in the text, when known (``hint(in:)`` reads it).
    public var offset: Int?

    /// Creates an error.
    public init(position: SourcePosition, message: String, offset: Int? = nil) {
        self.position = position
        self.message = message
        self.offset = offset
    }

    /// `line:column: message`.
    public var description: String { "\(position): \(message)" }
}

/// The cursor over the bytes of one JSON text.
private struct JSONByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    var index = 0
    var line = 1
    var lineStart = 0
    // Columns are counted lazily from the last position asked for on the same line, so long
    // single-line documents stay linear.
    var columnCacheIndex = 0
    var columnCacheValue = 1
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    mutating func parseDocument() throws -> ValueNode {
        skipWhitespace()
        if index >= count { throw error("empty document, expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if index < count { throw error("unexpected \(describeCurrent()) after the JSON value") }
        return value
    }

    // MARK: positions and errors

    mutating func position(at offset: Int) -> SourcePosition {
        if columnCacheIndex < lineStart || columnCacheIndex > offset {
            columnCacheIndex = lineStart
            columnCacheValue = 1
        }
        var column = columnCacheValue
        var cursor = columnCacheIndex
        while cursor < offset {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        columnCacheIndex = offset
        columnCacheValue = column
        return SourcePosition(line: line, column: column)
    }

    mutating func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let at = min(offset ?? index, count)
        return JSONParseError(position: position(at: at), message: message, offset: at)
    }

    func describeCurrent() -> String {
        if index >= count { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x20 || byte == 0x7F { return "control character U+\(hex4(UInt32(byte)))" }
        // Decode the whole scalar so the message shows the character, not a byte.
        var end = index + 1
        while end < count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        return "character '\(text)'"
    }

    func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: scanning

    mutating func skipWhitespace() {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x09:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            case 0x0D:
                index += 1
                if bytes[index] != 0x0A {
                    line += 1
                    lineStart = index
                }
            default:
                return
            }
        }
    }

    mutating func parseValue() throws -> ValueNode {
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let at = position(at: start)
            return ValueNode(.string(try parseString()), at: at)
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            if index >= count { throw error("unexpected end of input, expected a JSON value") }
            throw error("unexpected \(describeCurrent()), expected a JSON value")
        }
    }

    mutating func parseLiteral(_ word: StaticString, _ kind: ValueNode.Kind) throws -> ValueNode {
        let start = index
        let length = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: length)
        for offset in 0..<length where start + offset >= count || bytes[start + offset] != expected[offset] {
            throw error("invalid literal, expected '\(word)'", at: start)
        }
        index += length
        if isIdentifierByte(bytes[index]) { throw error("invalid literal, expected '\(word)'", at: start) }
        return ValueNode(kind, at: position(at: start))
    }

    func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
            || byte == UInt8(ascii: "_")
    }

    mutating func enterContainer() throws {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    mutating func parseObject() throws -> ValueNode {
        let start = position(at: index)
        try enterContainer()
        index += 1
        var members: [ValueNode.Member] = []
        var seen: Set<String> = []
        skipWhitespace()
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return ValueNode(.object(members), at: start)
        }
        while true {
            if index >= count { throw error("unterminated object, expected a key") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("unexpected \(describeCurrent()), expected a key in double quotes")
            }
            let keyOffset = index
            let keyPosition = position(at: keyOffset)
            let key = try parseString()
            if !seen.insert(key).inserted {
                throw JSONParseError(position: keyPosition, message: "duplicate key '\(key)'")
            }
            skipWhitespace()
            guard bytes[index] == UInt8(ascii: ":"), index < count else {
                throw error("expected ':' after key '\(key)', found \(describeCurrent())")
            }
            index += 1
            skipWhitespace()
            if index >= count { throw error("unexpected end of input, expected a value for key '\(key)'") }
            let value = try parseValue()
            members.append(ValueNode.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            if index >= count { throw error("unterminated object, expected ',' or '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return ValueNode(.object(members), at: start)
            default:
                throw error("unexpected \(describeCurrent()), expected ',' or '}'")
            }
        }
    }

    mutating func parseArray() throws -> ValueNode {
        let start = position(at: index)
        try enterContainer()
        index += 1
        var elements: [ValueNode] = []
        skipWhitespace()
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return ValueNode(.array(elements), at: start)
        }
        while true {
            if index >= count { throw error("unterminated array, expected a value") }
            if bytes[index] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            elements.append(try parseValue())
            skipWhitespace()
            if index >= count { throw error("unterminated array, expected ',' or ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return ValueNode(.array(elements), at: start)
            default:
                throw error("unexpected \(describeCurrent()), expected ',' or ']'")
            }
        }
    }

    mutating func parseNumber() throws -> ValueNode {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(bytes[index]) { throw error("leading zeros are not allowed in numbers", at: start) }
        } else if isDigit(bytes[index]) {
            while isDigit(bytes[index]) { index += 1 }
        } else {
            throw error("invalid number, expected a digit after '-'", at: start)
        }
        if bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit(bytes[index]) else { throw error("invalid number, expected a digit after '.'", at: start) }
            while isDigit(bytes[index]) { index += 1 }
        }
        if bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(bytes[index]) else {
                throw error("invalid number, expected a digit in the exponent", at: start)
            }
            while isDigit(bytes[index]) { index += 1 }
        }
        if isIdentifierByte(bytes[index]) || bytes[index] == UInt8(ascii: ".") {
            throw error("invalid number", at: start)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        let at = position(at: start)
        if isInteger, let value = Int(text) { return ValueNode(.integer(value), at: at) }
        guard let value = Double(text), value.isFinite else {
            throw error("number \(text) is too large", at: start)
        }
        return ValueNode(.number(value), at: at)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Parses a string starting at its opening quote and leaves the cursor after the closing one.
    mutating func parseString() throws -> String {
        let quote = index
        index += 1
        let contentStart = index
        // Fast path: no escapes, the bytes are the string.
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(byte, stringStart: quote) }
            index += 1
        }
        if index >= count { throw error("unterminated string", at: quote) }
        var scalars = Array(bytes[contentStart..<index])
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if byte < 0x20 { throw controlCharacterError(byte, stringStart: quote) }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            if index >= count { break }
            switch bytes[index] {
            case UInt8(ascii: "\""): scalars.append(0x22)
            case UInt8(ascii: "\\"): scalars.append(0x5C)
            case UInt8(ascii: "/"): scalars.append(0x2F)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var value = try readHex4(escapeStart: escapeStart)
                if value >= 0xD800 && value <= 0xDBFF {
                    guard index + 2 < count, bytes[index + 1] == UInt8(ascii: "\\"),
                        bytes[index + 2] == UInt8(ascii: "u")
                    else {
                        throw error("unpaired surrogate in \\u escape", at: escapeStart)
                    }
                    index += 2
                    let low = try readHex4(escapeStart: index - 1)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw error("unpaired surrogate in \\u escape", at: escapeStart)
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if value >= 0xDC00 && value <= 0xDFFF {
                    throw error("unpaired surrogate in \\u escape", at: escapeStart)
                }
                guard let scalar = Unicode.Scalar(value) else {
                    throw error("invalid \\u escape", at: escapeStart)
                }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape '\\\(describeEscape())' in string", at: escapeStart)
            }
            index += 1
        }
        throw error("unterminated string", at: quote)
    }

    func describeEscape() -> String {
        let byte = bytes[index]
        return byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "?"
    }

    /// Reads the four hex digits after `\u`, leaving the cursor on the last one.
    mutating func readHex4(escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            index += 1
            guard index < count else { throw error("unterminated \\u escape", at: escapeStart) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("invalid \\u escape, expected four hex digits", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    mutating func controlCharacterError(_ byte: UInt8, stringStart: Int) -> JSONParseError {
        if byte == 0x0A || byte == 0x0D { return error("unterminated string", at: stringStart) }
        return error("control character U+\(hex4(UInt32(byte))) in string must be escaped")
    }
}
