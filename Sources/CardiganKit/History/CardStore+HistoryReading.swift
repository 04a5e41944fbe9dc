import Foundation

/// One commit of the history, read for the rules.
struct HistoryStep {
    var id: ObjectID
    var parents: [ObjectID]
    var facts: CommitFacts
    /// Card files added, changed or deleted (nil) against the first parent.
    var changes: [String: String?]
    /// The key of the schema in force in this commit (see ``CommitSchemas``); empty for a commit
    /// that neither changes nor records a card.
    var schema = ""
}

/// The history of a branch as the rules need it: every commit with its card changes and
/// records, and the bytes of every card blob those changes name.
struct History {
    var steps: [HistoryStep] = []
    var childCount: [ObjectID: Int] = [:]
    /// The card blobs the changes name (hex ids), by the schema of the commit that names them:
    /// each is read and parsed under that one (``CardStore/readSnapshots(of:schemas:)``).
    var blobsBySchema: [String: Set<String>] = [:]
    /// The card each blob was first seen as: blobs are read card by card, so what a card's
    /// versions share is parsed once and then forgotten (see ``SectionMemo``).
    var cardOfBlob: [String: String] = [:]
    /// Entries the commits put in the cards folder that are not card files: a link, a
    /// subfolder, a submodule, a file that is not `<name>.yaml` with a valid name.
    var folderFindings: [Finding] = []
}

extension CardStore {
    /// Reads `commits` (oldest first). Work per commit is one commit read and, when the cards
    /// folder changed, one tree diff; blobs are read once each.
    func readHistory(_ commits: [ObjectID], schemas: CommitSchemas? = nil) throws -> History {
        let schemas = schemas ?? CommitSchemas(repository: repository)
        var history = History()
        history.steps.reserveCapacity(commits.count)
        // Each commit's card changes, known by the two folders' tree ids (see ``TreeDiffCache``).
        let diffs = TreeDiffCache(gitDirectory: repository.gitDirectory, enabled: usesSnapshotCache)
        diffs.load()
        for id in commits {
            let commit = try repository.commit(id)
            for parent in commit.parents { history.childCount[parent, default: 0] += 1 }
            var records: [CardRecord] = []
            var problems: [String] = []
            if RecordLookup.bytes(of: commit.message, contain: "Card") {
                (records, problems) = CardRecord.parse(trailers: try repository.trailers(of: commit.message))
            }
            var changes: [String: String?] = [:]
            var special: [FolderEntryKind] = []
            let changed = try diffs.changedFiles(
                in: cardsDirectory, from: commit.parents.first, to: id, special: &special, repository: repository)
            history.folderFindings += folderFindings(special, changed: changed, commit: id)
            for (fileName, blob) in changed {
                guard let name = CardPaths.cardName(forFileName: fileName) else { continue }
                // One string per blob, shared by the tables: 100,000 versions made 300,000.
                let hex = blob?.hex
                changes.updateValue(hex, forKey: name)  // nil: deleted, kept as a key
                if let hex, history.cardOfBlob[hex] == nil { history.cardOfBlob[hex] = name }
            }
            if commit.parents.count > 1 {
                // A merge's files may come from any parent; read the blobs the other parents bring.
                for entry in try repository.treeEntries(at: cardsDirectory, inCommit: id) where entry.isBlob {
                    if history.cardOfBlob[entry.id.hex] == nil { history.cardOfBlob[entry.id.hex] = entry.name }
                }
            }
            let facts = CommitFacts(
                id: id.hex, parents: commit.parents.map(\.hex), records: records, trailerProblems: problems)
            var step = HistoryStep(id: id, parents: commit.parents, facts: facts, changes: changes)
            if !changes.isEmpty || !records.isEmpty || commit.parents.count > 1 {
                step.schema = try schemas.key(at: id)
                var named = Set(changes.values.compactMap { $0 })
                if commit.parents.count > 1 {
                    for entry in try repository.treeEntries(at: cardsDirectory, inCommit: id) where entry.isBlob {
                        named.insert(entry.id.hex)
                    }
                }
                history.blobsBySchema[step.schema, default: []].formUnion(named)
            }
            history.steps.append(step)
        }
        diffs.store()
        return history
    }

