import Foundation

/// The one reader of `packed-refs` files, for the listing of reference names
/// (``Repository/forEachReferenceName(under:_:)``) and for ``PackedRefsWriter``. It reads the
/// format as git does (`refs/packed-backend.c`) and names the first line git would refuse:
///
/// - an optional first line `# pack-refs with: <traits>`;
/// - a line `<40 hex digits> <name>` per reference, followed by `^<40 hex digits>` (what an
///   annotated tag peels to) or not;
/// - every line, the last one too, ends with a newline.
///
/// A `\r` before a newline belongs to its line: a name ending with one is a name git ignores as
/// broken, and a peeled line ending with one is refused, as git refuses it.
enum PackedRefsReader {
    /// One reference of the file, as byte offsets into it.
    struct Record {
        /// Its name (`refs/tags/cards/x/v1`), without the newline.
        let name: Range<Int>
        /// Its lines, newlines included: the reference line and its `^` line, if any.
        let lines: Range<Int>
    }

    /// The bytes of the `packed-refs` file at `path`; empty when there is no such file.
    static func contents(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return [] }
            throw unreadable(path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw unreadable(path) }
        // One byte more than the file, so that the read which meets its end has room and the
        // array is not grown (doubled) for it: the file is 13 MiB at 100,000 tags.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4_096)) }
            let got = bytes.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw unreadable(path) }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Calls `body` with each reference of `bytes` (the file at `path`), in the file's order,
    /// and returns the range of its header line, newline included, if it has one. Throws at the
    /// first line that is not what the format allows, naming it by its number.
    @discardableResult
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, _ body: (Record) throws -> Void
    ) throws -> Range<Int>? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let count = bytes.count
        func endOfLine(from start: Int) -> Int? {
            memchr(base + start, 10, count - start).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
        }
        func corrupted(_ line: Int, _ what: String = "is not a reference") -> GitError {
            .libgit2(
                function: "packed-refs", code: -1, message: "corrupted packed-refs file '\(path)': line \(line) \(what)"
            )
        }
        var header: Range<Int>?
        var start = 0
        var line = 1
        var pending: (name: Range<Int>, start: Int)?
        while start < count {
            guard let end = endOfLine(from: start) else { throw corrupted(line, "does not end with a newline") }
            if line == 1, bytes[start] == UInt8(ascii: "#") {
                guard UnsafeBufferPointer(rebasing: bytes[start..<end]).starts(with: headerStart) else {
                    throw corrupted(line)
                }
                header = start..<end + 1
            } else if bytes[start] == UInt8(ascii: "^") {
                guard let reference = pending, end - start == 41, isHex(bytes, from: start + 1) else {
                    throw corrupted(line)
                }
                try body(Record(name: reference.name, lines: reference.start..<end + 1))
                pending = nil
            } else {
                if let reference = pending { try body(Record(name: reference.name, lines: reference.start..<start)) }
                guard end - start > 41, bytes[start + 40] == UInt8(ascii: " "), isHex(bytes, from: start) else {
                    throw corrupted(line)
                }
                pending = (start + 41..<end, start)
            }
            start = end + 1
            line += 1
        }
        if let reference = pending { try body(Record(name: reference.name, lines: reference.start..<count)) }
        return header
    }

    /// What a header line starts with.
    private static let headerStart = Array("# pack-refs with:".utf8)

    /// Whether the 40 bytes from `start` are hex digits (either case, as git reads them).
    private static func isHex(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        for index in start..<start + 40 {
            let byte = bytes[index]
            guard byte &- 48 < 10 || (byte | 0x20) &- 97 < 6 else { return false }
        }
        return true
    }

    /// The error of a file that exists but cannot be read.
    private static func unreadable(_ path: String) -> GitError {
        .libgit2(
            function: "packed-refs", code: -1,
            message: "cannot read '\(path)': \(String(cString: strerror(errno)).lowercased())")
    }
}
