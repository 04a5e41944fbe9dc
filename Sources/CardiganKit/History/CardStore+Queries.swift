import Foundation

/// One entry of a card's audit trail.
public struct AuditEntry: Sendable {
    /// What the commit recorded.
    public var record: CardRecord
    /// The commit's id.
    public var commit: String
    /// Who made it.
    public var author: String
    /// The author's email.
    public var email: String
    /// When, in seconds since 1970.
    public var time: Int64
    /// The first line of the commit message.
    public var summary: String
}

/// A card as of one version.
public struct CardVersionView: Sendable {
    /// The record of that version (the latest status change when it is the latest version).
    public var record: CardRecord
    /// The commit the file is read from.
    public var commit: String
    /// The card file's text.
    public var text: String
    /// The card's tree.
    public var root: ValueNode
    /// The version's status timeline: every commit that recorded it, and what superseded it.
    public var timeline: VersionTimeline?
}

/// One line of `cardigan list`.
public struct CardSummary: Sendable {
    /// The card's name.
    public var name: String
    /// The latest version, nil for a card never versioned.
    public var version: Int?
    /// The status in the branch's file.
    public var status: String?
    /// `intended_uses.risk_rating`.
    public var riskRating: String?
    /// The linked model package.
    public var modelPackage: String?
}

/// What `cardigan list` shows: the cards, and what ``CardStore/misnamedCardFiles(alongside:)``
/// needs of the branch to name the files that are not cards.
public struct CardListing: Sendable {
    /// The cards, sorted by name.
    public var cards: [CardSummary]
    /// The names, from their file names, of the branch's `.yaml` files in the cards folder that
    /// are not card names.
    var misnamedOnBranch: Set<String>
}

