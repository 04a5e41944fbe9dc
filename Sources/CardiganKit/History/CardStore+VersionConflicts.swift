import Foundation

/// What a pull request behind its base would break on merging: its versions that the base made too.
struct VersionConflicts: Sendable {
    /// One finding per card: `check-version-conflict`, or `check-rewrite` for a copy of the base's version.
    var findings: [Finding] = []
    /// `card/version` of every version of the pull request from a card's first conflict on: their
    /// tags are the base's, so the tag rules do not judge them.
    var conflicted: Set<String> = []
}

extension CardStore {
    /// The versions of `versions` (made by the pull request since `mergeBase`) that the base
    /// (`base`, named `baseName`) made as well since `mergeBase`. Two different commits
    /// recording one version of a card cannot both enter the record: a commit that copies the
    /// base's (the same digest; the same author, author time and summary, which a rebase or an
    /// amend keeps; or
    /// the version tag moved onto it) is a rewrite of the base's history; any other is a
    /// conflict: merging would record the version twice (`version-duplicate`), so the author
    /// commits the change again on a new branch from the base. A card
    /// that only one side versioned is fine.
    func versionConflicts(
        of versions: [VersionEvent], base: ObjectID, baseName: String, mergeBase: ObjectID
    ) throws -> VersionConflicts {
        var found = VersionConflicts()
        let cards = Set(versions.map(\.card))
        guard !cards.isEmpty else { return found }
        // The versions the base made since the branch point, of the cards the pull request versions.
        var baseMade: [String: (record: CardRecord, commit: CommitInfo)] = [:]
        for id in try repository.commitsOldestFirst(from: base, hiding: [mergeBase]) {
            let commit = try repository.commit(id)
            for record in try lookup.records(in: commit)
            where record.change == .version && cards.contains(record.card) {
                baseMade["\(record.card)/\(record.version)"] = (record, commit)
            }
        }
        guard !baseMade.isEmpty else { return found }
        var reported: Set<String> = []
        for event in versions.sorted(by: { ($0.card, $0.version) < ($1.card, $1.version) }) {
            if reported.contains(event.card) {
                found.conflicted.insert("\(event.card)/\(event.version)")
                continue
            }
            guard let theirs = baseMade["\(event.card)/\(event.version)"], let ours = ObjectID(hex: event.commit)
            else { continue }
            reported.insert(event.card)
            found.conflicted.insert("\(event.card)/\(event.version)")
            let mine = try repository.commit(ours)
            let tag = try repository.resolve(VersionTag.reference(card: event.card, version: event.version))
            let tagMoved = try tag.flatMap { try repository.peelToCommit($0) } == ours
            let location = Location(path: path(of: event.card))
            if tagMoved || theirs.record.digest == event.digest
                || (mine.author == theirs.commit.author && mine.summary == theirs.commit.summary)
            {
                let how =
                    tagMoved
                    ? "its tag '\(VersionTag.name(card: event.card, version: event.version))' was moved onto it"
                    : theirs.record.digest == event.digest ? "the same card" : "the same author, time and summary"
                found.findings.append(
                    Finding(
                        ruleID: .checkRewrite,
                        message:
                            "commit \(ours.short) copies version \(event.version) of '\(event.card)' made on '\(baseName)' in commit \(theirs.commit.id.short) (\(how)): the history was rewritten",
                        location: location,
                        hint: "rebase, amend and force-push rewrite versions; merge the base into the branch instead",
                        commit: event.commit))
            } else {
                found.findings.append(
                    Finding(
                        ruleID: .checkVersionConflict,
                        message:
                            "card '\(event.card)' has version \(event.version) on '\(baseName)' (commit \(theirs.commit.id.short)) and on this branch (commit \(ours.short)): merging would record version \(event.version) twice",
                        location: location,
                        hint:
                            "start a new branch from '\(baseName)' and commit the change to '\(event.card)' there; merging '\(baseName)' into this branch keeps both",
                        commit: event.commit))
            }
        }
        return found
    }
}
