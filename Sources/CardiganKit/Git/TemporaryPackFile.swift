import Foundation

/// A file of a pack being written into `objects/pack` under a temporary name (`tmp_pack_…`,
/// `tmp_idx_…`, as git names them, so `git gc` knows them), then flushed, made read-only and put
/// in place by ``place(at:)``. Owns the file descriptor; a file dropped before it is placed is
/// closed and deleted, so a failure leaves no partial pack behind.
final class TemporaryPackFile {
    /// The temporary path.
    let path: String
    private var descriptor: Int32
    private var placed = false

    /// A new empty file in `folder` whose name starts with `prefix`.
    init(in folder: String, prefix: String) throws {
        var template = Array((folder + "/" + prefix + "XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else { throw Self.failure("cannot create a file in '\(folder)'") }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        if !placed { unlink(path) }
    }

    /// Writes all of `bytes` to the file.
    func write(_ bytes: [UInt8]) throws {
        guard writeAll(bytes, to: descriptor) else { throw Self.failure("cannot write '\(path)'") }
    }

    /// Makes the file read-only (as git leaves a pack), flushes it when `flush`, and closes it.
    func finish(fsync flush: Bool) throws {
        if fchmod(descriptor, 0o444) != 0 { throw Self.failure("cannot make '\(path)' read-only") }
        if flush, fsync(descriptor) != 0 { throw Self.failure("cannot flush '\(path)'") }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else { throw Self.failure("cannot write '\(path)'") }
    }

    /// Renames the file to `target`; true when that made `target`, false when a file of that
    /// name was there already (a pack is named by its checksum, so it holds the same bytes) and
    /// this one was deleted instead.
    @discardableResult
    func place(at target: String) throws -> Bool {
        placed = true
        if access(target, F_OK) == 0 {
            unlink(path)
            return false
        }
        guard rename(path, target) == 0 else {
            let failure = Self.failure("cannot rename '\(path)' to '\(target)'")
            unlink(path)
            throw failure
        }
        return true
    }

    /// Flushes folder `folder`, so the names placed in it survive a crash.
    static func flush(folder: String) throws {
        if let failed = flushFolder(folder) { throw failure(failed) }
    }

    /// A failure naming `what` and why, from `errno` ("no space left on device").
    private static func failure(_ what: String) -> GitError {
        .libgit2(function: "pack", code: -1, message: "\(what): \(String(cString: strerror(errno)).lowercased())")
    }
}
