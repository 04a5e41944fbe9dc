import Foundation

/// The version tags `list` has found to record their version, in `.git/cardigan/list-tags-v1`:
/// the object id of each tag object, one a line.
///
/// A tag object never changes, so what its message says stays right for its id; deleting the
/// file only costs time (each card's latest tag object is read again). The file holds only the
/// tags of the last listing that learned something, so it does not grow with the history.
struct ListedTagCache {
    /// The cache file.
    let path: String
    /// False for a store that trusts nothing on disk but git's objects.
    let enabled: Bool

    /// The cache of the repository whose git folder is `gitDirectory`.
    init(gitDirectory: String, enabled: Bool) {
        path = gitDirectory + "/cardigan/list-tags-v1"
        self.enabled = enabled
    }

    /// The tag object ids the file holds; none when it is missing, unreadable or disabled. A
    /// line that is not 40 hex digits is skipped.
    func load() -> Set<String> {
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return [] }
        var found = Set<String>()
        for line in data.split(separator: UInt8(ascii: "\n")) where line.count == 40 {
            if let id = ObjectID(hex: String(decoding: line, as: UTF8.self)) { found.insert(id.hex) }
        }
        return found
    }

    /// Writes `tags` as the file's whole content, atomically, sorted. A failed write is
    /// ignored: it only costs time.
    func store(_ tags: Set<String>) {
        guard enabled else { return }
        let text = tags.sorted().map { $0 + "\n" }.joined()
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
