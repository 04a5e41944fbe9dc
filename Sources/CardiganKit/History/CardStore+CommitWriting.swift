import Foundation

extension CardStore {
    /// Objects, then the journal (``CommitJournal``), then the branch (compare-and-swap: the
    /// commit is the truth), then the tags, then the user's files and index, then the journal
    /// is removed. A kill or failure after the branch moved leaves the journal, and the next
    /// command finishes the commit (``finishInterruptedCommit()``).
    func write(_ plan: CommitPlan, branch: String, head: ObjectID?, message: String) throws -> CommitResult {
        let files = plan.files
        var result = CommitResult(records: plan.records, notes: plan.notes)
        let author = try signature(.author)
        let committer = try signature(.committer)
        let sign = try commitSigning()
        defer { sign?.signer.cleanUp() }
        let written = try writeObjects(
            files: files, blobIDs: plan.blobIDs, records: result.records, newLinks: plan.newLinks, head: head,
            message: message,
            author: author, committer: committer, sign: sign?.sign)
        let commit = written.commit
        CommitStop.reached("objects")
        // What is left to do once the branch moves, for the next command to finish after a kill.
        let journal = try CommitJournal(
            commit: commit.hex, branch: branch,
            files: files.keys.sorted().map { path in
                // The blob ids were made when the blobs were written; a working file that holds
                // the committed bytes (most do) has the same id, without hashing it again.
                let committed = try written.blobs[path] ?? repository.blobID(of: files[path] ?? [])
                let working = workingFile(path)
                return CommitJournal.File(
                    path: path, committed: committed.hex,
                    workingBefore: try working.map {
                        $0 == files[path] ? committed.hex : try repository.blobID(of: $0).hex
                    })
            },
            links: result.records.compactMap { record in
                plan.newLinks[record.card].map {
                    CommitJournal.Link(
                        card: record.card, version: record.version, package: $0.package.description, arn: $0.arn)
                }
            })
        // Tags that go to 'packed-refs' wait for no lock: a lock held now is said before the
        // branch moves (and retried by `commit`), rather than after.
        if written.versionTags.count + written.linkTags.count >= Self.packedReferencesThreshold,
            let lock = repository.heldPackedRefsLock
        {
            throw GitError.locked(lock)
        }
        try journal.write(in: repository.gitDirectory)
        do {
            try repository.updateReference(
                branch, to: commit, expecting: head, logMessage: "cardigan commit: " + message)
        } catch let error as GitError {
            // A failure after the reference file was put in place (its folder's fsync) leaves
            // the branch moved: the journal then stays for the next command to finish.
            guard (try? repository.resolve(branch)) == commit else {
                CommitJournal.remove(in: repository.gitDirectory)  // the branch did not move
                switch error {
                case .referenceMoved, .locked: throw error  // retried by `commit`
                default: throw CardiganError(error.description)
                }
            }
            throw CardiganError(
                "committed \(commit.short), but moving '\(branch)' reported: \(error.description)",
                hint: "fix that, then run 'cardigan commit' again: it makes the tags and updates the files and index")
        }
        CommitStop.reached("branch")
        result.commit = commit.hex
        do {
            let tags = written.versionTags + written.linkTags
            if tags.count >= Self.packedReferencesThreshold {
                try repository.createTagReferencesPacked(tags.map { ($0.name, $0.object) }, on: commit)
                result.tags = written.versionTags.map(\.name)
                result.linkTags = written.linkTags.map(\.name)
                CommitStop.reached("tags")
            }
            for tag in written.versionTags where tags.count < Self.packedReferencesThreshold {
                try publish(tag)
                result.tags.append(tag.name)
                CommitStop.reached("tag:" + tag.name)
            }
            for tag in written.linkTags where tags.count < Self.packedReferencesThreshold {
                try publish(tag)
                result.linkTags.append(tag.name)
                CommitStop.reached("tag:" + tag.name)
            }
        } catch {
            // The commit is on the branch: the versions exist, only tags are missing. The journal
            // stays, so the next command makes them.
            throw CardiganError(
                "committed \(commit.short), but not all of its tags could be made: \((error as? CardiganError)?.message ?? "\(error)")",
                hint:
                    "fix that, then run 'cardigan commit' (or 'cardigan verify --repair'): it makes the missing tags from the commit"
            )
        }
        for (path, bytes) in files where workingFile(path) != bytes {
            do {
                try writeWorkingFile(bytes, to: path)
            } catch let error as CardiganError {
                throw CardiganError("committed \(commit.short), but \(error.message)", hint: error.hint)
            }
        }
        CommitStop.reached("working-file")
        try stage(paths: files.keys.sorted(), commit: commit, done: "committed \(commit.short)", committed: files)
        CommitStop.reached("index")
        CommitJournal.remove(in: repository.gitDirectory)
        return result
    }

