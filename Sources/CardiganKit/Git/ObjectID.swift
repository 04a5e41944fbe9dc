internal import CLibgit2

/// A git object id (SHA-1), held as its 40 lowercase hex digits.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The 40 hex digits.
    public let hex: String

    /// An id from 40 hex digits; nil for anything else.
    public init?(hex: String) {
        let lowered = hex.lowercased()
        guard lowered.utf8.count == 40, lowered.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return nil }
        self.hex = lowered
    }

    /// An id from 40 lowercase hex digits already known to be such (``RawObjectID/hex(_:at:)``
    /// makes them): no copy lowered and checked, for the 100,000 blob ids a warm `verify` reads
    /// from its caches.
    init(lowercaseHex: String) {
        assert(ObjectID(hex: lowercaseHex)?.hex == lowercaseHex)
        hex = lowercaseHex
    }

    init(_ oid: git_oid) {
        var oid = oid
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 40)
        withUnsafeBytes(of: &oid.id) { bytes in
            for index in 0..<20 {
                text[2 * index] = digits[Int(bytes[index] >> 4)]
                text[2 * index + 1] = digits[Int(bytes[index] & 0x0F)]
            }
        }
        hex = String(decoding: text, as: UTF8.self)
    }

    /// The id `bytes` have as a blob; nothing is written. It needs no repository, so any thread
    /// may compute it.
    static func ofBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try check(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "git_odb_hash")
        }
        return ObjectID(oid)
    }

    init(_ pointer: UnsafePointer<git_oid>) {
        self.init(pointer.pointee)
    }

    /// The libgit2 form.
    var oid: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstrn(&oid, hex, 40)
        return oid
    }

    /// The first 12 digits, for messages.
    public var short: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }
}

/// A name, an email and a moment, as git writes them in commits and tags.
public struct Signature: Sendable, Equatable {
    /// The person's name.
    public var name: String
    /// Their email.
    public var email: String
    /// Seconds since 1970.
    public var time: Int64
    /// The time zone's offset from UTC, in minutes.
    public var offsetMinutes: Int32

    /// Creates a signature.
    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ pointer: UnsafePointer<git_signature>) {
        let value = pointer.pointee
        name = String(cString: value.name)
        email = String(cString: value.email)
        time = value.when.time
        offsetMinutes = value.when.offset
    }
}

/// Who a signature is for.
public enum SignatureRole: Sendable {
    case author, committer
}

/// A commit, copied out of libgit2.
public struct CommitInfo: Sendable {
    public var id: ObjectID
    public var tree: ObjectID
    public var parents: [ObjectID]
    public var message: String
    public var summary: String
    public var author: Signature
    public var committer: Signature
}

/// An annotated tag object, copied out of libgit2.
public struct TagInfo: Sendable {
    public var id: ObjectID
    public var name: String
    public var target: ObjectID
    public var targetIsCommit: Bool
    public var message: String
    public var tagger: Signature?
}

/// One entry of a tree.
public struct TreeEntry: Sendable {
    public var name: String
    public var id: ObjectID
    public var isBlob: Bool
}

extension ObjectID {
    /// The id's 20 bytes, as a pack index lists them.
    var rawBytes: [UInt8] {
        let oid = self.oid
        return withUnsafeBytes(of: oid.id) { Array($0) }
    }

    /// The id whose 20 bytes are `bytes` (a pack's SHA-1 trailer, which names its files).
    init(rawBytes bytes: [UInt8]) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        hex = String(decoding: text, as: UTF8.self)
    }
}
