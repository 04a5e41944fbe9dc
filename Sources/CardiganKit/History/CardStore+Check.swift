import Foundation

/// What `cardigan check` found.
public struct CheckResult: Sendable {
    /// Every finding, sorted.
    public var findings: [Finding] = []
    /// The commits between base and head.
    public var commitCount = 0
    /// The cards changed between base and head.
    public var changedCards: [String] = []
    /// The base and head commits.
    public var base: String = ""
    public var head: String = ""
    /// The merge base of base and head when head does not contain base (a branch behind or
    /// diverged from its base): the commit the pull request is judged from, as `git diff base...head`.
    public var mergeBase: String?
    /// Whether the history rules were applied: false when base and head share no commit
    /// (`check-rewrite`), and then only the changed cards were validated.
    public var historyChecked = true

    /// What was checked, for the report's summary and its JSON counts: `3 commits since the merge
    /// base 5daf82cd5191 and 1 changed card`, or, when base and head share no commit, `no commits
    /// (none shared with the base) and 1 changed card validated`.
    public var counted: [CheckedCount] {
        var commits = CheckedCount(commitCount, "commit", key: "commits")
        var cards = CheckedCount(changedCards.count, "changed card", key: "changed_cards")
        if !historyChecked {
            cards.text += " validated"
            commits.text = "no commits (none shared with the base)"
        } else if let mergeBase = mergeBase.flatMap(ObjectID.init(hex:)) {
            commits.text += " since the merge base \(mergeBase.short)"
        }
        return [commits, cards]
    }
}

extension CardStore {
    /// `cardigan check --base <rev> [--head <rev>]`: the pull-request gate. A head that does not
    /// contain base (behind or diverged) is judged from their merge base, as a forge shows the
    /// pull request. Refuses a head that shares no commit with base, or copies base's versions (a
    /// rewrite); a card both sides changed since the merge base (a conflict); an invalid card; a
    /// semantic change without a new version; a version that skips, repeats or collides with one
    /// on base; a deleted or renamed versioned card; a changed `name` or `model_name`; an illegal
    /// status move; a version or link tag of the new commits that is missing, moved or
    /// inconsistent.
    ///
    /// Only the commits between base and head are read, and only the cards they touch are
    /// loaded at base, so the gate's cost follows the pull request, not the repository.
    ///
    /// `pushedTags` are tag references a push creates along with `head` (the server hook's view:
    /// they do not exist yet, but their objects do).
    public func check(base: String?, head: String? = nil, checkTags: Bool = true, pushedTags: [String: ObjectID] = [:])
        throws -> CheckResult
    {
        let baseID = try base.map { try Revision.resolve($0, in: repository) }
        let headID = try Revision.resolve(head ?? "HEAD", in: repository)
        var result = CheckResult(base: baseID?.hex ?? "", head: headID.hex)
        // Where the pull request starts: base, or the merge base when head is behind or diverged;
        // nil with a base when the two share no history.
        var since = baseID
        if let baseID, !(try repository.isDescendant(headID, of: baseID)) {
            since = try repository.mergeBase(baseID, headID)
            result.mergeBase = since?.hex
        }
        // The changed cards are validated against the schema in force at head (its own tree's).
        let schemas = CommitSchemas(repository: repository)
        let validator =
            try schemas.validator(for: schemas.key(at: headID))
            ?? CardValidator(schema: try workspace.loadSchema())

        let changed = try repository.changedFiles(in: cardsDirectory, from: since ?? baseID, to: headID)
        var headRoots: [String: ValueNode] = [:]
        let objects = try ObjectDatabase(of: repository)
        for (fileName, blob) in changed {
            guard let name = CardPaths.cardName(forFileName: fileName) else { continue }
            result.changedCards.append(name)
            guard let blob else { continue }
            let size = try objects.objectSize(blob)
            guard size <= SafeYAMLLoader.maximumBytes else {
                result.findings.append(CardFileReader.sizeFinding(path(of: name), size: size))
                continue
            }
            let bytes = try repository.readBlob(blob)
            let checked = validator.validate(Data(bytes), path: path(of: name))
            result.findings += checked.findings
            headRoots[name] = checked.root
        }
        result.changedCards.sort()

        if let baseID, since == nil {
            result.historyChecked = false
            result.findings.append(
                try unrelatedHead(head ?? "HEAD", at: headID, base: Revision.label(base ?? baseID.hex)))
            result.findings.sort()
            return result
        }
        let commits = try repository.commitsOldestFirst(from: headID, hiding: since.map { [$0] } ?? [])
        result.commitCount = commits.count
        let history = try readHistory(commits, schemas: schemas)
        result.findings += history.folderFindings
        var touched = Set(history.steps.flatMap { $0.changes.keys })
        touched.formUnion(history.steps.flatMap { $0.facts.records.map(\.card) })
        var outside: [String: CardState] = [:]
        for name in touched {
            guard let since, let blob = try repository.blobID(at: path(of: name), inCommit: since) else {
                continue
            }
            let bytes = try repository.readBlob(blob)
            let snapshot = CardSnapshot.read(bytes, validator: nil, path: path(of: name))
            let last = try lookup.lastRecord(of: name, head: since)
            outside[name] = CardState(
                version: last?.record.version ?? 0, digest: snapshot.digest, legacyDigest: snapshot.legacyDigest,
                status: snapshot.status, blob: blob.hex,
                modelName: snapshot.modelName, versionCommit: last?.commit.hex, modelPackage: snapshot.modelPackage,
                packageDetails: snapshot.packageDetails)
        }
        // One card per model: a card the pull request adds must not name a model that a card
        // on base (base itself, also when behind: merging must keep it), untouched by the pull
        // request, documents.
        let added = headRoots.filter { outside[$0.key] == nil }.map {
            (name: $0.key, root: $0.value, path: path(of: $0.key))
        }
        if !added.isEmpty {
            let others = try modelNames(at: baseID, except: touched)
            for card in added { result.findings += ModelNameRule.check([card], others: others) }
        }
        var rules = HistoryRules(cardsDirectory: cardsDirectory)
        rules.approvalLedger = approvalLedger(base: since)
        applyRules(
            history, snapshots: try readSnapshots(of: history, schemas: schemas), outsideState: outside,
            to: &rules)
        result.findings += located(
            rules.findings.filter { $0.ruleID != .invalidCard },  // reported with positions above
            in: headID)

        var conflicts = VersionConflicts()
        if let baseID, let since, since != baseID {
            conflicts = try versionConflicts(
                of: rules.versions, changed: result.changedCards, base: baseID,
                baseName: Revision.label(base ?? baseID.hex), mergeBase: since, head: headID)
            result.findings += conflicts.findings
        }
        guard checkTags else {
            result.findings.sort()
            return result
        }
        // Only the tags of the versions and links the pull request made are read; a version in
        // conflict with base's has base's tag, and its finding says what to do.
        let versions = rules.versions.filter { !conflicts.conflicted.contains("\($0.card)/\($0.version)") }
        let made = versions.map { VersionTag.reference(card: $0.card, version: $0.version) }
        var tagRules = TagRules(cardsDirectory: cardsDirectory, branch: "head")
        let madeKeys = Set(versions.map { "\($0.card)/\($0.version)" })
        let chainEnds = versions.filter { $0.version > 1 && !madeKeys.contains("\($0.card)/\($0.version - 1)") }
            .map { VersionTag.reference(card: $0.card, version: $0.version - 1) }
        _ = tagRules.check(
            versions: versions, tags: try readVersionTags(only: made, pushed: pushedTags),
            earlierTags: try readVersionTags(only: chainEnds, pushed: pushedTags)
        ) { _ in true }
        result.findings += tagRules.findings
        let linked = rules.links.compactMap { try? ModelPackage(parsing: $0.package).reference }
        var linkRules = LinkRules(cardsDirectory: cardsDirectory)
        _ = linkRules.check(links: rules.links, tags: try readLinkTags(only: linked, pushed: pushedTags)) {
            _ in nil
        }
        result.findings += linkRules.findings
        // A clone made without tags has none at all: the first tag found answers, when a hint may be added.
        if !result.findings.isEmpty, !rules.versions.isEmpty || !rules.links.isEmpty, try !hasAnyTag() {
            result.findings = result.findings.map(Self.withFetchTagsHint)
        }
        result.findings.sort()
        return result
    }

