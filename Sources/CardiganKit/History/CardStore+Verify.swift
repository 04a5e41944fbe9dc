import Foundation

/// What `cardigan verify` found.
public struct VerifyResult: Sendable {
    /// Every broken rule, sorted.
    public var findings: [Finding] = []
    /// How many commits of the branch were read.
    public var commitCount = 0
    /// How many versions the branch records.
    public var versionCount = 0
    /// How many version tags were checked.
    public var tagCount = 0
    /// How many link tags were checked.
    public var linkTagCount = 0
    /// The tags `--repair` re-created.
    public var repairedTags: [String] = []
    /// What `--repair` finished of an interrupted commit (its tags, working files, index).
    public var notes: [String] = []
}

extension CardStore {
    /// `cardigan verify`: the history and tag rules over the whole history of `branch` (the protected
    /// branch by default) and every tag under `cards/`, and the checkpoint rules against `checkpoint`. With
    /// `repair`, re-creates missing version tags from the commits' trailers, and nothing else.
    public func verify(branch: String? = nil, checkpoint: Checkpoint? = nil, repair: Bool = false) throws
        -> VerifyResult
    {
        let branchReference = branch.map { $0.hasPrefix("refs/") ? $0 : "refs/heads/" + $0 } ?? protectedBranch
        let branchName = branchReference.replacingOccurrences(of: "refs/heads/", with: "")
        var result = VerifyResult()
        // Objects are read as git reads them, not hashed again on every read; the uncached
        // audit re-hashes each one (see ``hashesObjectsOnRead(for:)``).
        prepareObjectReads(for: .verify)
        Libgit2.setObjectCacheLimit(bytes: 16 << 20)
        Libgit2.setPackMappingLimit(bytes: 32 << 20)
        if repair {
            // A commit killed after its branch moved is finished first (tags, files, index).
            let lock = try CommitLock(gitDirectory: repository.gitDirectory)
            defer { withExtendedLifetime(lock) {} }
            result.notes = try finishInterruptedCommit()
        }
        guard let head = try repository.resolve(branchReference) else {
            throw CardiganError(
                "no branch '\(branchName)'", hint: "name the protected branch with --branch or in .cardigan.yaml")
        }
        let commits = try repository.commitsOldestFirst(from: head)
        result.commitCount = commits.count
        // The history and its snapshots are let go before the tags are read (see ``judgeHistory``).
        let judged = try judgeHistory(commits)
        // What the history and its snapshots held is free now, but the allocator keeps its
        // pages: given back, the tags read next start from the memory still in use.
        Allocator.releaseFreePages()
        let rules = judged.rules
        result.versionCount = rules.versions.count
        result.findings = rules.findings + judged.folderFindings

        // A damaged tag reference is reported as such, and read as no tag at all, as git reads it.
        let damaged = try damagedTagReferences()
        result.findings += damaged.map(damagedTagFinding)
        let damagedReferences = Set(damaged.map(\.name))
        let damagedTags = Set(damaged.map { $0.name.replacingOccurrences(of: "refs/tags/", with: "") })
        // One listing of the version tag references for both their facts and their names: on a
        // repository as cardigan writes it, each listing opens every tag's reference file.
        let versionReferences = try repository.references(matching: VersionTag.referencePrefix + "*")
            .filter { !damagedReferences.contains($0.name) }
        // A tag object read by an earlier run is known by its id (see ``VersionTagCache``).
        let tagCache = VersionTagCache(gitDirectory: repository.gitDirectory, enabled: usesSnapshotCache)
        tagCache.load()
        var tagFacts = try readVersionTags(
            of: inCommitOrder(versionReferences, versions: rules.versions, commits: commits), cache: tagCache)
        tagCache.store()
        // Sorted in place: a sorted copy of 100,000 facts was held beside them.
        tagFacts.sort { $0.reference < $1.reference }
        result.tagCount = tagFacts.count
        let otherBranches = try repository.references(matching: "refs/heads/*").filter { $0.name != branchReference }
            .map(\.target)
        var tagRules = TagRules(cardsDirectory: cardsDirectory, branch: branchName)
        tagRules.referenceLocation = referenceLocation
        let branchCommits = Set(commits.map(\.hex))
        var missing = tagRules.check(
            versions: rules.versions, tags: tagFacts, damaged: damagedTags, branchContains: branchCommits.contains
        ) { commit in
            guard let id = ObjectID(hex: commit) else { return false }
            return otherBranches.contains { (try? self.repository.isDescendant($0, of: id)) ?? false }
        }
        // A reference read as a version tag above has a version tag's name: only the others
        // can be misnamed (checking all 100,000 names was 9% of a warm run's instructions).
        if tagFacts.count < versionReferences.count {
            let named = Set(tagFacts.map(\.reference))
            tagRules.checkNames(
                versionReferences.map(\.name).filter { !named.contains($0) }, cards: Set(rules.versions.map(\.card)))
        }
        result.findings += tagRules.findings

        let linkTags = try readLinkTags(excluding: damagedReferences)
        var linkRules = LinkRules(cardsDirectory: cardsDirectory)
        linkRules.referenceLocation = referenceLocation
        var missingLinks = linkRules.check(
            links: rules.links, tags: linkTags, damaged: damagedTags,
            problem: { tag in
                try? self.linkTagProblem(
                    package: tag.package, isAnnotated: tag.isAnnotated, card: tag.card, cardVersion: tag.cardVersion,
                    commit: tag.targetCommit.flatMap(ObjectID.init(hex:)), head: head)
            },
            linkedARN: { link in
                if let known = judged.linkedARNs[link] { return known }
                guard let commit = ObjectID(hex: link.commit) else { return nil }
                return (try? self.linkedARN(of: link.card, in: commit)) ?? nil
            })
        result.findings += linkRules.findings
        // A tag is re-made only from a record its commit's tree agrees with: a forged trailer
        // must never become a tag.
        missing.removeAll { rules.contradicted.contains("\($0.card)@\($0.commit)") }
        missingLinks.removeAll { rules.contradicted.contains("\($0.card)@\($0.commit)") }
        result.findings = result.findings.map { finding in
            guard finding.ruleID == .versionTagMissing || finding.ruleID == .linkTagMissing,
                let card = finding.location.flatMap({
                    CardPaths.cardName(forFileName: ($0.path as NSString).lastPathComponent)
                }),
                let commit = finding.commit, rules.contradicted.contains("\(card)@\(commit)")
            else { return finding }
            var kept = finding
            kept.hint = "not re-created by '--repair': the commit's trailers contradict its tree ('record-mismatch')"
            return kept
        }
        result.linkTagCount = linkTags.count
        if tagFacts.isEmpty, linkTags.isEmpty, !rules.versions.isEmpty {
            result.findings = result.findings.map(Self.withFetchTagsHint)
        }
        if let checkpoint {
            result.findings += try check(checkpoint, head: head, branch: branchReference)
        }
        result.findings = placedInRepository(located(result.findings, in: head), branch: branchReference)
        if repair, !missing.isEmpty || !missingLinks.isEmpty {
            // Check again from scratch, so what is reported is the repaired repository.
            let repaired = try recreate(missing) + recreate(missingLinks)
            var again = try verify(branch: branch, checkpoint: checkpoint, repair: false)
            again.repairedTags = repaired
            again.notes = result.notes
            return again
        }
        result.findings.sort()
        return result
    }

