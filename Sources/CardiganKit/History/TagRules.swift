/// What a reference under `refs/tags/cards/` holds.
struct VersionTagFacts: Sendable {
    var reference: String
    var card: String
    var version: Int
    /// The object the reference points at (the tag object for an annotated tag).
    var objectID: String
    /// Whether it is an annotated tag.
    var isAnnotated: Bool
    /// The commit it points at, after peeling.
    var targetCommit: String?
    /// The digest its message gives.
    var digest: String?
    /// The `Previous:` its message gives.
    var previous: String?
}

/// A card and one of its versions: what a version tag is keyed by.
struct CardVersion: Hashable {
    var card: String
    var version: Int

    init(_ card: String, _ version: Int) {
        self.card = card
        self.version = version
    }
}

/// The version tag rules (`version-tag-*`, `version-chain`, `version-pending`, `version-orphaned`):
/// every version on the branch has its annotated tag on its commit, with
/// its digest, in an unbroken `Previous:` chain; and every version tag belongs to a version on
/// the branch (or is pending on another branch). A tag for a version no commit makes is stray
/// when the branch contains its commit (`version-tag-stray`), orphaned when no branch does.
struct TagRules {
    let cardsDirectory: String
    let branch: String
    private(set) var findings: [Finding] = []
    /// Where a finding about a tag that names no card is placed, given the tag's reference.
    var referenceLocation: (String) -> Location? = { _ in nil }

    init(cardsDirectory: String, branch: String) {
        self.cardsDirectory = cardsDirectory
        self.branch = branch
    }

