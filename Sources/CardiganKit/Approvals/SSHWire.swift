import Foundation

/// Reads SSH's wire encoding (RFC 4251 §5): `uint32`, `string` (a length, then bytes) and
/// `mpint`, each read refusing truncated or oversized input instead of trapping.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    /// A reader over `bytes`, from the start.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The next `count` raw bytes.
    mutating func read(count: Int) throws -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else { throw SSHFormatError("truncated data") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// A big-endian 32-bit unsigned integer.
    mutating func readUInt32() throws -> UInt32 {
        try read(count: 4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// A length-prefixed byte string.
    mutating func readString() throws -> [UInt8] {
        let length = try readUInt32()
        guard length <= 1 << 20 else { throw SSHFormatError("a field of \(length) bytes is too long") }
        return try read(count: Int(length))
    }

    /// A length-prefixed UTF-8 string.
    mutating func readText() throws -> String {
        let raw = try readString()
        guard let text = String(bytes: raw, encoding: .utf8) else { throw SSHFormatError("a name is not UTF-8") }
        return text
    }

    /// A non-negative `mpint` as its magnitude, without leading zero bytes.
    mutating func readPositiveMPInt() throws -> [UInt8] {
        let raw = try readString()
        if let first = raw.first, first & 0x80 != 0 { throw SSHFormatError("a negative integer") }
        return Array(raw.drop { $0 == 0 })
    }
}

/// Writes SSH's wire encoding.
struct SSHWireWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends raw bytes.
    mutating func write(raw: [UInt8]) { bytes += raw }

    /// Appends a big-endian 32-bit unsigned integer.
    mutating func write(uint32 value: UInt32) {
        bytes += [UInt8(value >> 24 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    /// Appends a length-prefixed byte string.
    mutating func write(string value: [UInt8]) {
        write(uint32: UInt32(value.count))
        bytes += value
    }

    /// Appends a length-prefixed UTF-8 string.
    mutating func write(text value: String) { write(string: Array(value.utf8)) }
}

/// SSH data (a key, a signature, an allowed signers line) that cannot be read.
public struct SSHFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, lowercase.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
