internal import CLibgit2
import Foundation

extension Repository {
    /// How many packs may lie outside the multi-pack index before ``keepMultiPackIndex(outsideLimit:)``
    /// writes it anew. A repository as cardigan writes it gains a pack per large commit; libgit2
    /// and git look an object up pack after pack, but in one multi-pack index in one search.
    public static let packsOutsideMultiPackIndexLimit = 16

    /// Writes `objects/pack/multi-pack-index` anew, covering every pack, when more than
    /// `outsideLimit` packs are not in the one there (or there is none); returns whether it did.
    ///
    /// libgit2 builds the index (`git_midx_writer_dump`); cardigan writes it under
    /// `multi-pack-index.lock`, flushes it when fsync is on and renames it over the old one, so a
    /// crash leaves the old index or the new one, never half of one (libgit2 1.5 does not check
    /// an index's checksum: a torn one would misplace objects). A pack outside the index is
    /// searched on its own by libgit2 and git alike, so an index that is behind costs only speed.
    /// Counting costs a folder listing and a 12-byte read.
    @discardableResult
    public func keepMultiPackIndex(outsideLimit: Int = packsOutsideMultiPackIndexLimit) throws -> Bool {
        let folder = try objectsFolder() + "pack"
        // An index whose pack is missing (a failed indexer's) is left out: libgit2 cannot add it.
        let indexes = Self.packIndexes(in: folder).filter {
            access(folder + "/" + $0.dropLast(4) + ".pack", F_OK) == 0
        }
        let covered = Self.multiPackIndexPackCount(in: folder) ?? 0
        guard indexes.count - covered > outsideLimit else { return false }
        var writer: OpaquePointer?
        try check(git_midx_writer_new(&writer, folder), "git_midx_writer_new")
        defer { git_midx_writer_free(writer) }
        for index in indexes.sorted() {
            try check(git_midx_writer_add(writer, folder + "/" + index), "git_midx_writer_add", reference: index)
        }
        var content = git_buf()
        defer { git_buf_dispose(&content) }
        try check(git_midx_writer_dump(&content, writer), "git_midx_writer_dump")
        let bytes = content.ptr.map { Array(UnsafeRawBufferPointer(start: $0, count: content.size)) } ?? []
        let lock = try LockFile(for: folder + "/multi-pack-index")
        try lock.write(bytes)
        try lock.commit(fsync: Libgit2.fsyncEnabled)
        return true
    }

    /// How many packs the multi-pack index in pack folder `folder` covers, read from its
    /// header (`MIDX`, version 1, then the pack count as a big-endian 32-bit number at byte 8);
    /// nil when there is none or it is not one.
    static func multiPackIndexPackCount(in folder: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: folder + "/multi-pack-index") else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 12), header.count == 12,
            header.starts(with: Array("MIDX".utf8)), header[header.startIndex + 4] == 1
        else { return nil }
        return header.suffix(4).reduce(0) { $0 << 8 | Int($1) }
    }

    /// Removes the multi-pack index when a pack it names is gone. libgit2 1.5 then fails every
    /// read of an object it places there ("invalid packfile"), where git moves on to the other
    /// packs; a git that predates multi-pack indexes leaves one behind when `git gc` or `git repack
    /// -a -d` replaces the packs. Without an index both search the packs one by one: the same
    /// objects, slower. Called as the repository opens: one failed `open` when there is no index,
    /// else a read of its pack names and one listing of the pack folder, where it made one
    /// `access` per pack (~900 at 10,000 cards as cardigan writes them); both the `.idx` and the
    /// `.pack` of each name must be there, since libgit2 opens the pack beside the index's name.
    func dropMultiPackIndexNamingMissingPacks() {
        guard let folder = try? objectsFolder() + "pack",
            let names = Self.multiPackIndexPackNames(in: folder),
            let present = Self.entryNames(in: folder),
            names.contains(where: { !present.contains($0) || !present.contains($0.dropLast(4) + ".pack") })
        else { return }
        unlink(folder + "/multi-pack-index")
    }

    /// The names in `folder` (one `opendir` and a few `getdents` for a thousand packs); nil when it
    /// cannot be listed, so that nothing is judged missing from a folder that was not read.
    static func entryNames(in folder: String) -> Set<String>? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names = Set<String>()
        while let entry = readdir(directory) {
            names.insert(
                withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                })
        }
        return names
    }

    /// The `.idx` names the multi-pack index in `folder` lists (its `PNAM` chunk); nil when there
    /// is no index or it cannot be read as one.
    static func multiPackIndexPackNames(in folder: String) -> [String]? {
        guard let handle = FileHandle(forReadingAtPath: folder + "/multi-pack-index") else { return nil }
        defer { try? handle.close() }
        func number(_ bytes: Data, at offset: Int, width: Int) -> Int {
            bytes.dropFirst(offset).prefix(width).reduce(0) { $0 << 8 | Int($1) }
        }
        guard let header = try? handle.read(upToCount: 12), header.count == 12,
            header.starts(with: Array("MIDX".utf8)), header[header.startIndex + 4] == 1
        else { return nil }
        let chunks = Int(header[header.startIndex + 6])
        // The chunk table: an id and an offset per chunk, then a closing entry whose offset ends the last.
        guard let table = try? handle.read(upToCount: 12 * (chunks + 1)), table.count == 12 * (chunks + 1),
            let entry = (0..<chunks).first(where: { table.dropFirst(12 * $0).prefix(4).elementsEqual("PNAM".utf8) })
        else { return nil }
        let start = number(table, at: 12 * entry + 4, width: 8)
        let end = number(table, at: 12 * entry + 16, width: 8)
        guard start >= 12, end > start, end - start < 1 << 26, (try? handle.seek(toOffset: UInt64(start))) != nil,
            let bytes = try? handle.read(upToCount: end - start), bytes.count == end - start
        else { return nil }
        return bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