    /// The hint for a clone that has no card or link tag at all: it was made without tags
    /// (`git clone --no-tags`, a CI checkout without `fetch-tags`), and fetching them is the fix.
    static let fetchTagsHint =
        "this clone has no card or link tags at all: fetch them with 'git fetch --tags origin' (in CI, check out with fetch-tags: true)"

    /// Whether the repository has any tag at all (under `refs/tags/`, loose or packed): a clone
    /// made without tags has none, which is when ``fetchTagsHint`` applies. One reference read.
    func hasAnyTag() throws -> Bool {
        try repository.hasReference(matching: "refs/tags/*")
    }

    /// `finding` with ``fetchTagsHint`` when it is about a missing tag.
    static func withFetchTagsHint(_ finding: Finding) -> Finding {
        guard [.versionTagMissing, .linkTagMissing].contains(finding.ruleID) else { return finding }
        var changed = finding
        changed.hint = fetchTagsHint
        return changed
    }

    /// `cardigan checkpoint`: the protected branch's head and every tag under `cards/` and
    /// `model-packages/`.
    public func makeCheckpoint(branch: String? = nil) throws -> Checkpoint {
        let reference = branch.map { $0.hasPrefix("refs/") ? $0 : "refs/heads/" + $0 } ?? protectedBranch
        guard let head = try repository.resolve(reference) else {
            throw CardiganError("no branch '\(reference)'")
        }
        var tags: [String: String] = [:]
        for glob in ["refs/tags/cards/*", "refs/tags/model-packages/*"] {
            for tag in try repository.references(matching: glob) { tags[tag.name] = tag.target.hex }
        }
        return Checkpoint(branch: reference, head: head.hex, tags: tags)
    }

