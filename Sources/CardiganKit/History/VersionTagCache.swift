import Foundation

/// What `verify` read of each annotated version tag whose target is a commit, kept in
/// `.git/cardigan/version-tags-v1`, keyed by the tag object's id.
///
/// An object id names the object's bytes, so the facts a tag object gives (the commit it
/// points at, its `Card-Digest:` and `Previous:`) never change: a warm `verify` compares the
/// references it lists with this file instead of inflating and parsing 100,000 tag objects. A
/// moved or re-created tag is another object, not in the file, and is read. The file is binary
/// and read as bytes: a header, the record count and an FNV-1a checksum of the records; a
/// record is the tag's id and its commit (20 bytes each), then the digest and the previous
/// tag, each a 32-bit little-endian length (`0xFFFFFFFF` for none) and its bytes. A file that
/// does not add up (truncated, edited, another layout) is ignored whole and rewritten.
/// `verify --no-cache` neither reads nor writes it.
final class VersionTagCache {
    /// What the cache knows of one tag object.
    struct Entry: Equatable {
        /// The commit the tag points at (hex).
        var targetCommit: String
        /// The `Card-Digest:` its message gives.
        var digest: String?
        /// The `Previous:` its message gives.
        var previous: String?
    }

    /// The file's path.
    let path: String
    let enabled: Bool
    /// The file's records as read (header and count left out).
    private var records: [UInt8] = []
    /// Where each tag's record starts in ``records``.
    private var offsets: [RawObjectID: Int] = [:]
    /// Entries learned in this run, not in the file yet.
    private var learned: [(id: RawObjectID, entry: Entry)] = []

    static let header = Array("cardigan version tags 1\n".utf8)

    init(gitDirectory: String, enabled: Bool) {
        path = gitDirectory + "/cardigan/version-tags-v1"
        self.enabled = enabled
    }

    /// How many tags the file knows.
    var count: Int { offsets.count }

    /// Reads the file; nothing when it is missing or does not add up.
    func load() {
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return }
        let bytes = [UInt8](data)
        let start = Self.header.count + 12
        guard bytes.count >= start, bytes.starts(with: Self.header) else { return }
        let expectedCount = Int(Self.uint32(bytes, at: Self.header.count))
        let checksum = Self.uint64(bytes, at: Self.header.count + 4)
        let body = Array(bytes[start...])
        guard Self.checksum(body) == checksum else { return }
        var found: [RawObjectID: Int] = [:]
        found.reserveCapacity(expectedCount)
        var offset = 0
        while offset < body.count {
            guard let next = Self.recordEnd(body, at: offset) else { return }
            found[RawObjectID(body, at: offset)] = offset
            offset = next
        }
        guard found.count == expectedCount else { return }
        records = body
        offsets = found
    }

    /// What the file says of tag object `id`; nil when it does not know it.
    func entry(for id: ObjectID) -> Entry? {
        guard let raw = RawObjectID(hex: id.hex), let offset = offsets[raw] else { return nil }
        let target = RawObjectID.hex(records, at: offset + 20)
        var cursor = offset + 40
        let digest = Self.text(records, at: &cursor)
        let previous = Self.text(records, at: &cursor)
        return Entry(targetCommit: target, digest: digest, previous: previous)
    }

    /// Notes what tag object `id` gives, to be written by ``store()``.
    func note(_ id: ObjectID, _ entry: Entry) {
        guard enabled, let raw = RawObjectID(hex: id.hex), offsets[raw] == nil,
            RawObjectID(hex: entry.targetCommit) != nil
        else { return }
        learned.append((raw, entry))
    }

    /// Writes the file anew with what was learned (atomically: a reader never sees half a
    /// file). Failing to write only costs time, so errors are ignored.
    func store() {
        guard enabled, !learned.isEmpty else { return }
        var body = records
        var count = offsets.count
        var seen = Set(offsets.keys)
        for (id, entry) in learned where seen.insert(id).inserted {
            guard let target = RawObjectID(hex: entry.targetCommit) else { continue }
            id.append(to: &body)
            target.append(to: &body)
            Self.append(entry.digest, to: &body)
            Self.append(entry.previous, to: &body)
            count += 1
        }
        var bytes = Self.header
        withUnsafeBytes(of: UInt32(count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: Self.checksum(body).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: body)
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static let none = UInt32.max

    private static func append(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else {
            withUnsafeBytes(of: none.littleEndian) { bytes.append(contentsOf: $0) }
            return
        }
        withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text.utf8)
    }

    /// The text at `cursor`, which moves past it.
    private static func text(_ bytes: [UInt8], at cursor: inout Int) -> String? {
        let length = uint32(bytes, at: cursor)
        cursor += 4
        guard length != none else { return nil }
        defer { cursor += Int(length) }
        return String(decoding: bytes[cursor..<(cursor + Int(length))], as: UTF8.self)
    }

    /// Where the record at `offset` ends; nil when it runs past the end.
    private static func recordEnd(_ bytes: [UInt8], at offset: Int) -> Int? {
        var cursor = offset + 40
        for _ in 0..<2 {
            guard cursor + 4 <= bytes.count else { return nil }
            let length = uint32(bytes, at: cursor)
            cursor += 4
            if length != none { cursor += Int(length) }
            guard cursor <= bytes.count else { return nil }
        }
        return cursor
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    private static func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }

    /// FNV-1a over `bytes`: enough to tell a truncated or edited file, not a defence against
    /// someone who can write into `.git` (who could as well rewrite the objects).
    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// An object id as its 20 bytes: a dictionary key that costs no allocation and hashes fast.
struct RawObjectID: Hashable {
    var high: UInt64
    var middle: UInt64
    var low: UInt32

    /// The id in `bytes` at `offset` (20 bytes).
    init(_ bytes: [UInt8], at offset: Int) {
        high = (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
        middle = (8..<16).reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[offset + $1]) }
        low = (16..<20).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }

    /// The id of 40 lowercase hex digits; nil for anything else.
    init?(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        var pending: UInt8?
        for digit in hex.utf8 {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let high = pending {
                bytes.append(high << 4 | value)
                pending = nil
            } else {
                pending = value
            }
        }
        guard bytes.count == 20, pending == nil else { return nil }
        self.init(bytes, at: 0)
    }

    /// Appends the 20 bytes to `bytes`.
    func append(to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: high >> UInt64(shift)))
        }
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: middle >> UInt64(shift)))
        }
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: low >> UInt32(shift)))
        }
    }

    /// The 40 hex digits of the 20 bytes in `bytes` at `offset`.
    static func hex(_ bytes: [UInt8], at offset: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 40)
        for index in 0..<20 {
            text[2 * index] = digits[Int(bytes[offset + index] >> 4)]
            text[2 * index + 1] = digits[Int(bytes[offset + index] & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }
}
