internal import CLibgit2

/// One read of an index file (the repository's, or the one git gives hooks in
/// `GIT_INDEX_FILE`); owns the `git_index` handle and frees it in `deinit`.
///
/// The pre-commit hook asks the index about the cards folder and about `.cardigan.yaml` and
/// its signers file: opened once here, not once per question (each open parses every entry,
/// 10,000 of them at 10,000 cards).
final class StagedIndex {
    let pointer: OpaquePointer

    /// Reads `indexFile`, or the repository's index when nil.
    init(of repository: Repository, file indexFile: String?) throws {
        var index: OpaquePointer?
        if let indexFile {
            try check(git_index_open(&index, indexFile), "git_index_open", reference: indexFile)
        } else {
            try check(git_repository_index(&index, repository.pointer), "git_repository_index")
            // The repository keeps its index once loaded: read it again if the file changed.
            try check(git_index_read(index, 0), "git_index_read")
        }
        guard let index else {
            throw GitError.libgit2(function: "git_repository_index", code: -1, message: "no index")
        }
        pointer = index
        repository.reads.indexesRead += 1
    }

    deinit {
        git_index_free(pointer)
    }

    /// The staged object of `path` (stage 0), nil when the index does not hold it.
    func entryID(_ path: String) -> ObjectID? {
        guard let entry = git_index_get_bypath(pointer, path, 0) else { return nil }
        return ObjectID(entry.pointee.id)
    }
}
