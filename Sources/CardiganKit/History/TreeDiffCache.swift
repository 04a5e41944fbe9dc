import Foundation

/// What the walk over two cards folders gave (``Repository/changedFiles(in:from:to:special:)``),
/// kept in `.git/cardigan/tree-diffs-v1`, keyed by the two folders' tree ids.
///
/// A tree id names the tree's bytes, so the files one tree changed against another never
/// change: a warm `verify` or `check` takes each commit's card changes from here instead of
/// inflating and walking the two trees again (at 10,000 cards, two 500 kB trees per commit).
/// Only a commit with a parent whose folder's tree differs from its own is looked up; a diff
/// that found an entry that is not a regular file is never kept, so its findings come from
/// git on every run. The file is a ``CacheFile``; a record is the old and the new tree (20
/// bytes each), the number of changes (32-bit little-endian), then each change: its file name
/// (a ``CacheRecords`` text), a byte 1 and the blob's id (20 bytes), or a byte 0 when deleted.
final class TreeDiffCache {
    /// The file.
    let file: CacheFile
    /// The file's records as read.
    private var records: [UInt8] = []
    /// Where each pair's record starts in ``records``.
    private var offsets: [TreePair: Int] = [:]
    /// Diffs made in this run, not in the file yet.
    private var learned: [(pair: TreePair, changes: [(name: String, blob: ObjectID?)])] = []

    /// An old and a new tree.
    fileprivate struct TreePair: Hashable {
        var old: RawObjectID
        var new: RawObjectID
    }

    init(gitDirectory: String, enabled: Bool) {
        file = CacheFile(
            path: gitDirectory + "/cardigan/tree-diffs-v1", header: Array("cardigan tree diffs 1\n".utf8),
            enabled: enabled)
    }

    /// How many diffs the file knows.
    var count: Int { offsets.count }

    /// Reads the file; nothing when it is missing or does not add up.
    func load() {
        let loaded = file.loadIndexed(
            key: { TreePair(old: RawObjectID($0, at: $1), new: RawObjectID($0, at: $1 + 20)) }, end: Self.recordEnd)
        guard let loaded else { return }
        records = loaded.body
        offsets = loaded.offsets
    }

    /// The card folder's files that `commit` added, changed or deleted (nil) against `parent`,
    /// and in `special` its entries that are not regular files: from the file when it knows the
    /// two folders, else from `repository` (and noted for ``store()``).
    func changedFiles(
        in directory: String, from parent: ObjectID?, to commit: ObjectID, special: inout [FolderEntryKind],
        repository: Repository
    ) throws -> [(name: String, blob: ObjectID?)] {
        let new = try repository.subtreeID(at: directory, inCommit: commit)
        let old = try parent.flatMap { try repository.subtreeID(at: directory, inCommit: $0) }
        guard file.enabled, let old, let new, old != new, let pair = TreePair(old: old, new: new) else {
            return try repository.changedFiles(
                in: directory, fromTree: old, toTree: new, commit: commit, special: &special)
        }
        if let offset = offsets[pair] { return changes(at: offset) }
        var found: [FolderEntryKind] = []
        let changes = try repository.changedFiles(
            in: directory, fromTree: old, toTree: new, commit: commit, special: &found)
        special += found
        if found.isEmpty { learned.append((pair, changes)) }
        return changes
    }

    /// Writes the file anew with what was learned (see ``CacheFile/Writer``).
    func store() {
        guard !learned.isEmpty, let writer = file.writer() else { return }
        writer.write(records)
        var seen = Set(offsets.keys)
        for (pair, changes) in learned where seen.insert(pair).inserted {
            pair.old.append(to: &writer.bytes)
            pair.new.append(to: &writer.bytes)
            withUnsafeBytes(of: UInt32(changes.count).littleEndian) { writer.bytes.append(contentsOf: $0) }
            for change in changes {
                CacheRecords.append(change.name, to: &writer.bytes)
                if let blob = change.blob, let raw = RawObjectID(hex: blob.hex) {
                    writer.bytes.append(1)
                    raw.append(to: &writer.bytes)
                } else {
                    writer.bytes.append(0)
                }
            }
            writer.recordEnded()
        }
        writer.finish(count: seen.count)
    }

    /// The changes of the record at `offset`, which ``load()`` walked whole.
    private func changes(at offset: Int) -> [(name: String, blob: ObjectID?)] {
        let count = Int(CacheRecords.uint32(records, at: offset + 40))
        var changes: [(name: String, blob: ObjectID?)] = []
        changes.reserveCapacity(count)
        var cursor = offset + 44
        for _ in 0..<count {
            let name = CacheRecords.text(records, at: &cursor) ?? ""
            let present = records[cursor] == 1
            cursor += 1
            var blob: ObjectID?
            if present {
                blob = ObjectID(lowercaseHex: RawObjectID.hex(records, at: cursor))
                cursor += 20
            }
            changes.append((name, blob))
        }
        return changes
    }

    /// Where the record at `offset` ends; nil when it runs past the end or does not hold what
    /// a record holds.
    private static func recordEnd(_ bytes: [UInt8], at offset: Int) -> Int? {
        guard offset + 44 <= bytes.count else { return nil }
        let count = Int(CacheRecords.uint32(bytes, at: offset + 40))
        var cursor = offset + 44
        for _ in 0..<count {
            guard case .some(.some) = CacheRecords.textRange(bytes, at: &cursor), cursor < bytes.count else {
                return nil
            }
            let flag = bytes[cursor]
            cursor += 1
            switch flag {
            case 0: continue
            case 1 where cursor + 20 <= bytes.count: cursor += 20
            default: return nil
            }
        }
        return cursor
    }
}

extension TreeDiffCache.TreePair {
    /// The pair of `old` and `new`; nil when either is not an object id.
    fileprivate init?(old: ObjectID, new: ObjectID) {
        guard let old = RawObjectID(hex: old.hex), let new = RawObjectID(hex: new.hex) else { return nil }
        self.init(old: old, new: new)
    }
}
