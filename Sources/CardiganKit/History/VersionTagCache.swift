import Foundation

/// What `verify` read of each annotated version tag whose target is a commit, kept in
/// `.git/cardigan/version-tags-v1`, keyed by the tag object's id.
///
/// An object id names the object's bytes, so the facts a tag object gives (the commit it
/// points at, its `Card-Digest:` and `Previous:`) never change: a warm `verify` compares the
/// references it lists with this file instead of inflating and parsing 100,000 tag objects. A
/// moved or re-created tag is another object, not in the file, and is read. The file is a
/// ``CacheFile``; a record is the tag's id and its commit (20 bytes each), then the digest and
/// the previous tag (``CacheRecords`` texts). A file that does not add up (truncated, edited,
/// another layout) is ignored whole and rewritten.
/// `verify --no-cache` neither reads nor writes it.
final class VersionTagCache {
    /// What the cache knows of one tag object.
    struct Entry: Equatable {
        /// The commit the tag points at (hex).
        var targetCommit: String
        /// The `Card-Digest:` its message gives.
        var digest: String?
        /// The `Previous:` its message gives.
        var previous: String?
    }

    /// The file.
    let file: CacheFile
    /// The file's path.
    var path: String { file.path }
    /// The file's records as read (header and count left out).
    private var records: [UInt8] = []
    /// Where each tag's record starts in ``records``.
    private var offsets: [RawObjectID: Int] = [:]
    /// Entries learned in this run, not in the file yet.
    private var learned: [(id: RawObjectID, entry: Entry)] = []

    static let header = Array("cardigan version tags 1\n".utf8)

    init(gitDirectory: String, enabled: Bool) {
        file = CacheFile(path: gitDirectory + "/cardigan/version-tags-v1", header: Self.header, enabled: enabled)
    }

    /// How many tags the file knows.
    var count: Int { offsets.count }

    /// Reads the file; nothing when it is missing or does not add up.
    func load() {
        guard let loaded = file.loadIndexed(key: { RawObjectID($0, at: $1) }, end: Self.recordEnd) else { return }
        records = loaded.body
        offsets = loaded.offsets
    }

    /// What the file says of tag object `id`; nil when it does not know it.
    func entry(for id: ObjectID) -> Entry? {
        guard let raw = RawObjectID(hex: id.hex), let offset = offsets[raw] else { return nil }
        let target = RawObjectID.hex(records, at: offset + 20)
        var cursor = offset + 40
        let digest = CacheRecords.text(records, at: &cursor)
        let previous = CacheRecords.text(records, at: &cursor)
        return Entry(targetCommit: target, digest: digest, previous: previous)
    }

    /// Notes what tag object `id` gives, to be written by ``store()``.
    func note(_ id: ObjectID, _ entry: Entry) {
        guard file.enabled, let raw = RawObjectID(hex: id.hex), offsets[raw] == nil,
            RawObjectID(hex: entry.targetCommit) != nil
        else { return }
        learned.append((raw, entry))
    }

    /// Writes the file anew with what was learned (see ``CacheFile/Writer``).
    func store() {
        guard !learned.isEmpty, let writer = file.writer() else { return }
        writer.write(records)
        var count = offsets.count
        var seen = Set(offsets.keys)
        for (id, entry) in learned where seen.insert(id).inserted {
            guard let target = RawObjectID(hex: entry.targetCommit) else { continue }
            id.append(to: &writer.bytes)
            target.append(to: &writer.bytes)
            CacheRecords.append(entry.digest, to: &writer.bytes)
            CacheRecords.append(entry.previous, to: &writer.bytes)
            writer.recordEnded()
            count += 1
        }
        writer.finish(count: count)
    }

    /// Where the record at `offset` ends; nil when it runs past the end.
    private static func recordEnd(_ bytes: [UInt8], at offset: Int) -> Int? {
        var cursor = offset + 40
        guard cursor <= bytes.count else { return nil }
        for _ in 0..<2 {
            guard case .some = CacheRecords.textRange(bytes, at: &cursor) else { return nil }
        }
        return cursor
    }
}