    private func check(_ checkpoint: Checkpoint, head: ObjectID, branch: String) throws -> [Finding] {
        var findings: [Finding] = []
        if checkpoint.branch != branch {
            findings.append(
                Finding(
                    ruleID: .checkpoint, severity: .warning,
                    message: "the checkpoint was written for '\(checkpoint.branch)', not '\(branch)'",
                    location: checkpoint.location(of: checkpoint.branch)))
        }
        if let recorded = ObjectID(hex: checkpoint.head) {
            let present = (try? repository.commit(recorded)) != nil
            let descends = present ? try repository.isDescendant(head, of: recorded) : false
            if !descends {
                findings.append(
                    Finding(
                        ruleID: .checkpointRewritten,
                        message:
                            "the checkpoint's head is \(present ? "no longer an ancestor of" : "gone from") '\(branch)': the history was rewritten",
                        location: checkpoint.location(of: checkpoint.branch),
                        hint: "the branch only moves forward; restore it to a head that contains the checkpoint's head",
                        commit: recorded.hex))
            }
        }
        for (reference, recorded) in checkpoint.tags.sorted(by: { $0.key < $1.key }) {
            let now = try repository.resolve(reference)
            guard now?.hex != recorded else { continue }
            let name = reference.replacingOccurrences(of: "refs/tags/", with: "")
            findings.append(
                Finding(
                    ruleID: .checkpointTag,
                    message: now == nil
                        ? "tag '\(name)' recorded in the checkpoint is gone"
                        : "tag '\(name)' is object \(now?.short ?? ""), but the checkpoint recorded \(recorded.prefix(12)): it was deleted and recreated or moved",
                    location: checkpoint.location(of: reference),
                    hint: "tags are never moved or deleted; the history was rewritten"))
        }
        return findings
    }

    /// Re-creates missing link tags from the linking commits' trailers, with the ARN the card
    /// names at that commit. Like every tag cardigan makes, the tagger is the commit's committer,
    /// so the tag comes back byte for byte as it was: the same object id.
    private func recreate(_ links: [LinkEvent]) throws -> [String] {
        var created: [String] = []
        for link in links {
            guard let commit = ObjectID(hex: link.commit), let package = try? ModelPackage(parsing: link.package) else {
                continue
            }
            let committer = try repository.commit(commit).committer
            try createLinkTag(
                package, card: link.card, version: link.version, arn: try linkedARN(of: link.card, in: commit),
                on: commit, tagger: committer)
            created.append(package.tagName)
        }
        return created
    }

    /// Every reference under `refs/tags/model-packages/` with what its tag object says, except
    /// the references named in `excluded`.
    func readLinkTags(excluding excluded: Set<String> = []) throws -> [LinkTagFacts] {
        try readLinkTags(
            of: repository.references(matching: "refs/tags/model-packages/*").filter { !excluded.contains($0.name) })
    }

    /// The link tags among `references` that exist, or that `pushed` is about to create.
    func readLinkTags(only references: [String], pushed: [String: ObjectID] = [:]) throws -> [LinkTagFacts] {
        try readLinkTags(of: resolve(references, pushed: pushed))
    }

    private func readLinkTags(of references: [(name: String, target: ObjectID)]) throws -> [LinkTagFacts] {
        try references.compactMap { reference in
            guard let package = ModelPackage.parse(reference: reference.name) else { return nil }
            let tag = try repository.tag(reference.target)
            let recorded = tag.map { LinkTag(package: package, message: $0.message) }
            return LinkTagFacts(
                package: package, objectID: reference.target.hex, isAnnotated: tag != nil,
                targetCommit: try commit(taggedBy: tag, reference: reference.target)?.hex,
                card: recorded?.card, cardVersion: recorded?.cardVersion, arn: recorded?.arn)
        }
    }

    /// Re-creates missing version tags, oldest first so each chains to the one before. The
    /// message comes from the commit's own record and the tagger is the commit's committer, as
    /// when the commit made it, so a re-created tag has the object id the lost one had and the
    /// `Previous:` chain of the later tags still holds.
    private func recreate(_ events: [VersionEvent]) throws -> [String] {
        var created: [String] = []
        for event in events.sorted(by: { ($0.card, $0.version) < ($1.card, $1.version) }) {
            guard let commit = ObjectID(hex: event.commit) else { continue }
            let info = try repository.commit(commit)
            let record =
                try lookup.records(in: info, of: event.card).last {
                    $0.version == event.version && $0.change == .version
                }
                ?? CardRecord(
                    card: event.card, version: event.version, digest: event.digest, status: event.status,
                    change: .version, modelPackage: event.modelPackage)
            let name = try createVersionTag(record, on: commit, tagger: info.committer)
            created.append(name)
        }
        return created
    }
}
