internal import CZlib
import Crypto

/// The bytes of a git pack (version 2) of whole objects, made piece by piece: the header for
/// `count` objects, each object's type and size and its zlib-deflated content, and the SHA-1
/// of everything before it as the trailer. No object is stored as a delta: a commit's pack
/// holds new cards, whose earlier versions are in other packs, and libgit2's delta search
/// over the commit's objects took a quarter of its time for a few kilobytes (`git gc`
/// deltifies later, across the whole history).
///
/// ``take()`` hands over what is ready, so that a large pack reaches its file in pieces
/// instead of being held whole. Each object's id, offset and CRC-32 are kept as it is added:
/// what its index (``PackIndex``) lists.
struct PackStream {
    /// One object of the pack, as its index lists it.
    struct Entry {
        /// The object's id, 20 bytes.
        var id: [UInt8]
        /// Where its entry starts in the pack.
        var offset: UInt64
        /// The CRC-32 of its entry's bytes (header and deflated content).
        var crc: UInt32
    }

    /// The objects added so far, in pack order.
    private(set) var entries: [Entry] = []
    /// The pack's SHA-1 trailer, once ``finish()`` made it.
    private(set) var trailer: [UInt8] = []
    private var pending: [UInt8] = []
    /// The bytes handed over by ``take()`` so far.
    private var taken: UInt64 = 0
    private var checksum = Insecure.SHA1()
    private let deflater: Deflater
    private let count: Int
    private var added = 0

    /// A pack that will hold exactly `count` objects.
    init(count: Int) throws {
        guard count >= 0, count <= Int(UInt32.max) else {
            throw GitError.libgit2(function: "pack", code: -1, message: "\(count) objects do not fit one pack")
        }
        deflater = try Deflater()
        self.count = count
        pending = Array("PACK".utf8) + Self.bigEndian(2) + Self.bigEndian(UInt32(count))
    }

    /// The bytes ready to go out, which no longer count as pending.
    var readyCount: Int { pending.count }

    /// One object's entry as a pack stores it — its type and size, then its content deflated —
    /// and the CRC-32 of those bytes: a pure function of the object, so the entries of many
    /// objects can be made on every core (each with its own `deflater`) and appended in order
    /// with ``append(id:entry:)``. `type` is a libgit2 `git_object_t`: 1 commit, 2 tree, 3 blob,
    /// 4 tag, as a pack numbers them.
    static func entry(type: Int32, content: UnsafeRawBufferPointer, deflater: Deflater) throws -> Body {
        guard (1...4).contains(type) else {
            throw GitError.libgit2(function: "pack", code: -1, message: "object type \(type) cannot be packed whole")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.count / 2 + 32)
        var size = content.count
        var byte = UInt8(truncatingIfNeeded: type << 4) | UInt8(size & 0x0f)
        size >>= 4
        while size > 0 {
            bytes.append(byte | 0x80)
            byte = UInt8(size & 0x7f)
            size >>= 7
        }
        bytes.append(byte)
        try deflater.deflate(content, appendingTo: &bytes)
        let crc = bytes.withUnsafeBytes { buffer in
            crc32(0, buffer.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(buffer.count))
        }
        return Body(bytes: bytes, crc: UInt32(truncatingIfNeeded: crc))
    }

    /// An object's entry in a pack and its CRC-32 (``entry(type:content:deflater:)``).
    struct Body: Sendable {
        /// The entry's bytes: type and size, then the deflated content.
        var bytes: [UInt8]
        /// The CRC-32 of ``bytes``.
        var crc: UInt32
    }

    /// Adds object `id` (20 bytes) of `type` with content `content`, deflated here.
    mutating func add(id: [UInt8], type: Int32, content: UnsafeRawBufferPointer) throws {
        try append(id: id, entry: Self.entry(type: type, content: content, deflater: deflater))
    }

    /// Adds the entry `entry` of object `id` (20 bytes), made by ``entry(type:content:deflater:)``.
    mutating func append(id: [UInt8], entry: Body) throws {
        guard added < count, id.count == 20 else {
            throw GitError.libgit2(function: "pack", code: -1, message: "object \(added + 1) does not fit the pack")
        }
        added += 1
        entries.append(Entry(id: id, offset: taken + UInt64(pending.count), crc: entry.crc))
        pending.append(contentsOf: entry.bytes)
    }

    /// The bytes made so far, for the pack file; the checksum remembers them.
    mutating func take() -> [UInt8] {
        let bytes = pending
        pending = []
        taken += UInt64(bytes.count)
        checksum.update(data: bytes)
        return bytes
    }

    /// The rest of the pack with its trailer; only once every object was added.
    mutating func finish() throws -> [UInt8] {
        guard added == count else {
            throw GitError.libgit2(function: "pack", code: -1, message: "\(added) of \(count) objects were packed")
        }
        var bytes = take()
        trailer = Array(checksum.finalize())
        bytes.append(contentsOf: trailer)
        return bytes
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
