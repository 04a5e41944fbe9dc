import Foundation

/// The version tags `list` has found to record their version, in `.git/cardigan/list-tags-v2`:
/// one line `<tag object id> <card>/v<N>` per tag, sorted by its bytes.
///
/// A tag object never changes, so what its message says of that card and version stays right
/// for its id; the card and version are in the key because the same tag object under another
/// card's reference records nothing of that card. Deleting the file only costs time (each
/// card's latest tag object is read again). The file holds only the tags of the last listing
/// that learned something, so it does not grow with the history. It is read as bytes and
/// searched by halving: no String, no set of 10,000 ids built on a warm `list`.
struct ListedTagCache {
    /// The cache file.
    let path: String
    /// False for a store that trusts nothing on disk but git's objects.
    let enabled: Bool
    /// The file's bytes, as ``load()`` read them.
    private var bytes: [UInt8] = []
    /// Where each line is in `bytes`, newline left out, in the file's (sorted) order.
    private var lines: [Range<Int>] = []

    /// The cache of the repository whose git folder is `gitDirectory`.
    init(gitDirectory: String, enabled: Bool) {
        path = gitDirectory + "/cardigan/list-tags-v2"
        self.enabled = enabled
    }

    /// How many lines ``load()`` found.
    var count: Int { lines.count }

    /// Reads the file; nothing when it is missing, unreadable, disabled, or not sorted as
    /// ``store(_:)`` writes it (a search by halving would miss lines).
    mutating func load() {
        bytes = []
        lines = []
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return }
        bytes = [UInt8](data)
        var found: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                found.append(start..<end)
                start = end + 1
            }
            for index in found.indices.dropFirst()
            where Self.compare(buffer, found[index - 1], buffer, found[index]) >= 0 {
                found = []
                return
            }
        }
        lines = found
    }

    /// `key` (``key(tag:card:version:into:)``)'s line number in the file; nil when it has none.
    func line(of key: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            key.withUnsafeBufferPointer { wanted in
                var low = 0
                var high = lines.count
                while low < high {
                    let middle = (low + high) / 2
                    let order = Self.compare(buffer, lines[middle], wanted, 0..<wanted.count)
                    if order == 0 { return middle }
                    if order < 0 { low = middle + 1 } else { high = middle }
                }
                return nil
            }
        }
    }

    /// Sets `key` to the line of `tag` recording `version` of `card`, reusing its storage.
    static func key(tag: ObjectID, card: String, version: Int, into key: inout [UInt8]) {
        key.removeAll(keepingCapacity: true)
        key.append(contentsOf: tag.hex.utf8)
        key.append(UInt8(ascii: " "))
        key.append(contentsOf: card.utf8)
        key.append(contentsOf: "/v".utf8)
        key.append(contentsOf: String(version).utf8)
    }

    /// Writes the file's whole content, atomically, sorted: the lines of the file numbered
    /// `known` (as ``line(of:)`` gave them) and the keys `learned`. A failed write is ignored:
    /// it only costs time.
    func store(known: [Int], learned: [[UInt8]]) {
        guard enabled else { return }
        var keys = learned
        keys.reserveCapacity(learned.count + known.count)
        for index in known { keys.append(Array(bytes[lines[index]])) }
        keys.sort { $0.lexicographicallyPrecedes($1) }
        var text: [UInt8] = []
        for (index, key) in keys.enumerated() where index == 0 || key != keys[index - 1] {
            text += key
            text.append(UInt8(ascii: "\n"))
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? Data(text).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The order of `first[a]` and `second[b]` as bytes: negative, zero or positive.
    private static func compare(
        _ first: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ second: UnsafeBufferPointer<UInt8>, _ b: Range<Int>
    ) -> Int {
        guard let left = first.baseAddress, let right = second.baseAddress else { return a.count - b.count }
        let order = memcmp(left + a.lowerBound, right + b.lowerBound, min(a.count, b.count))
        return order != 0 ? Int(order) : a.count - b.count
    }
}