    /// The commit's objects — the files' blobs, the trees, the commit and the tag objects of
    /// its versions and links — written before anything points at them. A commit of at least
    /// ``packedObjectsThreshold`` files writes them as one pack (a pack, its index and their
    /// folder flushed once, instead of a file and a folder per object); a smaller one writes
    /// loose objects, as git does. `blobIDs`: the ids of those files already hashed.
    private func writeObjects(
        files: [String: [UInt8]], blobIDs: [String: ObjectID], records: [CardRecord], newLinks: [String: PlannedLink],
        head: ObjectID?,
        message: String, author: Signature, committer: Signature, sign: ((String) throws -> String)?
    ) throws -> WrittenObjects {
        let write = { () throws -> WrittenObjects in
            var blobs: [String: ObjectID] = [:]
            for (path, bytes) in files { blobs[path] = try self.repository.writeBlob(bytes, hashed: blobIDs[path]) }
            let replacements = blobs.mapValues { Optional($0) }
            let tree = try self.repository.writeTree(basedOn: head, replacing: replacements)
            if let problem = try self.tagProblems(records).first {
                throw CardiganError(problem.message, hint: problem.hint)
            }
            let commit = try self.repository.createCommit(
                tree: tree, parents: head.map { [$0] } ?? [],
                message: CardRecord.commitMessage(message, records: records), author: author,
                committer: committer, sign: sign)
            let versionTags = try records.filter { $0.change == .version }.map { record in
                try self.prepareVersionTag(record, on: commit, tagger: committer)
            }
            let linkTags = try records.compactMap { record -> PreparedTag? in
                guard let link = newLinks[record.card] else { return nil }
                return try self.prepareLinkTag(
                    link.package, card: record.card, version: record.version, arn: link.arn, on: commit,
                    tagger: committer)
            }
            return WrittenObjects(commit: commit, blobs: blobs, versionTags: versionTags, linkTags: linkTags)
        }
        return files.count >= Self.packedObjectsThreshold
            ? try repository.writingObjectsAsOnePack(write) : try write()
    }

    /// What ``writeObjects`` wrote: the commit, the blob of each file, the tags to publish.
    private struct WrittenObjects {
        var commit: ObjectID
        var blobs: [String: ObjectID]
        var versionTags: [PreparedTag]
        var linkTags: [PreparedTag]
    }

    /// The number of card files from which a commit writes its objects as one pack: some 100
    /// objects (a blob and a tag object per card, the trees, the commit), the size from which
    /// git keeps a received pack instead of unpacking it (`transfer.unpackLimit`). Smaller
    /// commits stay loose, so that a history of many small commits is not thousands of packs.
    static let packedObjectsThreshold = 50

    /// The number of tags from which a commit makes their references in one write of
    /// `packed-refs` (two fsyncs in all) instead of a loose file each (two fsyncs apiece):
    /// the pack's threshold. Below it, rewriting a `packed-refs` of every earlier tag would cost
    /// more than the files it saves.
    static let packedReferencesThreshold = 50

    /// The working file at `path`, nil when there is none (a link is never followed).
    private func workingFile(_ path: String) -> [UInt8]? {
        CardFileReader.contents(workspace.rootPath + "/" + path)
    }

    /// Sets the index entries of `paths` to `commit`'s blobs, so `git status` shows the cards
    /// clean; another process holding the index lock is waited for (about a second). A lock
    /// that stays is a named refusal: `done` (what is already finished, "committed 1a2b3c4")
    /// begins the message, and the journal stays, so the next command updates the index once
    /// the user deleted the lock. Never a success with the index left behind: every later
    /// command would then find nothing to commit and leave it so.
    /// `committed`: the bytes of the paths' blobs when the caller has them (see
    /// ``Repository/stageFromCommit(paths:commit:committed:)``).
    func stage(paths: [String], commit: ObjectID, done: String, committed: [String: [UInt8]] = [:]) throws {
        for attempt in 1... {
            do {
                try repository.stageFromCommit(paths: paths, commit: commit, committed: committed)
                return
            } catch GitError.locked(let lockFile) {
                if Repository.removeCompletedLock(lockFile) { continue }
                guard attempt >= 100 else {
                    usleep(UInt32.random(in: 2_000...20_000))
                    continue
                }
                // libgit2 writes the index to 'index.lock' and renames it over 'index': a
                // process killed in between leaves the lock, as git itself does.
                throw CardiganError(
                    "\(done), but the index is not updated: '\(lockFile)' exists: another git process is updating the index, or one was killed while doing so",
                    hint:
                        "if no git process is running, delete '\(lockFile)' and run 'cardigan commit' again: it updates the index"
                )
            } catch let error as GitError {
                throw CardiganError(
                    "\(done), but the index cannot be updated: \(error.description)",
                    hint: "fix that, then run 'cardigan commit' again: it updates the index")
            }
        }
    }

    func signature(_ role: SignatureRole) throws -> Signature {
        do {
            return try repository.defaultSignature(environment: environment, role: role)
        } catch let error as GitError {
            throw CardiganError(
                error.description,
                hint: "set it with 'git config user.name \"Your Name\"' and 'git config user.email you@example.com'")
        }
    }
}
