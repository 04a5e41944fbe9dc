import Foundation

/// The version records of a repository's cards, looked up in the commits' trailers and the
/// version tags: a card's last record, its highest and latest tagged versions, the records of a
/// commit. It keeps the last large commit it parsed (see ``CommitRecordsMemo``); each
/// ``CardStore`` has one.
final class RecordLookup {
    /// The repository read.
    let repository: Repository
    /// The last large commit ``lastRecord(of:head:)`` read, its records grouped by card.
    private var memo: CommitRecordsMemo?

    /// The look-ups of `repository`.
    init(repository: Repository) {
        self.repository = repository
    }

    /// The version records in `commit`'s trailers.
    func records(in commit: CommitInfo) throws -> [CardRecord] {
        guard Self.bytes(of: commit.message, contain: "Card: ") else { return [] }  // most commits carry none
        return CardRecord.parse(trailers: try repository.trailers(of: commit.message)).records
    }

    /// The records of card `name` in `commit`'s trailers. A commit whose message does not hold
    /// the name is skipped unparsed: walks for one card pass many commits of others.
    func records(in commit: CommitInfo, of name: String) throws -> [CardRecord] {
        guard Self.bytes(of: commit.message, contain: name), Self.bytes(of: commit.message, contain: "Card: ") else {
            return []
        }
        // Only the card's own trailer groups are parsed: a commit of many cards holds thousands.
        let trailers = try repository.trailers(of: commit.message, groupOf: name)
        return CardRecord.parse(trailers: trailers).records.filter { $0.card == name }
    }