    /// The finding for a head (`spec`, commit `id`) that shares no commit with the base: an
    /// orphan branch, or a history rewritten down to its root. Placed at the branch as a push
    /// refusal names it (``revisionLocation(_:)``), with the head's commit in the finding's
    /// commit, not in the message (reports print it once).
    private func unrelatedHead(_ spec: String, at id: ObjectID, base: String) throws -> Finding {
        let location = try revisionLocation(spec)
        let head = location.path.hasPrefix("refs/heads/") ? String(location.path.dropFirst(11)) : location.path
        // A detached HEAD moves with the switch: the cards are then brought over from the commit.
        let source = head == "HEAD" ? "<the head's commit>" : head
        return Finding(
            ruleID: .checkRewrite,
            message:
                "'\(head)' shares no commit with the base '\(base)': it does not start from the base (an orphan branch, or a rewritten history)",
            location: location,
            hint:
                "start a branch from the base ('git switch -c <branch> \(base)'), bring the cards over ('git checkout \(source) -- \(cardsDirectory)') and commit them there; never rebase, amend or force-push versions",
            commit: id.hex)
    }

    /// `findings` with the line and column of the field each one names (its pointer), read
    /// from the card as it is in the finding's commit, else at `head`: a reviewer's annotation
    /// lands on the line that holds the problem.
    func located(_ findings: [Finding], in head: ObjectID) -> [Finding] {
        var roots: [String: ValueNode?] = [:]
        return findings.map { finding in
            guard var location = finding.location, !location.pointer.isEmpty, location.position == nil else {
                return finding
            }
            if finding.ruleID == .packageDetailsEdited, let placed = changedPackageField(finding, location) {
                return placed
            }
            let commit = finding.commit.flatMap(ObjectID.init(hex:)) ?? head
            let key = commit.hex + ":" + location.path
            if roots[key] == nil {
                // A finding may name a commit that is not in this repository (a checkpoint's).
                let bytes = try? repository.blob(at: location.path, inCommit: commit)
                roots[key] = bytes.flatMap { SafeYAMLLoader.load(Data($0), path: location.path).root }
            }
            guard let root = roots[key] ?? nil, let node = JSONPointer.node(at: location.pointer, in: root)
            else { return finding }
            location.position = node.position
            var placed = finding
            placed.location = location
            return placed
        }
    }

    /// A hand change of `model_package_details`, placed at the first field that differs from
    /// the commit's first parent.
    private func changedPackageField(_ finding: Finding, _ location: Location) -> Finding? {
        guard let commit = finding.commit.flatMap(ObjectID.init(hex:)),
            let parent = (try? repository.commit(commit))?.parents.first
        else { return nil }
        func details(_ id: ObjectID) -> ValueNode?? {
            guard let bytes = try? repository.blob(at: location.path, inCommit: id) else { return nil }
            return .some(SafeYAMLLoader.load(Data(bytes), path: location.path).root?["model_package_details"])
        }
        guard let old = details(parent), let new = details(commit) else { return nil }
        var placed = finding
        placed.location = PackageDetailsRule.changedField(old: old, new: new, path: location.path)
        return placed
    }
}
