import Foundation

/// A git lock file (`packed-refs.lock`): created with `O_CREAT | O_EXCL`, so it exists for one
/// writer at a time, filled, flushed and renamed over its target. Owns the file descriptor; a
/// lock that is dropped before ``commit(fsync:)`` is closed and deleted, so a failure leaves
/// the target as it was and no lock behind.
final class LockFile {
    /// The file the lock replaces (`<git dir>/packed-refs`).
    let target: String
    /// The lock's own path, the target's plus `.lock`.
    let path: String
    private var descriptor: Int32

    /// Takes the lock of `target`. An existing lock — held by another git process, or left by one
    /// that was killed — is ``GitError/locked(_:)`` naming it; nothing is waited for.
    init(for target: String) throws {
        self.target = target
        path = target + ".lock"
        descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw GitError.locked(path) }
            throw Self.failure("cannot create '\(path)'")
        }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(path)
        }
    }

    /// Writes all of `bytes` to the lock file.
    func write(_ bytes: [UInt8]) throws {
        guard writeAll(bytes, to: descriptor) else { throw Self.failure("cannot write '\(path)'") }
    }

    /// Flushes the lock file (with `fsync`), renames it over the target and flushes the folder,
    /// so the new target survives a crash once this returns. A failure before the rename deletes
    /// the lock and leaves the target as it was; a failure to flush the folder comes after the
    /// target is in place.
    func commit(fsync flush: Bool) throws {
        if flush, fsync(descriptor) != 0 { throw Self.failure("cannot flush '\(path)'") }
        let closed = close(descriptor)
        descriptor = -1
        guard closed == 0 else {
            let failure = Self.failure("cannot write '\(path)'")
            unlink(path)
            throw failure
        }
        guard rename(path, target) == 0 else {
            let failure = Self.failure("cannot rename '\(path)' to '\(target)'")
            unlink(path)
            throw failure
        }
        guard flush else { return }
        let folder = (target as NSString).deletingLastPathComponent
        if let failed = flushFolder(folder.isEmpty ? "." : folder) { throw Self.failure(failed) }
    }

    /// A failure naming `what` and why, from `errno` ("no space left on device").
    private static func failure(_ what: String) -> GitError {
        .libgit2(
            function: "packed-refs", code: -1, message: "\(what): \(String(cString: strerror(errno)).lowercased())")
    }
}