    /// Checks `tags` against the `versions` made on the branch. `branchContains` says whether the
    /// protected branch contains a commit; `isOnOtherBranch` whether a branch other than the
    /// protected one reaches it. `earlierTags` are read
    /// only as the ends of `Previous:` chains (a pull request's first version of a card chains
    /// to a tag on its base), never checked themselves. A tag named in `damaged` (its reference
    /// file is broken, reported as ``RuleID/tagReferenceDamaged``) is not reported missing too.
    mutating func check(
        versions: [VersionEvent], tags: [VersionTagFacts], earlierTags: [VersionTagFacts] = [],
        damaged: Set<String> = [], branchContains: (String) -> Bool = { _ in false },
        isOnOtherBranch: (String) -> Bool
    ) -> [VersionEvent] {
        var missing: [VersionEvent] = []
        // Keyed by card and version, not by a string made of them: 100,000 tags made 300,000
        // strings, and the chain ends are looked up in both tables instead of a merged copy.
        var tagsByKey: [CardVersion: Int] = [:]
        tagsByKey.reserveCapacity(tags.count)
        for (index, tag) in tags.enumerated() where tagsByKey[CardVersion(tag.card, tag.version)] == nil {
            tagsByKey[CardVersion(tag.card, tag.version)] = index
        }
        let earlierByKey = Dictionary(
            earlierTags.map { (CardVersion($0.card, $0.version), $0.objectID) }, uniquingKeysWith: { first, _ in first }
        )
        func chainEnd(_ key: CardVersion) -> String? { tagsByKey[key].map { tags[$0].objectID } ?? earlierByKey[key] }
        var seen: Set<CardVersion> = []
        seen.reserveCapacity(versions.count)
        for event in versions {
            let key = CardVersion(event.card, event.version)
            seen.insert(key)
            let name = VersionTag.name(card: event.card, version: event.version)
            guard let tag = tagsByKey[key].map({ tags[$0] }) else {
                if damaged.contains(name) { continue }
                missing.append(event)
                report(
                    .versionTagMissing, "tag '\(name)' of version \(event.version) is missing", card: event.card,
                    commit: event.commit, hint: "'cardigan verify --repair' re-creates it from the commit's trailers")
                continue
            }
            guard tag.isAnnotated else {
                report(
                    .versionTagLightweight, "tag '\(name)' is not an annotated tag", card: event.card,
                    commit: event.commit,
                    hint: "a lightweight tag carries no digest or chain; it was not made by cardigan")
                continue
            }
            if tag.targetCommit != event.commit {
                let target = tag.targetCommit.map { "commit \($0.prefix(12))" } ?? "nothing"
                report(
                    .versionTagMoved,
                    "tag '\(name)' points at \(target), not at the commit that made version \(event.version)",
                    card: event.card, commit: event.commit,
                    hint: "version tags never move; the history was rewritten or the tag was moved by hand")
                continue
            }
            if tag.digest != event.digest {
                report(
                    .versionTagMismatch,
                    "tag '\(name)' gives digest \(tag.digest ?? "none"), but the version has \(event.digest)",
                    card: event.card, commit: event.commit)
            }
            let expectedPrevious = event.version > 1 ? chainEnd(CardVersion(event.card, event.version - 1)) : nil
            if event.version > 1, let expectedPrevious, tag.previous != expectedPrevious {
                report(
                    .versionChain,
                    "tag '\(name)' names previous tag \(tag.previous.map { String($0.prefix(12)) } ?? "none"), but '\(VersionTag.name(card: event.card, version: event.version - 1))' is \(expectedPrevious.prefix(12))",
                    card: event.card, commit: event.commit,
                    hint: "an earlier version tag was deleted and recreated, or moved")
            } else if event.version == 1, tag.previous != nil {
                report(
                    .versionChain, "tag '\(name)' of version 1 names a previous tag", card: event.card,
                    commit: event.commit)
            }
        }
        for tag in tags where !seen.contains(CardVersion(tag.card, tag.version)) {
            let name = VersionTag.name(card: tag.card, version: tag.version)
            if let commit = tag.targetCommit, branchContains(commit) {
                let kind = tag.isAnnotated ? "tag" : "lightweight tag"
                report(
                    .versionTagStray,
                    "\(kind) '\(name)' names version \(tag.version) of '\(tag.card)', which no commit on '\(branch)' makes; the commit it points at is on '\(branch)'",
                    card: tag.card, commit: commit,
                    hint: "the tag was made by hand, not by 'cardigan commit'; delete it: git tag -d \(name)")
            } else if let commit = tag.targetCommit, isOnOtherBranch(commit) {
                findings.append(
                    Finding(
                        ruleID: .versionPending, severity: .warning,
                        message: "version tag '\(name)' is on a branch not yet merged into '\(branch)'",
                        location: Location(path: CardPaths.path(of: tag.card, in: cardsDirectory)),
                        hint: "merge it with a merge commit or a fast-forward; never squash or rebase card branches",
                        commit: commit))
            } else {
                report(
                    .versionOrphaned,
                    tag.targetCommit == nil
                        ? "tag '\(name)' points at no commit"
                        : "tag '\(name)' points at a commit that '\(branch)' does not contain",
                    card: tag.card, commit: tag.targetCommit,
                    hint:
                        "the history was rewritten (amend, rebase, reset) or squash-merged; restore the branch to a head that contains it"
                )
            }
        }
        return missing
    }

    /// Reports each of `references` (all under `refs/tags/cards/`) whose name is not
    /// `cards/<name>/v<N>` (`version-tag-name`): such a tag is read as no version at all. It is
    /// placed at the file of the card it names when that is one of `cards` (the cards the branch
    /// versions), otherwise at its reference: a card file that does not exist is no location.
    mutating func checkNames(_ references: [String], cards: Set<String>) {
        for reference in references {
            guard let problem = VersionTag.nameProblem(reference: reference) else { continue }
            let name = String(reference.dropFirst("refs/tags/".count))
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            let card = parts.count == 3 && cards.contains(String(parts[1])) ? String(parts[1]) : nil
            findings.append(
                Finding(
                    ruleID: .versionTagName, message: "tag '\(name)' is not a version tag name: \(problem)",
                    location: card.map { Location(path: CardPaths.path(of: $0, in: cardsDirectory)) }
                        ?? referenceLocation(reference),
                    hint:
                        "tags under 'cards/' are cardigan's version tags 'cards/<name>/v<N>'; delete it: git tag -d \(name)"
                ))
        }
    }

    private mutating func report(_ rule: RuleID, _ message: String, card: String, commit: String?, hint: String? = nil)
    {
        findings.append(
            Finding(
                ruleID: rule, message: message, location: Location(path: CardPaths.path(of: card, in: cardsDirectory)),
                hint: hint, commit: commit))
    }
}
