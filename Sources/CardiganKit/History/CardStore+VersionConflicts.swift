import Foundation

/// What a pull request behind its base would break on merging: the cards both sides changed.
struct VersionConflicts: Sendable {
    /// One finding per card: `check-version-conflict`, or `check-rewrite` for a copy of the base's version.
    var findings: [Finding] = []
    /// `card/version` of every version of the pull request from a card's first version conflict
    /// on: their tags are the base's, so the tag rules do not judge them.
    var conflicted: Set<String> = []
}

extension CardStore {
    /// The cards of `changed` (the pull request's, from `mergeBase` to `head`, whose versions are
    /// `versions`) that the base (`base`, named `baseName`) changed as well since `mergeBase`.
    ///
    /// Two commits recording one version of a card cannot both enter the record: a commit that
    /// copies the base's (the same digest; the same author, author time and summary, which a
    /// rebase, a cherry-pick or an amend keeps; or the base's version tag moved onto it) is a
    /// rewrite of the base's history, any other a conflict. A card both sides changed in
    /// different ways is a conflict too: git's merge of the two files is a change neither side
    /// recorded. Merging the base into the branch mends neither (the merge holds both), so the
    /// author commits the change again on a new branch from the base. A card that only one side
    /// changed, or that both changed alike, is fine.
    func versionConflicts(
        of versions: [VersionEvent], changed: [String], base: ObjectID, baseName: String, mergeBase: ObjectID,
        head: ObjectID
    ) throws -> VersionConflicts {
        var found = VersionConflicts()
        let cards = Set(changed)
        guard !cards.isEmpty else { return found }
        // The records the base made since the branch point of the cards the pull request changes.
        var baseVersions: [String: (record: CardRecord, commit: CommitInfo)] = [:]
        var baseLast: [String: (record: CardRecord, commit: CommitInfo)] = [:]
        for id in try repository.commitsOldestFirst(from: base, hiding: [mergeBase]) {
            let commit = try repository.commit(id)
            for record in try lookup.records(in: commit) where cards.contains(record.card) {
                baseLast[record.card] = (record, commit)
                if record.change == .version { baseVersions["\(record.card)/\(record.version)"] = (record, commit) }
            }
        }
        var reported: Set<String> = []
        for event in versions.sorted(by: { ($0.card, $0.version) < ($1.card, $1.version) }) {
            if reported.contains(event.card) {
                found.conflicted.insert("\(event.card)/\(event.version)")
                continue
            }
            guard let theirs = baseVersions["\(event.card)/\(event.version)"], let ours = ObjectID(hex: event.commit)
            else { continue }
            reported.insert(event.card)
            found.conflicted.insert("\(event.card)/\(event.version)")
            found.findings.append(try sameVersion(event, ours: ours, theirs: theirs, baseName: baseName))
        }
        for name in cards.sorted() where !reported.contains(name) {
            let file = path(of: name)
            let before = try repository.blobID(at: file, inCommit: mergeBase)
            let onBase = try repository.blobID(at: file, inCommit: base)
            let onHead = try repository.blobID(at: file, inCommit: head)
            guard onBase != before, onHead != before, onBase != onHead else { continue }
            let what = baseLast[name].map { last in
                let change =
                    last.record.change == .status
                    ? "status \(last.record.status.rawValue)" : "version \(last.record.version)"
                return " (\(change), commit \(last.commit.id.short))"
            }
            found.findings.append(
                Finding(
                    ruleID: .checkVersionConflict,
                    message:
                        "card '\(name)' was changed on '\(baseName)'\(what ?? "") and on this branch since they parted: merging would change it without a record",
                    location: Location(path: file),
                    hint: "start a new branch from '\(baseName)' and commit the change to '\(name)' there"))
        }
        return found
    }

    /// The finding for version `event` of the pull request's commit `ours`, a version the base
    /// made too (`theirs`): a copy of it (a rewrite), or another version of the same number.
    private func sameVersion(
        _ event: VersionEvent, ours: ObjectID, theirs: (record: CardRecord, commit: CommitInfo), baseName: String
    ) throws -> Finding {
        let mine = try repository.commit(ours)
        let tag = try repository.resolve(VersionTag.reference(card: event.card, version: event.version))
        let tagMoved = try tag.flatMap { try repository.peelToCommit($0) } == ours
        let sameCard = theirs.record.digest == event.digest
        let location = Location(path: path(of: event.card))
        guard tagMoved || sameCard || (mine.author == theirs.commit.author && mine.summary == theirs.commit.summary)
        else {
            return Finding(
                ruleID: .checkVersionConflict,
                message:
                    "card '\(event.card)' has version \(event.version) on '\(baseName)' (commit \(theirs.commit.id.short)) and on this branch: merging would record version \(event.version) twice",
                location: location,
                hint:
                    "start a new branch from '\(baseName)' and commit the change to '\(event.card)' there; merging '\(baseName)' into this branch keeps both",
                commit: event.commit)
        }
        let how =
            tagMoved
            ? "its tag '\(VersionTag.name(card: event.card, version: event.version))' was moved onto it"
            : sameCard ? "the same card" : "the same author, time and summary"
        return Finding(
            ruleID: .checkRewrite,
            message:
                "this branch copies version \(event.version) of '\(event.card)' made on '\(baseName)' in commit \(theirs.commit.id.short) (\(how)): the history was rewritten",
            location: location,
            hint: "rebase, amend and force-push rewrite versions; merge the base into the branch instead",
            commit: event.commit)
    }
}
