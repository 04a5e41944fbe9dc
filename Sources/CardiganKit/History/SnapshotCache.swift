import Foundation

/// What `verify`, `check` and `list` learned of each card blob, kept in
/// `.git/cardigan/snapshots-v5/`, one file per schema.
///
/// A blob is content-addressed and never changes, so what it holds (digest, status, names,
/// link, validity against a given schema) can be remembered: a second `verify` only parses the
/// blobs it has not seen. The cache lives inside `.git` (never committed, never pushed); it is
/// tied to the schema's fingerprint and thrown away when that changes, and `verify --no-cache`
/// ignores it, for an audit that trusts nothing on disk but the objects.
struct SnapshotCache {
    let path: String
    let schemaFingerprint: String
    let enabled: Bool
    /// The file as ``load(only:)`` read it, when it was for this schema: ``store(_:)`` appends
    /// to it instead of reading the file a second time.
    private var loaded: Data?

    init(gitDirectory: String, schemaFingerprint: String, enabled: Bool) {
        // One file per schema: a history judged under several schemas keeps each one's entries.
        path = gitDirectory + "/cardigan/snapshots-v5/" + CardDigest.sha256Hex(Data(schemaFingerprint.utf8)).prefix(32)
        self.schemaFingerprint = schemaFingerprint
        self.enabled = enabled
    }

    /// The cached snapshots of `blobs`.
    mutating func load(only blobs: Set<String>) -> [String: CardSnapshot] {
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return [:] }
        let header = Array(("schema " + schemaFingerprint + "\n").utf8)
        guard data.starts(with: header) else { return [:] }  // another schema's: replaced on store
        loaded = data
        var found: [String: CardSnapshot] = [:]
        found.reserveCapacity(blobs.count)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Split on bytes: the file has a line per blob ever seen, and `verify` reads it whole.
            var lineStart = header.count
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                // The blob first: `list` wants one line in ten of a history's file (its cards'
                // current blobs), and only the lines it wants are split into their fields.
                var keyEnd = lineStart
                while keyEnd < lineEnd, bytes[keyEnd] != UInt8(ascii: "\t") { keyEnd += 1 }
                guard blobs.contains(String(decoding: bytes[lineStart..<keyEnd], as: UTF8.self)) else { continue }
                let fields = bytes[lineStart..<lineEnd].split(
                    separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false
                ).map { String(decoding: $0, as: UTF8.self) }
                guard fields.count == 12 else { continue }
                func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
                found[fields[0]] = CardSnapshot(
                    digest: optional(fields[1]), status: CardStatus(rawValue: fields[2]), name: optional(fields[3]),
                    modelName: optional(fields[4]), modelPackage: optional(fields[5]), riskRating: optional(fields[6]),
                    problem: optional(fields[7]), legacyDigest: optional(fields[10]),
                    packageDetails: optional(fields[8]), packageApproval: optional(fields[9]),
                    packageARN: optional(fields[11]))
            }
        }
        return found
    }

    /// Adds `snapshots` to what ``load(only:)`` read and writes the file anew (atomically:
    /// readers never see half a file). Entries another process added meanwhile may be lost,
    /// which only costs speed; so does failing to write, so errors are ignored.
    func store(_ snapshots: [String: CardSnapshot]) {
        guard enabled, !snapshots.isEmpty else { return }
        // Written as bytes: a fresh clone's `verify` stores 10,000 lines, and Foundation's
        // `replacingOccurrences` on each field cost a twelfth of that run.
        var bytes = loaded.map { [UInt8]($0) } ?? Array(("schema " + schemaFingerprint + "\n").utf8)
        func append(_ text: String?) {
            for byte in (text ?? "").utf8 {
                bytes.append(byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte)
            }
        }
        for (blob, snapshot) in snapshots {
            let fields: [String?] = [
                blob, snapshot.digest, snapshot.status?.rawValue, snapshot.name, snapshot.modelName,
                snapshot.modelPackage, snapshot.riskRating, snapshot.problem, snapshot.packageDetails,
                snapshot.packageApproval, snapshot.legacyDigest, snapshot.packageARN,
            ]
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: "\t")) }
                append(field)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
