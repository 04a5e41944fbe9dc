import Foundation

extension CardStore {
    /// Finishes a commit that was killed or failed after its objects were written (see
    /// ``CommitJournal``): when its commit is on the branch, makes its missing version and link
    /// tags (the same objects the commit would have made), writes the committed bytes to each
    /// working file that still holds what it held before the commit, and sets the cards' index
    /// entries. A commit that never reached the branch left only unreferenced objects: its
    /// journal is dropped. An index lock left by a kill is a named refusal and the journal stays
    /// (see ``stage(paths:commit:done:committed:)``). The caller holds the commit lock. Returns what was
    /// done, for notes.
    func finishInterruptedCommit() throws -> [String] {
        let gitDirectory = repository.gitDirectory
        guard let journal = try CommitJournal.read(in: gitDirectory) else { return [] }
        guard let commit = ObjectID(hex: journal.commit),
            let head = try repository.resolve(journal.branch),
            try head == commit || repository.isDescendant(head, of: commit)
        else {
            CommitJournal.remove(in: gitDirectory)
            return []
        }
        let info = try repository.commit(commit)
        let recorded: [CardRecord] = try lookup.records(in: info)
        // A kill between libgit2's link and unlink of a lock leaves it beside the finished file.
        let lockTargets =
            [journal.branch, "index"]
            + recorded.filter { $0.change == .version }.map {
                "refs/tags/" + VersionTag.name(card: $0.card, version: $0.version)
            }
        for target in lockTargets { _ = Repository.removeCompletedLock(gitDirectory + "/" + target + ".lock") }
        for file in journal.files { unlink(workspace.rootPath + "/" + file.path + ".cardigan-tmp") }
        var missing: [PreparedTag] = []
        for record in recorded where record.change == .version {
            let name = VersionTag.name(card: record.card, version: record.version)
            guard try repository.resolve("refs/tags/" + name) == nil else { continue }
            missing.append(try prepareVersionTag(record, on: commit, tagger: info.committer))
        }
        for link in journal.links {
            let package = try ModelPackage(parsing: link.package)
            guard try repository.resolve("refs/tags/" + package.tagName) == nil else { continue }
            missing.append(
                try prepareLinkTag(
                    package, card: link.card, version: link.version, arn: link.arn, on: commit,
                    tagger: info.committer))
        }
        let made = try publishMissing(missing, on: commit, branch: journal.branch)
        var restored: [String] = []
        for file in journal.files where file.workingBefore != file.committed {
            let url = URL(fileURLWithPath: workspace.rootPath + "/" + file.path)
            let working = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
            let now = try working.map { bytes in try repository.blobID(of: bytes).hex }
            // Only a file still as it was before the commit is rewritten: later edits stay.
            guard now == file.workingBefore,
                let committed = try repository.blob(at: file.path, inCommit: commit)
            else { continue }
            try writeWorkingFile(committed, to: file.path)
            restored.append(file.path)
        }
        let branch = journal.branch.replacingOccurrences(of: "refs/heads/", with: "")
        try stage(
            paths: journal.files.map(\.path), commit: head,
            done: "the interrupted commit \(commit.short) is on '\(branch)' with its tags and files")
        CommitJournal.remove(in: gitDirectory)
        var done = "finished the interrupted commit \(commit.short)"
        if !made.isEmpty { done += ": made \(made.map { "'\($0)'" }.joined(separator: ", "))" }
        if !restored.isEmpty { done += "; rewrote \(restored.map { "'\($0)'" }.joined(separator: ", "))" }
        return [done + "; index updated"]
    }

    /// Makes the references of the interrupted commit's missing tags as the commit would have:
    /// in one write of `packed-refs` from ``packedReferencesThreshold`` on. A `packed-refs.lock`
    /// left by a kill is a named refusal; the journal stays for the next command.
    private func publishMissing(_ tags: [PreparedTag], on commit: ObjectID, branch: String) throws -> [String] {
        guard tags.count >= Self.packedReferencesThreshold else {
            for tag in tags { try publish(tag) }
            return tags.map(\.name)
        }
        do {
            try repository.createTagReferencesPacked(tags.map { ($0.name, $0.object) }, on: commit)
        } catch GitError.locked(let lockFile) {
            let branch = branch.replacingOccurrences(of: "refs/heads/", with: "")
            throw CardiganError(
                "the interrupted commit \(commit.short) is on '\(branch)', but its \(Counted.text(tags.count, "missing tag")) cannot be made: '\(lockFile)' exists: another git process is packing references, or one was killed while holding it",
                hint:
                    "if no git process is running, delete '\(lockFile)' and run 'cardigan commit' again: it makes the tags"
            )
        }
        return tags.map(\.name)
    }

    /// Writes `bytes` to the working file `path` whole (a temporary file beside it, renamed over
    /// it), so a failure leaves the old file; the error says why ("no space left on device").
    func writeWorkingFile(_ bytes: [UInt8], to path: String) throws {
        let full = workspace.rootPath + "/" + path
        let temporary = full + ".cardigan-tmp"
        let descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
        var failure: CardiganError?
        if descriptor < 0 {
            failure = CommitJournal.failure("cannot write '\(path)'")
        } else {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written != bytes.count {
                if written >= 0 { errno = ENOSPC }
                failure = CommitJournal.failure("cannot write '\(path)'")
            }
            close(descriptor)
            if failure == nil, rename(temporary, full) != 0 {
                failure = CommitJournal.failure("cannot replace '\(path)'")
            }
        }
        if let failure {
            unlink(temporary)
            throw CardiganError(
                failure.message,
                hint: "free space or fix the permission, then run 'cardigan commit' again: it finishes the commit")
        }
    }
}
