import Foundation

/// Reads blobs on several threads at once. libgit2 allows one repository handle per thread, so
/// each thread that reads takes a handle of its own, opened on the same repository folder the
/// first time one is missing and kept for later reads (a two-core machine opens two). A read
/// is what ``Repository/readBlob(_:)`` does — the object inflated and, while libgit2's hash
/// verification is on (as for `commit`), hashed again and compared with its id — only on
/// every core instead of on the thread that decides the commit.
final class BlobReaders: @unchecked Sendable {
    // Safe: `idle` is touched only while `lock` is held, and a handle taken from it is used by
    // that one thread until it is given back.
    private let lock = NSLock()
    private var idle: [Repository] = []
    /// The repository folder every handle opens.
    private let gitDirectory: String

    /// Readers of the repository at `gitDirectory` (its `.git` folder).
    init(gitDirectory: String) {
        self.gitDirectory = gitDirectory
    }

    /// The bytes of blob `id`, or nil when a handle of this thread cannot be opened or cannot
    /// read it: the caller then reads it on its own handle, which names the error (a handle
    /// opened here sees only the repository's folder, not objects a caller's handle was
    /// given otherwise).
    func read(_ id: ObjectID) -> [UInt8]? {
        guard let handle = take() else { return nil }
        defer { giveBack(handle) }
        return try? handle.readBlob(id)
    }

    private func take() -> Repository? {
        lock.lock()
        let handle = idle.popLast()
        lock.unlock()
        // No configuration from the environment: reading an object by its id needs none.
        return handle ?? (try? Repository.open(at: gitDirectory, environment: [:]))
    }

    private func giveBack(_ handle: Repository) {
        lock.lock()
        idle.append(handle)
        lock.unlock()
    }
}
