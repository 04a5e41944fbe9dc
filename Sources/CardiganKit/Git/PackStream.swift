import Crypto

/// The bytes of a git pack (version 2) of whole objects, made piece by piece: the header for
/// `count` objects, each object's type and size and its zlib-deflated content, and the SHA-1
/// of everything before it as the trailer. No object is stored as a delta: a commit's pack
/// holds new cards, whose earlier versions are in other packs, and libgit2's delta search
/// over the commit's objects took a quarter of its time for a few kilobytes (`git gc`
/// deltifies later, across the whole history).
///
/// ``take()`` hands over what is ready, so that a large pack reaches the indexer in pieces
/// instead of being held whole.
struct PackStream {
    private var pending: [UInt8] = []
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

    /// Adds an object of `type` (a libgit2 `git_object_t`: 1 commit, 2 tree, 3 blob, 4 tag, as
    /// a pack numbers them) with content `content`.
    mutating func add(type: Int32, content: UnsafeRawBufferPointer) throws {
        guard (1...4).contains(type), added < count else {
            throw GitError.libgit2(function: "pack", code: -1, message: "object type \(type) cannot be packed whole")
        }
        added += 1
        var size = content.count
        var byte = UInt8(truncatingIfNeeded: type << 4) | UInt8(size & 0x0f)
        size >>= 4
        while size > 0 {
            pending.append(byte | 0x80)
            byte = UInt8(size & 0x7f)
            size >>= 7
        }
        pending.append(byte)
        try deflater.deflate(content, appendingTo: &pending)
    }

    /// The bytes made so far, for the indexer; the checksum remembers them.
    mutating func take() -> [UInt8] {
        let bytes = pending
        pending = []
        checksum.update(data: bytes)
        return bytes
    }

    /// The rest of the pack with its trailer; only once every object was added.
    mutating func finish() throws -> [UInt8] {
        guard added == count else {
            throw GitError.libgit2(function: "pack", code: -1, message: "\(added) of \(count) objects were packed")
        }
        var bytes = take()
        bytes.append(contentsOf: checksum.finalize())
        return bytes
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
