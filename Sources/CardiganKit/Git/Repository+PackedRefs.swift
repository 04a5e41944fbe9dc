import Foundation

extension Repository {
    /// Creates the references `refs/tags/<name>` of `tags` (annotated tag objects on the commit
    /// `commit`) in `packed-refs`, in one flushed write (``PackedRefsWriter``), instead of a
    /// loose file each. All or none: refuses, making none, when one exists, loose or packed
    /// (``GitError/alreadyExists(reference:)``), or when `packed-refs.lock` exists
    /// (``GitError/locked(_:)``). libgit2 reads `packed-refs` again when its file changes, so
    /// this repository sees the tags at once.
    public func createTagReferencesPacked(_ tags: [(name: String, object: ObjectID)], on commit: ObjectID) throws {
        let writer = PackedRefsWriter(gitDirectory: gitDirectory, fsync: Libgit2.fsyncEnabled)
        try writer.add(tags.map { .init(name: "refs/tags/" + $0.name, target: $0.object, peeled: commit) })
    }

    /// The lock git takes on `packed-refs`, when it exists: held by another git process (a
    /// `git pack-refs` or `git gc`), or left by one that was killed.
    public var heldPackedRefsLock: String? {
        let path = gitDirectory + "/packed-refs.lock"
        return access(path, F_OK) == 0 ? path : nil
    }
}
