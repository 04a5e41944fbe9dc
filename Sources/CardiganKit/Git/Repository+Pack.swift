internal import CLibgit2
import Foundation

extension Repository {
    /// Runs `body` with every object it writes (blobs, trees, commits, tag objects) held in
    /// memory, then stores exactly those objects as one pack file and its index in
    /// `objects/pack/`: with fsync on, two files and their folder are flushed, instead of a file
    /// and a folder per object (a commit of 1,000 new cards writes some 3,000 objects). Objects
    /// written by `body` can be read back while it runs. When `body` throws, none is stored.
    ///
    /// The repository reads and writes through a second object database while `body` runs —
    /// the same folders plus an in-memory backend that takes every write — and gets its own
    /// back before the pack is stored, so nothing written later lands in memory by mistake.
    public func writingObjectsAsOnePack<T>(_ body: () throws -> T) throws -> T {
        var original: OpaquePointer?
        try check(git_repository_odb(&original, pointer), "git_repository_odb")
        defer { git_odb_free(original) }
        let staging = try stagingDatabase()
        defer { git_odb_free(staging) }
        try check(git_repository_set_odb(pointer, staging), "git_repository_set_odb")
        objectsForPack = []
        defer { objectsForPack = nil }
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        do {
            let result = try body()
            try buildPack(of: objectsForPack ?? [], into: &pack)
            try check(git_repository_set_odb(pointer, original), "git_repository_set_odb")
            try storePack(pack, in: original)
            return result
        } catch {
            _ = git_repository_set_odb(pointer, original)
            throw error
        }
    }

    /// Notes `id` as written, for the pack being gathered; returns it.
    func written(_ id: ObjectID) -> ObjectID {
        objectsForPack?.append(id)
        return id
    }

    /// A new object database over this repository's object folder (and its alternates) with an
    /// in-memory backend in front, which receives every object written through it.
    private func stagingDatabase() throws -> OpaquePointer? {
        var folder = git_buf()
        defer { git_buf_dispose(&folder) }
        try check(
            git_repository_item_path(&folder, pointer, GIT_REPOSITORY_ITEM_OBJECTS), "git_repository_item_path")
        var database: OpaquePointer?
        try check(git_odb_open(&database, folder.ptr), "git_odb_open")
        var memory: UnsafeMutablePointer<git_odb_backend>?
        do {
            try check(git_mempack_new(&memory), "git_mempack_new")
            // Above the folders' backends (priorities 1 and 2): writes go to the first that can.
            let added = git_odb_add_backend(database, memory, 999)
            if added < 0, let memory { memory.pointee.free?(memory) }
            try check(added, "git_odb_add_backend")
        } catch {
            git_odb_free(database)
            throw error
        }
        return database
    }

    /// The pack of objects `ids`, read through the repository's current object database.
    /// (`git_mempack_dump` is not used: it packs only commits with their whole trees — every
    /// existing card again — and leaves tag objects out.)
    private func buildPack(of ids: [ObjectID], into pack: inout git_buf) throws {
        // The builder works on a repository that wraps the object database alone: on the
        // repository itself it lists every tag (`git_tag_foreach`, to order tagged objects
        // first), a reference look-up per tag, 100,000 at 10,000 cards x 10 versions.
        var database: OpaquePointer?
        try check(git_repository_odb(&database, pointer), "git_repository_odb")
        defer { git_odb_free(database) }
        var objectsOnly: OpaquePointer?
        try check(git_repository_wrap_odb(&objectsOnly, database), "git_repository_wrap_odb")
        defer { git_repository_free(objectsOnly) }
        var builder: OpaquePointer?
        try check(git_packbuilder_new(&builder, objectsOnly), "git_packbuilder_new")
        defer { git_packbuilder_free(builder) }
        var seen = Set<ObjectID>()
        for id in ids where seen.insert(id).inserted {
            var oid = id.oid
            try check(git_packbuilder_insert(builder, &oid, nil), "git_packbuilder_insert", reference: id.hex)
        }
        try check(git_packbuilder_write_buf(&pack, builder), "git_packbuilder_write_buf")
    }

    /// Indexes `pack` into the object folder of `database` as `pack-<hash>.pack` and `.idx`
    /// (flushed when fsync is on), and makes `database` see it. An empty pack (a 12-byte header
    /// and a 20-byte checksum) is not stored.
    private func storePack(_ pack: git_buf, in database: OpaquePointer?) throws {
        guard pack.size > 32, let bytes = pack.ptr else { return }
        let folder = try objectsFolder() + "pack"
        let indexesBefore = Self.packIndexes(in: folder)
        do {
            try indexPack(bytes, size: pack.size, in: database)
        } catch {
            // libgit2's indexer puts the `.idx` in place before it flushes and renames the
            // `.pack`: a failure in between leaves an index without its pack. git ignores it,
            // but nothing would ever remove it.
            for index in Self.packIndexes(in: folder).subtracting(indexesBefore)
            where access(folder + "/" + index.dropLast(4) + ".pack", F_OK) != 0 {
                unlink(folder + "/" + index)
            }
            throw error
        }
    }

    /// The `.idx` files of pack folder `folder`.
    private static func packIndexes(in folder: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".idx") })
    }

    /// The object folder, with a trailing slash.
    private func objectsFolder() throws -> String {
        var folder = git_buf()
        defer { git_buf_dispose(&folder) }
        try check(
            git_repository_item_path(&folder, pointer, GIT_REPOSITORY_ITEM_OBJECTS), "git_repository_item_path")
        let path = folder.ptr.map { String(cString: $0) } ?? gitDirectory + "/objects/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Hands the pack's bytes to libgit2's indexer, which writes the pack and its index.
    private func indexPack(_ bytes: UnsafeMutablePointer<CChar>, size: Int, in database: OpaquePointer?) throws {
        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try check(git_odb_write_pack(&writer, database, nil, nil), "git_odb_write_pack")
        guard let writer else {
            throw GitError.libgit2(function: "git_odb_write_pack", code: -1, message: "no pack writer")
        }
        defer { writer.pointee.free?(writer) }
        var progress = git_indexer_progress()
        try check(writer.pointee.append?(writer, bytes, size, &progress) ?? -1, "git_indexer_append")
        try check(writer.pointee.commit?(writer, &progress) ?? -1, "git_indexer_commit")
        try check(git_odb_refresh(database), "git_odb_refresh")
    }
}
