import Foundation

/// What `verify` and `check` learned of each card blob, kept in `.git/cardigan/snapshots`.
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

    init(gitDirectory: String, schemaFingerprint: String, enabled: Bool) {
        path = gitDirectory + "/cardigan/snapshots-v1"
        self.schemaFingerprint = schemaFingerprint
        self.enabled = enabled
    }

    /// The cached snapshots of `blobs`.
    func load(only blobs: Set<String>) -> [String: CardSnapshot] {
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return [:] }
        var found: [String: CardSnapshot] = [:]
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first == Substring("schema " + schemaFingerprint) else { return [:] }
        lines = lines.dropFirst()
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, blobs.contains(fields[0]) else { continue }
            func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
            found[fields[0]] = CardSnapshot(
                digest: optional(fields[1]), status: CardStatus(rawValue: fields[2]), name: optional(fields[3]),
                modelName: optional(fields[4]), modelPackage: optional(fields[5]), problem: optional(fields[6]))
        }
        return found
    }

    /// Adds `snapshots` to the cache. Failing to write only costs speed, so errors are ignored.
    func store(_ snapshots: [String: CardSnapshot]) {
        guard enabled, !snapshots.isEmpty else { return }
        func field(_ text: String?) -> String {
            (text ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        var text = ""
        let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if let existing, existing.hasPrefix("schema " + schemaFingerprint + "\n") {
            text = existing
        } else {
            text = "schema " + schemaFingerprint + "\n"
        }
        for (blob, snapshot) in snapshots {
            text +=
                [
                    blob, field(snapshot.digest), snapshot.status?.rawValue ?? "", field(snapshot.name),
                    field(snapshot.modelName), field(snapshot.modelPackage), field(snapshot.problem),
                ].joined(separator: "\t") + "\n"
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
