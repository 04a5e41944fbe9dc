import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory lock (`flock`) on `<git dir>/cardigan.lock` held while one cardigan process
/// reads the branch, commits, tags and updates the index. It serialises cardigan processes in
/// one repository, so concurrent commits queue instead of racing; the kernel releases it when a
/// process dies, so a crash never leaves it stale. Compare-and-swap ref updates still guard
/// against every other writer.
final class CommitLock {
    private let descriptor: Int32

    /// Waits for and takes the lock of the repository at `gitDirectory`.
    init(gitDirectory: String) throws {
        let path = (gitDirectory.hasSuffix("/") ? gitDirectory : gitDirectory + "/") + "cardigan.lock"
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CardiganError("cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw CardiganError("cannot lock '\(path)': \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
