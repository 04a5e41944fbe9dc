import Foundation

extension CardStore {
    /// The most times a commit is recomputed after another process moved the branch first.
    static let commitAttempts = 20

    /// `cardigan commit [<name>…] -m <message>`: one commit for the changed cards (all changed
    /// cards when `names` is empty). Each semantic change is version N+1 with its tag, a status
    /// change alone is a status commit, a comment-only edit is a commit without a new version.
    /// An invalid card, a deleted versioned card or an illegal status move stops everything
    /// before anything is written.
    ///
    /// When another process moves the branch between reading and the compare-and-swap update,
    /// nothing of ours is on the branch yet: the whole commit is recomputed from the new head, up
    /// to ``commitAttempts`` times, so concurrent commits never share or skip a version number.
    public func commit(names: [String], message: String) throws -> CommitResult {
        try commit(names: names, message: message, linking: nil)
    }

    /// Commits as ``commit(names:message:)`` does; `linking` is the link that `link` or `clone`
    /// is making, the one change of `model_package_details` allowed on a versioned card.
    /// `detailsSource` names, per card, who wrote its `model_package_details` in this commit
    /// (recorded as the trailer `Package-Details-Source` of a new version).
    func commit(
        names: [String], message: String, linking: LinkIntent?, detailsSource: [String: String] = [:]
    ) throws -> CommitResult {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CardiganError("the commit message is empty", hint: "give one with -m") }
        for name in names where CardName.problem(with: name) != nil {
            throw CardiganError(CardName.problem(with: name) ?? "", hint: "name cards without '.yaml' or folders")
        }
        try requireWorkingTree()
        let lock = try CommitLock(gitDirectory: repository.gitDirectory)
        defer { withExtendedLifetime(lock) {} }
        let recovered = try finishInterruptedCommit()
        var retries = 0
        while true {
            do {
                var result = try commitOnce(
                    names: names, message: trimmed, linking: linking, detailsSource: detailsSource)
                result.notes.insert(contentsOf: recovered, at: 0)
                if retries > 0 {
                    result.notes.append(
                        "the branch moved \(Counted.text(retries, "time")) while committing; recomputed")
                }
                return result
            } catch GitError.locked(let lockFile) {
                // Another git process updates the branch right now, or one was killed doing so
                // and left its lock file: wait a little, then say which file it is. A lock left
                // by an update that completed is removed (see Repository.removeCompletedLock).
                if Repository.removeCompletedLock(lockFile) { continue }
                retries += 1
                if retries >= Self.commitAttempts {
                    throw CardiganError(
                        "'\(lockFile)' exists: another git process is updating the branch or its references, or one was killed while doing so; nothing was committed",
                        hint: "if no git process is running, delete '\(lockFile)' and run the command again")
                }
                usleep(UInt32.random(in: 5_000...40_000))
            } catch GitError.referenceMoved(let reference, let expected, let actual) {
                retries += 1
                if retries >= Self.commitAttempts {
                    throw CardiganError(
                        "'\(reference)' moved from \(expected?.short ?? "nothing") to \(actual?.short ?? "nothing") while committing; nothing was written",
                        hint: "run the command again")
                }
                usleep(UInt32.random(in: 5_000...40_000))
            }
        }
    }

    private func commitOnce(
        names: [String], message: String, linking: LinkIntent?, detailsSource: [String: String]
    ) throws -> CommitResult {
        let branch = try currentBranch()
        let head = try repository.resolve(branch)
        // What is in the cards folder but is not a card (a link, a subfolder, a bad name, a file
        // over the limit) stops the commit: skipping it would leave it out of the record silently.
        let folder = try workspace.scanCardFolder()
        guard folder.errors.isEmpty else { return CommitResult(findings: folder.errors) }
        // Cards git's index vouches are unchanged since head are not read again: a commit's
        // work follows the cards it changes, not the size of the repository.
        // Named cards: only their files are looked at.
        let named = names.isEmpty ? nil : Set(names.map { (path(of: $0) as NSString).lastPathComponent })
        let clean = try head.map { try repository.statCleanFiles(in: cardsDirectory, commit: $0, only: named) } ?? []
        let candidates = try (names.isEmpty ? changedCardNames(head: head, folder: folder) : names).filter {
            !clean.contains((path(of: $0) as NSString).lastPathComponent)
        }
        var refused: [Finding] = []
        let planner = CommitPlanner(
            store: self, head: head, linking: linking, detailsSource: detailsSource, canRewrite: true)
        var filesRead = 0
        let plan = try planner.plan(candidates: candidates, named: !names.isEmpty) { path in
            filesRead += 1
            switch CardFileReader.read(self.workspace.rootPath + "/" + path, display: path) {
            case .bytes(let bytes): return bytes
            case .missing: return nil
            case .refused(let finding):
                refused.append(finding)
                return nil
            }
        }
        var result: CommitResult
        if !refused.isEmpty {
            result = CommitResult(findings: refused)
        } else if !plan.findings.isEmpty || plan.records.isEmpty {
            result = CommitResult(records: plan.records, notes: plan.notes, findings: plan.findings)
        } else {
            result = try write(plan, branch: branch, head: head, message: message)
        }
        result.cardFilesRead = filesRead
        return result
    }

    /// Cards whose working file differs from the branch head, or that the head has and the
    /// working tree lost.
    private func changedCardNames(head: ObjectID?, folder: CardFolderScan) throws -> [String] {
        let working = Set(
            folder.cardPaths.compactMap {
                CardPaths.cardName(forFileName: ($0 as NSString).lastPathComponent)
            })
        var names = working
        if let head {
            for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
                if let name = CardPaths.cardName(forFileName: entry.name) { names.insert(name) }
            }
        }
        // A changed working file whose name is not a card name stays a candidate, so validation
        // reports it ('card-file-name') instead of the commit passing it over in silence.
        return names.filter { CardName.isValid($0) || working.contains($0) }.sorted()
    }

    /// The source `<card>/v<N>` named by the first line `clone --no-commit` writes
    /// (`# Cloned from <card> v<N> …`), when that version's tag exists: the first commit of the
    /// clone then records its origin as `clone` itself would.
    func clonedFrom(header bytes: [UInt8]) throws -> String? {
        let prefix = "# Cloned from "
        let firstLine = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        guard firstLine.hasPrefix(prefix) else { return nil }
        let words = firstLine.dropFirst(prefix.count).split(separator: " ")
        guard words.count >= 2, CardName.isValid(String(words[0])), words[1].hasPrefix("v"),
            let version = Int(words[1].dropFirst()), version >= 1,
            try repository.resolve(VersionTag.reference(card: String(words[0]), version: version)) != nil
        else { return nil }
        return "\(words[0])/v\(version)"
    }

    /// What would stop the tags of `records` from being made, checked before anything moves:
    /// the tag of each new version must not exist yet (a leftover of a rewritten history would
    /// make the tag step fail half-way), and the tag of the version before must (it starts the
    /// chain). Used by `commit` and by the hooks of a plain `git commit`.
    func tagProblems(_ records: [CardRecord]) throws -> [Finding] {
        var problems: [Finding] = []
        for record in records where record.change == .version {
            let name = VersionTag.name(card: record.card, version: record.version)
            if try repository.resolve("refs/tags/" + name) != nil {
                problems.append(
                    Finding(
                        ruleID: .versionTagLeftover,
                        message:
                            "tag '\(name)' already exists, but the branch's last version of '\(record.card)' is \(record.version - 1)",
                        location: Location(path: path(of: record.card)),
                        hint:
                            "version \(record.version) was made on another branch (merge it first), or the tag is left from a rewritten history; 'cardigan verify' explains it"
                    ))
            }
            guard record.version > 1 else { continue }
            let previous = VersionTag.name(card: record.card, version: record.version - 1)
            if try repository.resolve("refs/tags/" + previous) == nil {
                problems.append(
                    Finding(
                        ruleID: .versionTagMissing,
                        message:
                            "tag '\(previous)' is missing, so version \(record.version) cannot chain to it",
                        location: Location(path: path(of: record.card)),
                        hint: try !hasAnyTag()
                            ? Self.fetchTagsHint
                            : "run 'cardigan verify --repair' to re-create it from the trailers, then commit again"))
            }
        }
        return problems
    }
}