    /// A finding for each entry `commit` added or changed in the cards folder that is not a
    /// card file (a link is never read as a card, whatever its target says).
    func folderFindings(_ special: [FolderEntryKind], changed: [(name: String, blob: ObjectID?)], commit: ObjectID)
        -> [Finding]
    {
        var findings: [Finding] = []
        let kinds = Dictionary(special.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for entry in special where entry.kind == "a folder" || entry.kind == "a submodule" {
            findings.append(
                folderFinding(entry.name, "is \(entry.kind ?? "")", rule: .cardFolderEntry, commit: commit))
        }
        for (name, blob) in changed where blob != nil {
            let shown = cardsDirectory + "/" + name
            guard let card = CardPaths.cardName(forFileName: name) else {
                guard !CardFolderScan.isEditorFile(name) else { continue }
                var finding = folderFinding(
                    name, "is not a card: the cards folder holds only '<name>.yaml' files", rule: .cardFolderEntry,
                    commit: commit)
                finding.severity = .warning  // never read as a card: said, but it stops nothing
                findings.append(finding)
                continue
            }
            if let kind = kinds[name] ?? nil {
                findings.append(
                    folderFinding(
                        name, "is \(kind); a card must be a regular file", rule: .cardFileType, commit: commit))
            } else if let problem = CardName.problem(with: card) {
                findings.append(
                    Finding(
                        ruleID: .cardFileName, message: "file name: \(problem)", location: Location(path: shown),
                        hint: "rename the file; the name of a card is its identity", commit: commit.hex))
            }
        }
        return findings
    }

    private func folderFinding(_ name: String, _ what: String, rule: RuleID, commit: ObjectID) -> Finding {
        let shown = cardsDirectory + "/" + name
        return Finding(
            ruleID: rule, message: "'\(DisplayText.escaped(shown))' \(what)", location: Location(path: shown),
            hint: "keep only '<name>.yaml' files in '\(cardsDirectory)'", commit: commit.hex)
    }

    /// Snapshots of every blob of `history`, each read under the schema of the commit that
    /// names it.
    func readSnapshots(of history: History, schemas: CommitSchemas) throws -> SnapshotTable {
        var table = SnapshotTable()
        for (key, blobs) in history.blobsBySchema {
            table.bySchema[key] = try readSnapshots(
                blobs, validator: schemas.validator(for: key), fingerprint: key, cards: history.cardOfBlob)
        }
        return table
    }

    /// Snapshots of every blob under the workspace's schema.
    func readSnapshots(_ blobs: Set<String>) throws -> SnapshotSet {
        try readSnapshots(
            blobs, validator: (try? workspace.loadSchema()).map(CardValidator.init(schema:)),
            fingerprint: workspace.schemaFingerprint)
    }

    /// Snapshots of every blob, parsed on all cores: parsing is the costly part of `verify`.
    /// The cache is kept per schema (`fingerprint`), so an entry is keyed by blob and schema.
    /// `cards` names the card of each blob, when known: the blobs are then read card by card,
    /// and the section memo keeps only what the cards being read and the cards in common need,
    /// so its memory does not grow with the history.
    func readSnapshots(
        _ blobs: Set<String>, validator: CardValidator?, fingerprint: String, cards: [String: String] = [:]
    ) throws -> SnapshotSet {
        var cache = SnapshotCache(
            gitDirectory: repository.gitDirectory, schemaFingerprint: fingerprint, enabled: usesSnapshotCache)
        var cached = cache.load(only: blobs)
        // Grouped by card, in the order of the cards' names: a blob of no known card is its own group.
        let groups = Dictionary(grouping: blobs.filter { cached[$0] == nil }.compactMap(ObjectID.init(hex:))) {
            cards[$0.hex] ?? $0.hex
        }.sorted { $0.key < $1.key }.map(\.value)
        guard !groups.isEmpty else { return cached }
        // Each worker reads its blobs itself: a fresh clone's `verify` inflates 10,000 of them
        // from the pack, a fifth of its time when done on one thread ahead of the parsing.
        let objects = try ObjectDatabase(of: repository)
        let sections = SectionMemo()
        let finished = SharedCounter()
        let read = { @Sendable (group: [ObjectID]) in
            let results = group.map { id in
                Result {
                    let size = try objects.objectSize(id)
                    guard size <= SafeYAMLLoader.maximumBytes else {
                        return CardSnapshot(problem: CardFileReader.sizeFinding(id.hex, size: size).message)
                    }
                    return CardSnapshot.read(
                        try objects.readBlob(id), validator: validator, path: id.hex, sections: sections)
                }
            }
            // Every 32 cards, what no card used in the last 64 is forgotten: the cards are
            // read roughly in order, a few at a time, so those are the ones done with.
            if finished.increment() % 32 == 0 { sections.forget(unusedFor: 2) }
            return results
        }
        var results = ObjectDatabase.isSharedSafely ? concurrentMap(groups, read) : groups.map(read)
        var learned = SnapshotSet()
        learned.reserveCapacity(groups.reduce(0) { $0 + $1.count })
        for (index, group) in groups.enumerated() {
            // Each group's results are let go once in the table, not held beside all of it.
            let groupResults = results[index]
            results[index] = []
            for (id, result) in zip(group, groupResults) { learned[id.hex] = try result.get() }
        }
        cache.store(learned)
        // The two hold different blobs (only what the cache did not know was read): the smaller
        // goes into the larger, in place, not both into a third table beside them.
        if learned.count < cached.count { swap(&learned, &cached) }
        learned.add(cached)
        return learned
    }

    /// Every reference under `refs/tags/cards/` with what its tag object says, except the
    /// references named in `excluded`.
    func readVersionTags(excluding excluded: Set<String> = []) throws -> [VersionTagFacts] {
        try readVersionTags(
            of: repository.references(matching: VersionTag.referencePrefix + "*").filter { !excluded.contains($0.name) }
        )
    }

    /// The version tags among `references` that exist, or that `pushed` is about to create.
    func readVersionTags(only references: [String], pushed: [String: ObjectID] = [:]) throws -> [VersionTagFacts] {
        try readVersionTags(of: resolve(references, pushed: pushed))
    }

    /// `references` with their targets, those that exist or that `pushed` gives: a server hook
    /// sees a push's new tags before they exist.
    func resolve(_ references: [String], pushed: [String: ObjectID]) throws -> [(name: String, target: ObjectID)] {
        try references.compactMap { name in try (pushed[name] ?? repository.resolve(name)).map { (name, $0) } }
    }

    /// What each of the version tag `references` says (those not named `cards/<name>/v<N>` are
    /// left out). With `cache`, a tag object it knows (and the object database holds) is not
    /// read again, and what the others give is noted in it.
    func readVersionTags(
        of references: [(name: String, target: ObjectID)], cache: VersionTagCache? = nil
    ) throws -> [VersionTagFacts] {
        var facts: [VersionTagFacts] = []
        facts.reserveCapacity(references.count)
        let objects = cache != nil ? try ObjectDatabase(of: repository) : nil
        for reference in references {
            guard let parsed = VersionTag.parse(reference: reference.name) else { continue }
            // Known by its id, which names its bytes: only whether it is still there is asked.
            if let known = cache?.entry(for: reference.target), objects?.contains(reference.target) == true {
                facts.append(
                    VersionTagFacts(
                        reference: reference.name, card: parsed.card, version: parsed.version,
                        objectID: reference.target.hex, isAnnotated: true, targetCommit: known.targetCommit,
                        digest: known.digest, previous: known.previous))
                continue
            }
            let tag = try repository.tag(reference.target)
            let fields = tag.map { VersionTag.fields(inMessage: $0.message) } ?? []
            let fact = VersionTagFacts(
                reference: reference.name, card: parsed.card, version: parsed.version,
                objectID: reference.target.hex, isAnnotated: tag != nil,
                targetCommit: try commit(taggedBy: tag, reference: reference.target)?.hex,
                digest: fields.first { $0.key == "Card-Digest" }?.value,
                previous: fields.first { $0.key == "Previous" }?.value)
            if let tag, tag.targetIsCommit, let target = fact.targetCommit {
                // The fact's strings, not copies: 100,000 new tags are noted at once.
                cache?.note(
                    reference.target,
                    VersionTagCache.Entry(targetCommit: target, digest: fact.digest, previous: fact.previous))
            }
            facts.append(fact)
        }
        return facts
    }

    /// The commit a tag reference leads to. An annotated tag names its target and the target's
    /// type, so reading the tag is enough; only other objects are peeled.
    func commit(taggedBy tag: TagInfo?, reference target: ObjectID) throws -> ObjectID? {
        if let tag, tag.targetIsCommit { return tag.target }
        return try repository.peelToCommit(target)
    }
}

extension CardStore {
    /// `references` (version tags) in the order of the commits that made their versions, those
    /// of no version last: a repository as cardigan writes it holds a pack per commit, with that
    /// commit's tag objects, and libgit2 looks an object up pack after pack from the one it last
    /// found an object in; read card by card, each tag was looked for in some 600 packs.
    func inCommitOrder(
        _ references: [(name: String, target: ObjectID)], versions: [VersionEvent], commits: [ObjectID]
    ) -> [(name: String, target: ObjectID)] {
        var position: [String: Int] = [:]
        position.reserveCapacity(commits.count)
        for (index, commit) in commits.enumerated() { position[commit.hex] = index }
        var made: [String: Int] = [:]
        made.reserveCapacity(versions.count)
        for event in versions {
            made[VersionTag.reference(card: event.card, version: event.version)] = position[event.commit] ?? Int.max
        }
        // Each reference's position worked out once: looked up in the comparison, the names
        // were hashed some 3.4 million times for 100,000 tags, a tenth of a warm `verify`.
        let keys = references.map { made[$0.name] ?? Int.max }
        return references.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
            .map { references[$0] }
    }
}
