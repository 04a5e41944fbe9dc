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
    /// an in-memory backend that takes every write, in front of a ``ReadThroughBackend`` to the
    /// repository's own — and gets its own back before the pack is stored, so nothing written
    /// later lands in memory by mistake.
    public func writingObjectsAsOnePack<T>(_ body: () throws -> T) throws -> T {
        var original: OpaquePointer?
        try check(git_repository_odb(&original, pointer), "git_repository_odb")
        defer { git_odb_free(original) }
        guard let original else {
            throw GitError.libgit2(function: "git_repository_odb", code: -1, message: "no object database")
        }
        let (staging, memory) = try stagingDatabase(over: original)
        defer { git_odb_free(staging) }
        try check(git_repository_set_odb(pointer, staging), "git_repository_set_odb")
        objectsForPack = []
        packStaging = memory
        defer {
            objectsForPack = nil
            packStaging = nil
        }
        do {
            let result = try body()
            try check(git_repository_set_odb(pointer, original), "git_repository_set_odb")
            try storePack(of: objectsForPack ?? [], from: memory, in: original)
            // Every so many packs, one multi-pack index again; failing to write it costs only speed.
            _ = try? keepMultiPackIndex()
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

    /// A new object database with an in-memory backend, which receives every object written
    /// through it, in front of one that reads through `source`; and that in-memory backend.
    private func stagingDatabase(over source: OpaquePointer) throws -> (
        database: OpaquePointer?, memory: UnsafeMutablePointer<git_odb_backend>
    ) {
        var database: OpaquePointer?
        try check(git_odb_new(&database), "git_odb_new")
        do {
            let through = try ReadThroughBackend.make(readingThrough: source)
            let addedThrough = git_odb_add_backend(database, through, 1)
            if addedThrough < 0 { through.pointee.free?(through) }
            try check(addedThrough, "git_odb_add_backend")
            var memory: UnsafeMutablePointer<git_odb_backend>?
            try check(git_mempack_new(&memory), "git_mempack_new")
            guard let memory else {
                throw GitError.libgit2(function: "git_mempack_new", code: -1, message: "no backend")
            }
            // The higher priority: writes go to the first backend that takes them.
            let added = git_odb_add_backend(database, memory, 999)
            if added < 0 { memory.pointee.free?(memory) }
            try check(added, "git_odb_add_backend")
            return (database, memory)
        } catch {
            git_odb_free(database)
            throw error
        }
    }

    /// Stores objects `ids`, read from the in-memory backend `memory` (or, for one it does not
    /// hold, from `database`), as one pack and its index in the object folder of `database`
    /// (flushed when fsync is on), and makes `database` see it. No objects, no pack.
    /// (`git_mempack_dump` is not used: it packs only commits with their whole trees — every
    /// existing card again — and leaves tag objects out; nor libgit2's pack builder, whose
    /// delta search was a quarter of a large commit's time; nor its indexer, which read the
    /// whole pack back to learn the ids, offsets and CRCs that ``PackStream`` knows.)
    ///
    /// Both files are written under temporary names and flushed; then the pack is put in place,
    /// then its index (which makes git see the pack), then their folder is flushed. A failure
    /// before leaves neither; a failure to place the index removes the pack it placed.
    private func storePack(
        of ids: [ObjectID], from memory: UnsafeMutablePointer<git_odb_backend>, in database: OpaquePointer
    ) throws {
        var seen = Set<ObjectID>()
        let unique = ids.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return }
        let folder = try objectsFolder() + "pack"
        let packFile = try TemporaryPackFile(in: folder, prefix: "tmp_pack_")
        var pack = try PackStream(count: unique.count)
        var start = 0
        while start < unique.count {
            // A batch at a time: its objects are read here (one thread uses the repository),
            // deflated on every core, and appended in order; only one batch is held twice.
            let batch = unique[start..<min(start + Self.deflatedTogether, unique.count)]
            start = batch.endIndex
            var objects: [(type: Int32, content: [UInt8])] = []
            objects.reserveCapacity(batch.count)
            for id in batch {
                try withObject(id, from: memory, in: database) { type, content in
                    objects.append((Int32(type.rawValue), Array(content)))
                }
            }
            for (id, body) in zip(batch, try Self.entries(of: objects)) {
                try pack.append(id: id.rawBytes, entry: body)
                if pack.readyCount >= 1 << 20 { try packFile.write(pack.take()) }
            }
        }
        try packFile.write(try pack.finish())
        let indexFile = try TemporaryPackFile(in: folder, prefix: "tmp_idx_")
        try indexFile.write(PackIndex.bytes(of: pack.entries, trailer: pack.trailer))
        let flush = Libgit2.fsyncEnabled
        try packFile.finish(fsync: flush)
        try indexFile.finish(fsync: flush)
        let name = folder + "/pack-" + ObjectID(rawBytes: pack.trailer).hex
        let newPack = try packFile.place(at: name + ".pack")
        do {
            try indexFile.place(at: name + ".idx")
        } catch {
            if newPack { unlink(name + ".pack") }
            throw error
        }
        if flush { try TemporaryPackFile.flush(folder: folder) }
        try check(git_odb_refresh(database), "git_odb_refresh")
    }

    /// The most objects read before they are deflated together (a few megabytes of cards).
    static let deflatedTogether = 512

    /// The pack entries of `objects`, in order, deflated on every core: the objects are cut
    /// into one run per core, and each run gets its own ``Deflater`` (a zlib stream is not
    /// shared). Deflating was a quarter of what a commit of many cards did on one thread.
    static func entries(of objects: [(type: Int32, content: [UInt8])]) throws -> [PackStream.Body] {
        let runs = max(1, min(ProcessInfo.processInfo.activeProcessorCount, objects.count / 8))
        let bounds = (0...runs).map { $0 * objects.count / runs }
        let made = concurrentMap(Array(0..<runs)) { run -> Result<[PackStream.Body], Error> in
            Result {
                let deflater = try Deflater()
                return try objects[bounds[run]..<bounds[run + 1]].map { object in
                    try object.content.withUnsafeBytes {
                        try PackStream.entry(type: object.type, content: $0, deflater: deflater)
                    }
                }
            }
        }
        return try made.flatMap { try $0.get() }
    }

    /// The `.idx` files of pack folder `folder`.
    static func packIndexes(in folder: String) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".idx") })
    }

    /// The object folder, with a trailing slash.
    func objectsFolder() throws -> String {
        var folder = git_buf()
        defer { git_buf_dispose(&folder) }
        try check(
            git_repository_item_path(&folder, pointer, GIT_REPOSITORY_ITEM_OBJECTS), "git_repository_item_path")
        let path = folder.ptr.map { String(cString: $0) } ?? gitDirectory + "/objects/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Runs `body` with the type and bytes of object `id`: from the in-memory backend `memory`
    /// (no copy through the object database's cache, no second hashing of what was just
    /// written), else from `database`.
    private func withObject(
        _ id: ObjectID, from memory: UnsafeMutablePointer<git_odb_backend>, in database: OpaquePointer,
        _ body: (git_object_t, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var oid = id.oid
        var data: UnsafeMutableRawPointer?
        var size = 0
        var type = GIT_OBJECT_INVALID
        if let read = memory.pointee.read, read(&data, &size, &type, memory, &oid) == 0 {
            defer { git_odb_backend_data_free(memory, data) }
            return try body(type, UnsafeRawBufferPointer(start: data, count: size))
        }
        var object: OpaquePointer?
        try check(git_odb_read(&object, database, &oid), "git_odb_read", reference: id.hex)
        defer { git_odb_object_free(object) }
        try body(
            git_odb_object_type(object),
            UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object)))
    }
}
