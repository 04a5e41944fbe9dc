import Foundation

/// `log`'s index of which commits name which card, in `.git/cardigan/commit-cards-v1`: every
/// commit `log` has walked, with its parents and the cards its `Card` trailers name.
///
/// A commit's id names its bytes, so what an entry says of commit X never goes stale; what can
/// change is which commits a branch reaches (a rewrite, a reset, a fetch), and that is walked
/// anew from the branch head on every run, through the parents the entries give. Commits the
/// file does not hold are read from git and added. The file ends with the SHA-256 of
/// everything before it: a missing, truncated, corrupt or hand-edited file is not read (it is
/// written anew). Deleting it only costs time. Layout, one line each:
///
///     cardigan commit-cards v1
///     c <commit> [<parent> …]          (a commit; its position, from 0, is its number)
///     n <card> <number> [<number> …]   (the commits whose trailers name the card)
///     sha256 <hex of the lines above>
struct CommitCardIndex {
    /// The git folder the file is in (under `cardigan/`).
    let gitDirectory: String
    /// The index file.
    var path: String { gitDirectory + "/cardigan/commit-cards-v1" }
    /// False for a store that trusts nothing on disk but git's objects: nothing is read or written.
    let enabled: Bool
    /// The commits, by number.
    private(set) var commits: [ObjectID] = []
    /// Each commit's parents, by number.
    private(set) var parents: [[ObjectID]] = []
    /// The number of each commit.
    private(set) var number: [ObjectID: Int] = [:]
    /// The file's card lines, each `n <card> …` without its newline, parsed only when asked.
    private var cardLines: [ArraySlice<UInt8>] = []
    /// Cards named by commits added since ``load()``, with their numbers.
    private var addedCards: [String: [Int]] = [:]
    /// How many commits ``load()`` read from the file.
    private var loadedCount = 0

    /// The first line of the file.
    static let header = "cardigan commit-cards v1"

    /// The index of the repository whose git folder is `gitDirectory`.
    init(gitDirectory: String, enabled: Bool) {
        self.gitDirectory = gitDirectory
        self.enabled = enabled
    }

    /// Whether commits were added since ``load()``.
    var hasAdditions: Bool { commits.count > loadedCount }

    /// Reads the file; false (and an empty index) when there is none, or it is not exactly
    /// what ``store()`` writes.
    @discardableResult
    mutating func load() -> Bool {
        self = CommitCardIndex(gitDirectory: gitDirectory, enabled: enabled)
        guard enabled, let data = FileManager.default.contents(atPath: path) else { return false }
        guard let body = Self.checkedBody(of: [UInt8](data)), parse(body) else {
            self = CommitCardIndex(gitDirectory: gitDirectory, enabled: enabled)
            return false
        }
        loadedCount = commits.count
        return true
    }

    /// The bytes before the `sha256` line, when that line holds their SHA-256; nil otherwise.
    private static func checkedBody(of bytes: [UInt8]) -> ArraySlice<UInt8>? {
        // The last line: "sha256 " and 64 hex digits, then a newline.
        let trailer = 7 + 64 + 1
        guard bytes.count > trailer, bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes[..<(bytes.count - trailer)]
        guard body.last == UInt8(ascii: "\n"),
            bytes[(bytes.count - trailer)...].starts(with: Array("sha256 ".utf8))
        else { return nil }
        let written = String(decoding: bytes[(bytes.count - trailer + 7)..<(bytes.count - 1)], as: UTF8.self)
        return CardDigest.sha256Hex(Data(body)) == written ? body : nil
    }

    /// Reads the header, the commit lines and the card lines of `body`; false at anything else.
    private mutating func parse(_ body: ArraySlice<UInt8>) -> Bool {
        var lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.last?.isEmpty == true else { return false }
        lines.removeLast()
        guard let first = lines.first, first.elementsEqual(Self.header.utf8) else { return false }
        for line in lines.dropFirst() {
            if line.starts(with: [UInt8(ascii: "n"), UInt8(ascii: " ")]) {
                cardLines.append(line)
                continue
            }
            guard cardLines.isEmpty, line.starts(with: [UInt8(ascii: "c"), UInt8(ascii: " ")]) else { return false }
            var ids: [ObjectID] = []
            for field in line.dropFirst(2).split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
                guard field.count == 40, let id = ObjectID(hex: String(decoding: field, as: UTF8.self)) else {
                    return false
                }
                ids.append(id)
            }
            guard let id = ids.first, number[id] == nil else { return false }
            number[id] = commits.count
            commits.append(id)
            parents.append(Array(ids.dropFirst()))
        }
        return true
    }

    /// The numbers of the commits whose trailers name `card`. A card line naming a commit the
    /// file does not hold makes the whole answer nil: the file is not what ``store()`` wrote.
    func commits(naming card: String) -> Set<Int>? {
        var found = Set(addedCards[card] ?? [])
        let prefix = Array("n \(card) ".utf8)
        for line in cardLines where line.starts(with: prefix) {
            for field in line.dropFirst(prefix.count).split(separator: UInt8(ascii: " ")) {
                guard let value = Int(String(decoding: field, as: UTF8.self)), value >= 0, value < loadedCount else {
                    return nil
                }
                found.insert(value)
            }
        }
        return found
    }

    /// Adds commit `id`, read from git, with its `parents` and the `cards` its trailers name.
    mutating func add(_ id: ObjectID, parents commitParents: [ObjectID], cards: [String]) {
        guard number[id] == nil else { return }
        let position = commits.count
        number[id] = position
        commits.append(id)
        parents.append(commitParents)
        for card in Set(cards) { addedCards[card, default: []].append(position) }
    }

    /// Writes the file anew, atomically, when commits were added: a concurrent run writes a
    /// whole file too, and either is right. A failed write is ignored: it only costs time.
    func store() {
        guard enabled, hasAdditions else { return }
        var byCard: [String: [Int]] = addedCards
        for line in cardLines {
            let fields = line.dropFirst(2).split(separator: UInt8(ascii: " "))
            guard let name = fields.first else { continue }
            let card = String(decoding: name, as: UTF8.self)
            byCard[card, default: []] += fields.dropFirst().compactMap { Int(String(decoding: $0, as: UTF8.self)) }
        }
        var text = Self.header + "\n"
        for (position, id) in commits.enumerated() {
            text += "c " + ([id] + parents[position]).map(\.hex).joined(separator: " ") + "\n"
        }
        for card in byCard.keys.sorted() {
            text += "n " + card + " " + Set(byCard[card] ?? []).sorted().map(String.init).joined(separator: " ") + "\n"
        }
        var bytes = Data(text.utf8)
        bytes += Data(("sha256 " + CardDigest.sha256Hex(bytes) + "\n").utf8)
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
