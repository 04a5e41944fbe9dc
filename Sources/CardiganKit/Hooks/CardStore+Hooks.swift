import Foundation

/// The id git uses for "no object" in hook input.
let zeroObjectID = String(repeating: "0", count: 40)

extension CardStore {
    /// `pre-commit`: the staged cards (the index, not the working tree) must be valid and their
    /// changes must follow the rules; returns the findings that block the commit.
    public func runPreCommit() throws -> [Finding] {
        // Objects are read as git reads them, not hashed again (``hashesObjectsOnRead(for:)``):
        // the walk back to each staged card's last record reads commits of 20 KiB at 10,000 cards.
        prepareObjectReads(for: .preCommit)
        let index = try StagedIndex(of: repository, file: hookIndexFile)
        let head = try repository.resolve(currentBranch())
        return try stagedPlan(index, head: head).findings + stagedPolicyFindings(in: index, head: head)
    }

    /// The index git gives hooks (`GIT_INDEX_FILE`, made absolute), nil for the repository's.
    var hookIndexFile: String? {
        guard let file = environment["GIT_INDEX_FILE"], !file.isEmpty else { return nil }
        return file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
    }

    /// `prepare-commit-msg <file> [<source> [<commit>]]`: appends the trailers a `cardigan
    /// commit` would write for the staged cards, so a plain `git commit` makes a proper version.
    /// Returns the findings that block the commit instead: among them, amending a commit that
    /// records card versions (its tags point at it; the amend would leave them on a commit the
    /// branch no longer has).
    public func runPrepareCommitMessage(messageFile: String, source: String?, commit: String? = nil) throws
        -> [Finding]
    {
        if source == "merge" { return [] }  // a merge records nothing; its parents carry the versions
        if source == "commit", let commit, let id = try? repository.revparse(commit),
            let head = try repository.resolve("HEAD"), id == head,
            !(try lookup.records(in: repository.commit(head))).isEmpty
        {
            return [
                Finding(
                    ruleID: .amendRefused,
                    message:
                        "amending commit \(head.short) rewrites the card versions it records; their tags point at it",
                    hint: "make a new commit instead ('git commit', or 'cardigan commit')")
            ]
        }
        let result = try stagedPlan(
            StagedIndex(of: repository, file: hookIndexFile), head: repository.resolve(currentBranch()))
        guard result.findings.isEmpty, !result.records.isEmpty else { return result.findings }
        guard let data = FileManager.default.contents(atPath: messageFile) else {
            throw CardiganError("cannot read the commit message file '\(messageFile)'")
        }
        var message = String(decoding: data, as: UTF8.self)
        // Already recorded only when the message holds these very trailers (a `git commit -C`
        // of the same change). Card lines the person wrote themselves (`Card-Version: 3`) are not
        // a record: leaving them as the last paragraph skipped the version and its tag. The real
        // trailers go after them, as their own paragraph, so git reads only those as trailers.
        let messageLines = Set(message.components(separatedBy: "\n"))
        if result.records.flatMap(\.trailerLines).allSatisfy(messageLines.contains) { return [] }
        // Trailers go before git's comment block, which git strips afterwards.
        var lines = message.components(separatedBy: "\n")
        let firstComment = lines.firstIndex { $0.hasPrefix("#") } ?? lines.count
        var body = lines[..<firstComment].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { body = "Update " + result.records.map(\.card).joined(separator: ", ") }
        let trailers = result.records.flatMap(\.trailerLines).joined(separator: "\n")
        lines = Array(lines[firstComment...])
        message = body + "\n\n" + trailers + "\n" + (lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n"))
        try Data(message.utf8).write(to: URL(fileURLWithPath: messageFile))
        return []
    }

    /// `post-commit`: creates the version and link tags the new commit's trailers call for,
    /// exactly as `cardigan commit` would. Returns the tags created.
    public func runPostCommit() throws -> [String] {
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch) else { return [] }
        let commit = try repository.commit(head)
        let records: [CardRecord] = try lookup.records(in: commit)
        guard !records.isEmpty else { return [] }
        // Tagged by the commit's committer, as `cardigan commit` does: `verify --repair` can then
        // re-create a lost tag as the very same object.
        let tagger = commit.committer
        var created: [String] = []
        for record in records where record.change == .version {
            let name = VersionTag.name(card: record.card, version: record.version)
            if try repository.resolve("refs/tags/" + name) != nil { continue }
            try createVersionTag(record, on: head, tagger: tagger)
            created.append(name)
            var before: (record: CardRecord, commit: ObjectID)?
            if let parent = commit.parents.first { before = try lookup.lastRecord(of: record.card, head: parent) }
            if let text = record.modelPackage, text != before?.record.modelPackage,
                let package = try? ModelPackage(parsing: text),
                try repository.resolve(package.reference) == nil
            {
                try createLinkTag(
                    package, card: record.card, version: record.version,
                    arn: try linkedARN(of: record.card, in: head), on: head, tagger: tagger)
                created.append(package.tagName)
            }
        }
        return created
    }

    /// The plan for the staged cards (`index`) on the branch at `head`: what `commit` would
    /// record from the index.
    private func stagedPlan(_ index: StagedIndex, head: ObjectID?) throws -> CommitPlan {
        var staged: [String: ObjectID] = [:]
        // The index compared with the head's folder entry by entry: the work grows with the cards
        // folder only as a byte comparison per file (``Repository/stagedFolder``).
        let folder = try repository.stagedFolder(cardsDirectory, in: index, against: head)
        // A staged link, subfolder or file that is not a card stops the commit, as `commit` does.
        let refused = stagedFolderProblems(folder)
        guard refused.isEmpty else { return CommitPlan(findings: refused) }
        var names = Set<String>()
        for (fileName, id) in folder.changed {
            guard let name = CardPaths.cardName(forFileName: fileName) else { continue }
            names.insert(name)
            if let id { staged[name] = id }
        }
        guard !names.isEmpty else { return CommitPlan() }
        var plan = try CommitPlanner(store: self, head: head, canRewrite: false).plan(
            candidates: names.sorted(), named: false
        ) { path in
            guard let name = CardPaths.cardName(forFileName: (path as NSString).lastPathComponent),
                let id = staged[name]
            else { return nil }
            return try? self.repository.readBlob(id)
        }
        // What `cardigan commit` refuses before it moves anything, the hooks refuse too.
        plan.findings += try tagProblems(plan.records)
        return plan
    }
}
