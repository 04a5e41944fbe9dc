import Foundation

/// One binary file under `.git/cardigan` that a command keeps of what it read: a header that
/// names the layout (and whatever else the records depend on), the record count as a 32-bit
/// and an FNV-1a checksum of the records as a 64-bit little-endian number, then the records.
///
/// The loading, the integrity check and the atomic store are done here once, for every cache
/// that keeps records this way: a file that is missing, truncated, edited or of another layout
/// is ignored whole (the caller then reads from git and writes the file anew), and a reader
/// never sees half a file. Failing to write only costs time, so write errors are ignored.
struct CacheFile {
    /// The file's path.
    let path: String
    /// The bytes the file starts with.
    let header: [UInt8]
    /// False for a store that trusts nothing on disk but git's objects: nothing read or written.
    let enabled: Bool

    /// What ``load()`` found: the records as one run of bytes, and how many the file says it holds.
    struct Contents {
        /// The records (header, count and checksum left out).
        var body: [UInt8]
        /// The record count the file gives; the caller checks it against the records it walks.
        var count: Int
    }

    /// The file's records; nil when the file is missing or does not add up.
    ///
    /// Read straight into the one array the records are returned in: the snapshot cache of
    /// 100,000 versions is 30 MB, and going through `Data` and a copy without the header held
    /// it three times at once (a warm `verify`'s peak memory, issue 18).
    func load() -> Contents? {
        guard enabled else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        let start = header.count + 12
        guard fstat(descriptor, &info) == 0, Int(info.st_size) >= start else { return nil }
        var head = [UInt8](repeating: 0, count: start)
        var body = [UInt8](repeating: 0, count: Int(info.st_size) - start)
        guard readAll(descriptor, into: &head), head.starts(with: header), readAll(descriptor, into: &body),
            Self.checksum(body) == CacheRecords.uint64(head, at: header.count + 4)
        else { return nil }
        return Contents(body: body, count: Int(CacheRecords.uint32(head, at: header.count)))
    }

    /// The file's records, each found by its key: `key` reads a record's key at its offset,
    /// `end` where the record ends (nil when it runs past the end or does not hold a record).
    /// Nil when the file is missing or does not add up, its count too.
    func loadIndexed<Key: Hashable>(key: ([UInt8], Int) -> Key, end: ([UInt8], Int) -> Int?) -> (
        body: [UInt8], offsets: [Key: Int]
    )? {
        guard let contents = load() else { return nil }
        var offsets: [Key: Int] = [:]
        offsets.reserveCapacity(contents.count)
        var offset = 0
        while offset < contents.body.count {
            guard let next = end(contents.body, offset) else { return nil }
            offsets[key(contents.body, offset)] = offset
            offset = next
        }
        guard offsets.count == contents.count else { return nil }
        return (contents.body, offsets)
    }

    /// A writer of the whole file anew; nil when the cache is disabled or the file cannot be made.
    func writer() -> Writer? {
        enabled ? Writer(self) : nil
    }

    /// Writes a file record by record, under a name of its own, then renames it into place: a
    /// reader never sees half a file. The records go to disk a few hundred KiB at a time, so a
    /// cache of 100,000 records is not built in memory beside what it was made from (a cold
    /// `verify`'s peak memory, issue 18); the count and checksum are written into the header last.
    final class Writer {
        /// Record bytes not on disk yet: a caller appends a record here, then calls ``recordEnded()``.
        var bytes: [UInt8] = []
        private let file: CacheFile
        private let temporary: String
        private var descriptor: Int32
        private var checksum = CacheFile.checksumStart
        private var failed = false

        fileprivate init?(_ file: CacheFile) {
            self.file = file
            let directory = (file.path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // A name of this process's own, so two commands storing at once each rename a whole file.
            temporary = file.path + ".tmp-\(getpid())"
            descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return nil }
            // The count and checksum are not known yet: their place is kept, and filled by ``finish(count:)``.
            failed = !writeAll(file.header + [UInt8](repeating: 0, count: 12), to: descriptor)
            bytes.reserveCapacity(Self.chunk + 4096)
        }