    /// Whether `text` holds `part`, compared as UTF-8 bytes. A plain loop on purpose:
    /// Foundation's `contains` goes through NSString on Linux, and the standard library's
    /// generic `firstRange(of:)` made `log` and `check` several times slower.
    static func bytes(of text: String, contain part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= needle.count else { return false }
            for index in 0...(haystack.count - needle.count) where haystack[index] == first {
                if needle.indices.allSatisfy({ haystack[index + $0] == needle[$0] }) { return true }
            }
            return false
        }
    }

    /// The newest record of `name` in the history of `head`, with its commit.
    ///
    /// Back to the first merge, commits are read one by one from head. Past a merge, the
    /// highest version tag whose commit `head` contains bounds the walk: only commits after it
    /// can hold a newer record.
    func lastRecord(of name: String, head: ObjectID?) throws -> (record: CardRecord, commit: ObjectID)? {
        guard let head else { return nil }
        // On a linear stretch of history the first record met walking back from head is the
        // newest: no graph walk is needed (libgit2's merge-base and hidden walks are slow when
        // many commits share a timestamp, as scripted commits do).
        var current = head
        while true {
            let (found, parents) = try recordsAndParents(of: current, name: name)
            if let record = found.last { return (record, current) }
            if parents.isEmpty { return nil }  // the root: the card has no record
            guard parents.count == 1, let parent = parents.first else { break }
            current = parent  // past a merge, the bounded walk below is right
        }
        var hidden: [ObjectID] = []
        var fallback: (CardRecord, ObjectID)?
        if let tagged = try latestTaggedVersion(of: name, containedIn: head) {
            let commit = try repository.commit(tagged.commit)
            if let record = try records(in: commit, of: name).last {
                fallback = (record, tagged.commit)
                hidden = commit.parents
            }
        }
        let range = try repository.commitsOldestFirst(from: head, hiding: hidden)
        for id in range.reversed() {
            if let record = try records(in: repository.commit(id), of: name).last {
                return (record, id)
            }
        }
        return fallback
    }

    /// The records of `name` in commit `id` and the commit's parents; a large commit is parsed
    /// once and kept (see ``CommitRecordsMemo``), since every card of a big commit asks for it.
    private func recordsAndParents(of id: ObjectID, name: String) throws -> ([CardRecord], [ObjectID]) {
        if let kept = memo, kept.commit == id { return (kept.recordsByCard[name] ?? [], kept.parents) }
        // A commit that does not name the card is passed unparsed and uncopied, large or not: a
        // walk for one card back through many large commits of others (100 cards each) parsed
        // every one of them again for every card, as one memo holds one commit.
        let (parents, named) = try repository.commit(id, ifMessageContains: name)
        guard let commit = named else { return ([], parents) }
        guard commit.message.utf8.count >= CommitRecordsMemo.minimumMessageBytes else {
            return (try records(in: commit, of: name), commit.parents)
        }
        let parsed = CommitRecordsMemo(commit: id, parents: commit.parents, records: try records(in: commit))
        memo = parsed
        return (parsed.recordsByCard[name] ?? [], parsed.parents)
    }

    /// The highest version tag of `name` whose commit `head` contains. The newest tags may
    /// belong to another branch (a pull request's versions, seen from its base), so this steps
    /// down from the highest tag, a few versions at most, before giving up the bound.
    func latestTaggedVersion(of name: String, containedIn head: ObjectID) throws -> (version: Int, commit: ObjectID)? {
        guard let highest = try highestTaggedVersion(of: name) else { return nil }
        for version in stride(from: highest, through: max(1, highest - 7), by: -1) {
            guard let tag = try repository.resolve(VersionTag.reference(card: name, version: version)),
                let commit = try repository.peelToCommit(tag)
            else { continue }
            if try repository.isDescendant(head, of: commit) { return (version, commit) }
        }
        return nil
    }

    /// The highest N with a tag `cards/<name>/vN`, found by probing v1, v2, v4 … and then
    /// bisecting: a handful of reference lookups, where listing the tags would read every one
    /// of them (libgit2 reads each loose tag file when it lists). Versions are 1…N without
    /// gaps; a gap left by a deleted tag can only make this answer low, and its callers treat
    /// the answer as a lower bound that the trailers confirm.
    ///
    /// `guess` (the answer for another card, when listing many) is tried first: two lookups
    /// when it is right.
    func highestTaggedVersion(of name: String, guess: Int? = nil) throws -> Int? {
        try Self.highest(guess: guess) { version in
            try repository.resolve(VersionTag.reference(card: name, version: version)) != nil
        }
    }

    /// ``highestTaggedVersion(of:guess:)`` of each of `names` (a card without version tags is
    /// left out), the same answers from one listing of the version tags' names instead of a few
    /// look-ups per card: at 10,000 cards × 10 versions, `list` made 20,000 look-ups. A packed
    /// tag is known from `packed-refs`; a loose one the probe meets is read, so a damaged file
    /// is the error a look-up gives.
    func highestTaggedVersions(of names: [String]) throws -> [String: Int] {
        var targets: [String: ObjectID] = [:]
        return try highestTaggedVersions(of: names, targets: &targets)
    }

    /// ``highestTaggedVersions(of:)``, and into `targets` the tag each answer's reference points
    /// at, by card name, from the same scan (`list` checks that tag object): a packed one as
    /// `packed-refs` says, a loose one as the probe read it; a card whose answer is neither the
    /// highest packed version nor a loose one the probe read is left out (the caller looks it up).
    func highestTaggedVersions(of names: [String], targets: inout [String: ObjectID]) throws -> [String: Int] {
        let wanted = Set(names)
        var tagged: [String: TaggedCard] = [:]
        var lastName: [UInt8] = []
        var lastCard: String?
        var current = TaggedCard()  // lastCard's, kept in the dictionary when the card changes
        let listed = try repository.forEachReferenceName(under: VersionTag.referencePrefix) { bytes, packedTarget in
            guard let (nameBytes, version) = Self.cardAndVersion(bytes) else { return }
            // Sorted `packed-refs` gives one card's tags in a row: one String and one dictionary
            // update per card, not per tag.
            if !TaggedCard.isSame(nameBytes, as: lastName) {
                if let card = lastCard, !current.isEmpty { tagged[card, default: TaggedCard()].merge(current) }
                current = TaggedCard()
                lastName = Array(nameBytes)
                let card = String(decoding: nameBytes, as: UTF8.self)
                lastCard = wanted.contains(card) ? card : nil
            }
            if lastCard != nil { current.add(version, packedTarget: packedTarget) }
        }
        if let card = lastCard, !current.isEmpty { tagged[card, default: TaggedCard()].merge(current) }
        guard listed else {
            var answers: [String: Int] = [:]
            var guess: Int?
            for name in names {
                answers[name] = try highestTaggedVersion(of: name, guess: guess)
                guess = answers[name] ?? guess
            }
            return answers
        }
        var answers: [String: Int] = [:]
        var guess: Int?
        for name in names {
            guard let versions = tagged[name] else { continue }
            var read: [Int: ObjectID] = [:]
            let answer = try Self.highest(guess: guess) { version in
                if versions.isLoose(version) {
                    read[version] = try repository.resolve(VersionTag.reference(card: name, version: version))
                    return read[version] != nil
                }
                return versions.isPacked(version)
            }
            guard let answer else { continue }
            answers[name] = answer
            targets[name] = read[answer] ?? (answer == versions.top ? versions.topTarget : nil)
            guess = answer
        }
        return answers
    }

    /// The card and version of a version tag's name after `refs/tags/cards/` (`<card>/v<N>`,
    /// N from 1 without leading zeros: the only names a look-up of `v<N>` finds); nil otherwise.
    private static func cardAndVersion(_ bytes: UnsafeBufferPointer<UInt8>) -> (Slice<UnsafeBufferPointer<UInt8>>, Int)?
    {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0, slash + 2 < bytes.count,
            bytes[slash + 1] == UInt8(ascii: "v"), bytes[slash + 2] != UInt8(ascii: "0")
        else { return nil }
        var version = 0
        for digit in bytes[(slash + 2)...] {
            guard digit >= 48, digit <= 57, version < Int.max / 10 - 9 else { return nil }
            version = version * 10 + Int(digit - 48)
        }
        return (bytes[..<slash], version)
    }

    /// The highest N for which `exists(N)`, probing as ``highestTaggedVersion(of:guess:)`` says.
    private static func highest(guess: Int?, exists: (Int) throws -> Bool) throws -> Int? {
        if let guess, guess >= 1, try exists(guess), try !exists(guess + 1) { return guess }
        guard try exists(1) else { return nil }
        var low = 1
        var high = 2
        while try exists(high) {
            low = high
            high *= 2
        }
        while high - low > 1 {  // exists(low), !exists(high)
            let middle = (low + high) / 2
            if try exists(middle) { low = middle } else { high = middle }
        }
        return low
    }
}