extension CardStore {
    /// The audit trail of `name` on the current branch, oldest first: every version, status
    /// change and format commit, with who, when, the commit and its message.
    public func auditTrail(of name: String) throws -> [AuditEntry] {
        try CardName.require(name)
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch) else {
            throw CardiganError("no card '\(name)' on '\(branch)'", hint: "the branch has no commits yet")
        }
        // The commits are the record and any of them may name the card: the index of which
        // commits name which card (``auditCandidates(of:head:ignoringIndexFile:)``) gives those
        // that may, and each is read and parsed as every commit was before it. Read as `verify`
        // reads, not hashed again (see ``hashesObjectsOnRead(for:)``).
        prepareObjectReads(for: .log)
        Libgit2.keepCommitsInCache(upTo: 1 << 20)
        var entries = try auditEntries(of: name, candidates: auditCandidates(of: name, head: head))
        if entries == nil {
            // The index gave a commit parents it does not have: not what cardigan wrote; built anew.
            entries = try auditEntries(
                of: name, candidates: auditCandidates(of: name, head: head, ignoringIndexFile: true))
        }
        let found = entries ?? []
        if found.isEmpty, try repository.blob(at: path(of: name), inCommit: head) == nil {
            throw CardiganError("no card '\(name)' on '\(branch)'")
        }
        return found
    }

    /// Card `name` as of `version` (the latest when nil), read from the branch.
    public func show(_ name: String, version: Int?) throws -> CardVersionView {
        try CardName.require(name)
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch),
            let latest = try lookup.lastRecord(of: name, head: head)
        else {
            throw CardiganError("card '\(name)' has no committed version on '\(branch)'")
        }
        var record = latest.record
        // The latest version is read from the card's last record, not from the branch head,
        // which may be a commit about another card.
        var commit = latest.commit
        var older = false
        if let version, version != latest.record.version {
            guard version >= 1, version < latest.record.version else {
                throw CardiganError("card '\(name)' has versions 1 to \(latest.record.version), not \(version)")
            }
            guard let found = try versionCommit(of: name, version: version, head: head) else {
                throw CardiganError("version \(version) of '\(name)' is not in the history of '\(branch)'")
            }
            (record, commit) = found
            older = true
        }
        // A version's status is the last one it reached, not the one of the commit that made it:
        // an older version is read from the commit that set its last status (same content).
        let timeline = VersionTimeline.timelines(from: try auditTrail(of: name)).last { $0.version == record.version }
        if let timeline {
            record.status = timeline.status
            if older, let last = timeline.statusEvent.flatMap({ ObjectID(hex: $0.commit) }) { commit = last }
        }
        guard let bytes = try repository.blob(at: path(of: name), inCommit: commit),
            let root = SafeYAMLLoader.load(Data(bytes), path: path(of: name)).root
        else {
            throw CardiganError("card '\(name)' cannot be read in commit \(commit.short)")
        }
        return CardVersionView(
            record: record, commit: commit.hex, text: String(decoding: bytes, as: UTF8.self), root: root,
            timeline: timeline)
    }

    /// The commit and record of `version` of `name`: found through its tag when the tag is
    /// sound, otherwise by walking the branch (the commit is the truth).
    func versionCommit(of name: String, version: Int, head: ObjectID) throws -> (CardRecord, ObjectID)? {
        if let tag = try repository.resolve(VersionTag.reference(card: name, version: version)),
            let commit = try repository.peelToCommit(tag), try repository.isDescendant(head, of: commit),
            let record = try lookup.records(in: repository.commit(commit)).last(where: {
                $0.card == name && $0.version == version
            })
        {
            return (record, commit)
        }
        for id in try repository.commitsOldestFirst(from: head) {
            if let record = try lookup.records(in: repository.commit(id)).first(where: {
                $0.card == name && $0.version == version && $0.change == .version
            }) {
                return (record, id)
            }
        }
        return nil
    }

    /// Every card on the branch with its latest version (from the version tags), status, risk
    /// rating and link (from the branch's file), sorted by name.
    public func listCards(status: CardStatus? = nil) throws -> [CardSummary] {
        try listCards(onBranch: try currentBranch(), status: status)
    }

    /// What `cardigan list` prints: ``listCards(status:)``, and the names of the branch's card
    /// files that are not card names, from the same reading of the branch's cards tree, for
    /// ``misnamedCardFiles(alongside:)``.
    public func listing(status: CardStatus? = nil) throws -> CardListing {
        prepareObjectReads(for: .list)
        return try listing(onBranch: try currentBranch(), status: status)
    }

    func listCards(onBranch branch: String, status: CardStatus? = nil) throws -> [CardSummary] {
        try listing(onBranch: branch, status: status).cards
    }

    func listing(onBranch branch: String, status: CardStatus?) throws -> CardListing {
        guard let head = try repository.resolve(branch) else { return CardListing(cards: [], misnamedOnBranch: []) }
        var blobs: [(name: String, blob: String)] = []
        var misnamed = Set<String>()
        for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
            guard let name = CardPaths.cardName(forFileName: entry.name) else { continue }
            // A file whose name is not a card name is not a card (``misnamedCardFiles()``).
            guard CardName.isValid(name) else {
                misnamed.insert(name)
                continue
            }
            blobs.append((name, entry.id.hex))
        }
        let fields = try listedFields(of: Set(blobs.map(\.blob)))
        var summaries: [CardSummary] = []
        let shownNames = blobs.filter { status == nil || fields[$0.blob]?.status == status }.map(\.name)
        let versions = try listedVersions(of: shownNames, every: status == nil)
        for (name, blob) in blobs {
            let shown = fields[blob]
            guard status == nil || shown?.status == status else { continue }
            let version = versions[name]
            summaries.append(
                CardSummary(
                    name: name, version: version, status: shown?.status?.rawValue, riskRating: shown?.riskRating,
                    modelPackage: shown?.modelPackage))
        }
        return CardListing(cards: summaries.sorted { $0.name < $1.name }, misnamedOnBranch: misnamed)
    }

    /// What `list` shows of each of `blobs`: from `list`'s cache, else read from the blob on
    /// every core and remembered there. A blob is parsed whole but neither validated nor
    /// digested: `list` shows nothing of either, and a first `list` on a fresh clone need not
    /// compile the schema.
    func listedFields(of blobs: Set<String>) throws -> [String: ListedFields] {
        var cache = ListCache(gitDirectory: repository.gitDirectory, enabled: usesSnapshotCache)
        let cached = cache.load(only: blobs)
        let missing = blobs.filter { cached[$0] == nil }.compactMap(ObjectID.init(hex:))
        guard !missing.isEmpty else { return cached }
        var learned: [String: ListedFields] = [:]
        let objects = try ObjectDatabase(of: repository)
        let sections = SectionMemo()
        let read = { @Sendable (id: ObjectID) in
            Result { try ListedFields.read(objects.readBlob(id), path: id.hex, sections: sections) }
        }
        let results = ObjectDatabase.isSharedSafely ? concurrentMap(missing, read) : missing.map(read)
        for (id, result) in zip(missing, results) { learned[id.hex] = try result.get() }
        cache.store(learned)
        return cached.merging(learned) { kept, _ in kept }
    }
}
