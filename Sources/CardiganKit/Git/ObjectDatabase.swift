internal import CLibgit2

/// A repository's object database, for reading blobs from several threads at once; owns the
/// `git_odb` handle and frees it in `deinit`.
///
/// Unlike ``Repository``, this is `Sendable`: libgit2 locks its object database internally
/// since 1.2 and documents it as safe to share between threads (docs/threading.md). When
/// libgit2 was built without thread support, ``isSharedSafely`` is false and callers read on one
/// thread.
final class ObjectDatabase: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// Whether this libgit2 was built with threads, and so locks the object database.
    static var isSharedSafely: Bool { git_libgit2_features() & Int32(GIT_FEATURE_THREADS.rawValue) != 0 }

    init(of repository: Repository) throws {
        var handle: OpaquePointer?
        try check(git_repository_odb(&handle, repository.pointer), "git_repository_odb")
        guard let handle else {
            throw GitError.libgit2(function: "git_repository_odb", code: -1, message: "no object database")
        }
        pointer = handle
    }

    deinit {
        git_odb_free(pointer)
    }

    /// The size of object `id` in bytes, read from its header without inflating it: a pushed
    /// 50 MB "card" is refused by its size, never read.
    func objectSize(_ id: ObjectID) throws -> Int {
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &type, pointer, &oid), "git_odb_read_header", reference: id.hex)
        return size
    }

    /// Whether the object database holds object `id`.
    func contains(_ id: ObjectID) -> Bool {
        var oid = id.oid
        return git_odb_exists(pointer, &oid) == 1
    }

    /// The bytes of blob `id`.
    func readBlob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.oid
        var object: OpaquePointer?
        try check(git_odb_read(&object, pointer, &oid), "git_odb_read", reference: id.hex)
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_BLOB else {
            throw GitError.notFound("'\(id.hex)' is not a blob")
        }
        let size = Int(git_odb_object_size(object))
        guard size > 0, let content = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The message of tag object `id` when it is one in ``PlainTagObject``'s plain form; nil for
    /// any other object, one in another form, or one that cannot be read (the caller asks
    /// ``Repository/tag(_:)``, whose error names the object).
    func plainTagMessage(_ id: ObjectID) -> String? {
        var oid = id.oid
        var object: OpaquePointer?
        guard git_odb_read(&object, pointer, &oid) == 0 else { return nil }
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_TAG, let data = git_odb_object_data(object) else { return nil }
        return PlainTagObject.message(UnsafeRawBufferPointer(start: data, count: Int(git_odb_object_size(object))))
    }
}