        deinit {
            // Never finished: the half-written file goes.
            if descriptor >= 0 {
                close(descriptor)
                unlink(temporary)
            }
        }

        /// The size at which the appended bytes go to disk.
        static let chunk = 256 << 10

        /// Writes `records` (whole records) after what was written before.
        func write(_ records: [UInt8]) {
            flush()
            checksum = CacheFile.checksum(records, from: checksum)
            failed = failed || !writeAll(records, to: descriptor)
        }

        /// Called after each record appended to ``bytes``: writes them once there are enough.
        func recordEnded() {
            if bytes.count >= Self.chunk { flush() }
        }

        private func flush() {
            guard !bytes.isEmpty else { return }
            checksum = CacheFile.checksum(bytes, from: checksum)
            failed = failed || !writeAll(bytes, to: descriptor)
            bytes.removeAll(keepingCapacity: true)
        }

        /// Fills in the header (`count` records) and renames the file into place. Failing to
        /// write only costs time: the file is then left out.
        func finish(count: Int) {
            flush()
            var counts: [UInt8] = []
            withUnsafeBytes(of: UInt32(count).littleEndian) { counts.append(contentsOf: $0) }
            withUnsafeBytes(of: checksum.littleEndian) { counts.append(contentsOf: $0) }
            let placed = counts.withUnsafeBytes {
                pwrite(descriptor, $0.baseAddress, $0.count, off_t(file.header.count)) == $0.count
            }
            let closed = close(descriptor) == 0
            descriptor = -1
            if failed || !placed || !closed || rename(temporary, file.path) != 0 { unlink(temporary) }
        }
    }

    /// FNV-1a's offset basis: the checksum of no bytes.
    static let checksumStart: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a over `bytes`, continued from `start` (the checksum of the bytes before them):
    /// enough to tell a truncated or edited file, not a defence against someone who can write
    /// into `.git` (who could as well rewrite the objects).
    static func checksum(_ bytes: [UInt8], from start: UInt64 = checksumStart) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var hash = start
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }
}

/// The pieces a ``CacheFile``'s records are made of: 20-byte object ids (``RawObjectID``) and
/// texts, each a 32-bit little-endian length (`0xFFFFFFFF` for none) and its UTF-8 bytes.
enum CacheRecords {
    /// The length that stands for no text.
    static let none = UInt32.max

    /// Appends `text` (or none) to `bytes`.
    static func append(_ text: String?, to bytes: inout [UInt8]) {
        guard let text else {
            withUnsafeBytes(of: none.littleEndian) { bytes.append(contentsOf: $0) }
            return
        }
        withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Where the text at `cursor` lies (nil for none), moving `cursor` past it; nil as a whole
    /// when it runs past the end of `bytes`.
    static func textRange(_ bytes: [UInt8], at cursor: inout Int) -> Range<Int>?? {
        guard cursor + 4 <= bytes.count else { return nil }
        let length = uint32(bytes, at: cursor)
        cursor += 4
        guard length != none else { return .some(nil) }
        guard Int(length) <= bytes.count - cursor else { return nil }
        defer { cursor += Int(length) }
        return .some(cursor..<(cursor + Int(length)))
    }

    /// The text at `cursor`, which moves past it; nil for none. The record must have been
    /// walked whole before (``textRange(_:at:)``), so it lies within `bytes`.
    static func text(_ bytes: [UInt8], at cursor: inout Int) -> String? {
        let length = uint32(bytes, at: cursor)
        cursor += 4
        guard length != none else { return nil }
        defer { cursor += Int(length) }
        return String(decoding: bytes[cursor..<(cursor + Int(length))], as: UTF8.self)
    }

    /// The 32-bit little-endian number at `offset`.
    static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    /// The 64-bit little-endian number at `offset`.
    static func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}
