internal import CLibgit2
import Foundation

/// A libgit2 object database backend that reads through another object database and writes
/// nothing: the repository's objects, seen from the staging database of
/// ``Repository/writingObjectsAsOnePack(_:)``, whose in-memory backend takes every write.
///
/// It exists for what it leaves out. Before writing an object, libgit2 "freshens" it in every
/// backend; when none has it, it reloads every backend that can be refreshed and asks again.
/// Opened on the object folder, that was a failing `utimensat` on a loose path and a scan of
/// `objects/pack` for every new object (4,023 `getdents64` for a commit of 1,000 cards). This
/// backend has no `refresh`, and its `freshen` answers "not there" without a look: an object
/// the repository already holds is then written to memory again and lands in the commit's
/// pack, as it did before (the pack always held every object the commit wrote). Reads go to
/// the repository's database, which reloads its packs on a miss as usual.
///
/// libgit2 owns the backend once it is added to a database and frees it through `free`; the
/// database read through must outlive it.
enum ReadThroughBackend {
    /// A new backend reading through `source`, to be handed to `git_odb_add_backend`.
    static func make(readingThrough source: OpaquePointer) throws -> UnsafeMutablePointer<git_odb_backend> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: alignment)
        let backend = raw.bindMemory(to: git_odb_backend.self, capacity: 1)
        backend.initialize(to: git_odb_backend())
        guard git_odb_init_backend(backend, UInt32(GIT_ODB_BACKEND_VERSION)) == 0 else {
            raw.deallocate()
            throw GitError.libgit2(function: "git_odb_init_backend", code: -1, message: "no backend")
        }
        (raw + sourceOffset).storeBytes(of: source, as: OpaquePointer.self)
        backend.pointee.read = { data, size, type, backend, id in
            guard let backend, let id else { return -1 }
            var object: OpaquePointer?
            let code = git_odb_read(&object, ReadThroughBackend.source(of: backend), id)
            guard code == 0 else { return code }
            defer { git_odb_object_free(object) }
            return ReadThroughBackend.copy(object, to: backend, data: data, size: size, type: type)
        }
        backend.pointee.read_prefix = { fullID, data, size, type, backend, shortID, length in
            guard let backend, let shortID else { return -1 }
            var object: OpaquePointer?
            let code = git_odb_read_prefix(&object, ReadThroughBackend.source(of: backend), shortID, length)
            guard code == 0 else { return code }
            defer { git_odb_object_free(object) }
            if let fullID, let id = git_odb_object_id(object) { fullID.pointee = id.pointee }
            return ReadThroughBackend.copy(object, to: backend, data: data, size: size, type: type)
        }
        backend.pointee.read_header = { size, type, backend, id in
            guard let backend, let id else { return -1 }
            return git_odb_read_header(size, type, ReadThroughBackend.source(of: backend), id)
        }
        backend.pointee.exists = { backend, id in
            guard let backend, let id else { return 0 }
            return git_odb_exists(ReadThroughBackend.source(of: backend), id)
        }
        backend.pointee.exists_prefix = { fullID, backend, shortID, length in
            guard let backend, let shortID else { return -1 }
            return git_odb_exists_prefix(fullID, ReadThroughBackend.source(of: backend), shortID, length)
        }
        backend.pointee.freshen = { _, _ in GIT_ENOTFOUND.rawValue }
        backend.pointee.free = { backend in
            guard let backend else { return }
            backend.deinitialize(count: 1)
            UnsafeMutableRawPointer(backend).deallocate()
        }
        return backend
    }

    /// The backend's memory: the `git_odb_backend`, then the database it reads through.
    private static let sourceOffset =
        (MemoryLayout<git_odb_backend>.stride + MemoryLayout<OpaquePointer>.alignment - 1)
        / MemoryLayout<OpaquePointer>.alignment * MemoryLayout<OpaquePointer>.alignment
    private static let size = sourceOffset + MemoryLayout<OpaquePointer>.size
    private static let alignment = max(MemoryLayout<git_odb_backend>.alignment, MemoryLayout<OpaquePointer>.alignment)

    private static func source(of backend: UnsafeMutablePointer<git_odb_backend>) -> OpaquePointer {
        (UnsafeMutableRawPointer(backend) + sourceOffset).load(as: OpaquePointer.self)
    }

    /// Hands `object`'s bytes to libgit2 in a buffer it frees itself.
    private static func copy(
        _ object: OpaquePointer?, to backend: UnsafeMutablePointer<git_odb_backend>,
        data: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, size: UnsafeMutablePointer<Int>?,
        type: UnsafeMutablePointer<git_object_t>?
    ) -> Int32 {
        let length = git_odb_object_size(object)
        guard let buffer = git_odb_backend_data_alloc(backend, max(length, 1)) else { return -1 }
        if length > 0, let bytes = git_odb_object_data(object) { memcpy(buffer, bytes, length) }
        data?.pointee = buffer
        size?.pointee = length
        type?.pointee = git_odb_object_type(object)
        return 0
    }
}
