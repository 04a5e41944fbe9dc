import Foundation

/// What `verify` and `check` learned of each card blob, kept in `.git/cardigan/snapshots-v6/`,
/// one file per schema.
///
/// A blob is content-addressed and never changes, so what it holds (digest, status, names,
/// link, validity against a given schema) can be remembered: a second `verify` only parses the
/// blobs it has not seen. The cache lives inside `.git` (never committed, never pushed); it is
/// tied to the schema's fingerprint and thrown away when that changes, and `verify --no-cache`
/// ignores it, for an audit that trusts nothing on disk but the objects.
///
/// The file is a ``CacheFile`` (a truncated or edited file is ignored whole): a record is the
/// blob's id (20 bytes), then the snapshot's eleven fields as ``CacheRecords`` texts, exactly
/// as they were (tabs and line breaks too). Records are written card by card, so a card's
/// versions lie side by side and a field equal to the one before (the name, the model name,
/// the package, its ARN) is kept as the same string, not one more copy per version.
struct SnapshotCache {
    /// The file of this schema's snapshots.
    let file: CacheFile
    /// The records as ``load(only:)`` read them, when the file was sound: ``store(_:)`` appends
    /// to them instead of reading the file a second time.
    private var loaded: CacheFile.Contents?

    /// The number of fields a record holds after the blob's id.
    private static let fieldCount = 11

    init(gitDirectory: String, schemaFingerprint: String, enabled: Bool) {
        // One file per schema: a history judged under several schemas keeps each one's entries.
        let path =
            gitDirectory + "/cardigan/snapshots-v6/" + CardDigest.sha256Hex(Data(schemaFingerprint.utf8)).prefix(32)
        file = CacheFile(
            path: path, header: Array("cardigan snapshots 6\nschema \(schemaFingerprint)\n".utf8), enabled: enabled)
    }

    /// The file's path.
    var path: String { file.path }

    /// The cached snapshots of `blobs` (hex ids); nothing when the file does not add up.
    mutating func load(only blobs: Set<String>) -> SnapshotSet {
        loaded = nil
        guard let contents = file.load() else { return [:] }
        // The ids asked for as 20-byte keys, each with its own string: no string is made per
        // record, and a record not asked for is only stepped over.
        var wanted: [RawObjectID: String] = [:]
        wanted.reserveCapacity(blobs.count)
        for blob in blobs { if let raw = RawObjectID(hex: blob) { wanted[raw] = blob } }
        let body = contents.body
        var found = SnapshotSet()
        found.reserveCapacity(min(blobs.count, contents.count))
        var ranges = [Range<Int>?](repeating: nil, count: Self.fieldCount)
        var previous = [(range: Range<Int>, text: String)?](repeating: nil, count: Self.fieldCount)
        var records = 0
        var offset = 0
        while offset < body.count {
            guard offset + 20 <= body.count else { return [:] }
            let id = RawObjectID(body, at: offset)
            var cursor = offset + 20
            for field in 0..<Self.fieldCount {
                guard let range = CacheRecords.textRange(body, at: &cursor) else { return [:] }
                ranges[field] = range
            }
            offset = cursor
            records += 1
            guard let blob = wanted[id] else { continue }
            var fields = [String?](repeating: nil, count: Self.fieldCount)
            for field in 0..<Self.fieldCount {
                guard let range = ranges[field] else { continue }
                if let last = previous[field], body[last.range].elementsEqual(body[range]) {
                    fields[field] = last.text
                } else {
                    let text = String(decoding: body[range], as: UTF8.self)
                    previous[field] = (range, text)
                    fields[field] = text
                }
            }
            found[blob] = CardSnapshot(
                digest: fields[0], status: fields[1].flatMap(CardStatus.init(rawValue:)), name: fields[2],
                modelName: fields[3], modelPackage: fields[4], riskRating: fields[5], problem: fields[6],
                legacyDigest: fields[9], packageDetails: fields[7], packageApproval: fields[8],
                packageARN: fields[10])
        }
        guard records == contents.count else { return [:] }
        loaded = contents
        return found
    }

    /// Adds `snapshots` (by hex blob id) to what ``load(only:)`` read and writes the file anew
    /// (see ``CacheFile/Writer``). Entries another process added meanwhile may be lost, which
    /// only costs speed.
    func store(_ snapshots: SnapshotSet) {
        guard !snapshots.isEmpty, let writer = file.writer() else { return }
        if let loaded { writer.write(loaded.body) }
        // Card by card (by the name the blob gives), so that ``load(only:)`` finds a card's
        // repeated fields next to each other. Only the names and ids are sorted, not 100,000
        // snapshots: each is looked up as it is written.
        var order = snapshots.entries.map { (name: $0.snapshot.name ?? "", blob: $0.blob) }
        order.sort { ($0.name, $0.blob) < ($1.name, $1.blob) }
        var count = loaded?.count ?? 0
        for (_, blob) in order {
            guard let id = RawObjectID(hex: blob), let snapshot = snapshots[blob] else { continue }
            id.append(to: &writer.bytes)
            let fields: [String?] = [
                snapshot.digest, snapshot.status?.rawValue, snapshot.name, snapshot.modelName, snapshot.modelPackage,
                snapshot.riskRating, snapshot.problem, snapshot.packageDetails, snapshot.packageApproval,
                snapshot.legacyDigest, snapshot.packageARN,
            ]
            for field in fields { CacheRecords.append(field, to: &writer.bytes) }
            writer.recordEnded()
            count += 1
        }
        writer.finish(count: count)
    }
}
