import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The libgit2 layer against the git CLI, the oracle it must agree with.
@Suite struct GitRepositoryTests {
    private let author = Signature(name: "Ada", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 60)

    private func commitFile(_ repository: Repository, _ path: String, _ text: String, parent: ObjectID?) throws
        -> ObjectID
    {
        let blob = try repository.writeBlob(Array(text.utf8))
        let tree = try repository.writeTree(basedOn: parent, replacing: [path: blob])
        return try repository.createCommit(
            tree: tree, parents: parent.map { [$0] } ?? [], message: "Add \(path)\n\nCard: x\nCard-Version: 1\n",
            author: author, committer: author)
    }

    @Test func writesObjectsGitReadsAndFscks() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let first = try commitFile(repository, "cards/x.yaml", "name: x\n", parent: nil)
        try repository.updateReference("refs/heads/main", to: first, expecting: nil, logMessage: "first")
        let tag = try repository.createAnnotatedTag(name: "cards/x/v1", target: first, message: "v1\n", tagger: author)
        #expect(try scratch.git("rev-parse", "main") == first.hex + "\n")
        #expect(try scratch.git("cat-file", "-p", "main:cards/x.yaml") == "name: x\n")
        #expect(
            try scratch.git("log", "-1", "--format=%an %ae %at %(trailers:key=Card,valueonly)")
                == "Ada ada@example.com 1700000000 x\n\n")
        #expect(
            try scratch.git("for-each-ref", "--format=%(objectname) %(objecttype) %(*objectname)", "refs/tags")
                == "\(tag.hex) tag \(first.hex)\n")
        try scratch.git("fsck", "--strict")
        #expect(try repository.tag(tag)?.targetIsCommit == true)
        #expect(try repository.tag(first) == nil)
        #expect(try repository.trailers(of: repository.commit(first).message).map(\.key) == ["Card", "Card-Version"])
    }

    @Test func compareAndSwapRefusesAMovedBranchAndChangesNothing() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let first = try commitFile(repository, "a.txt", "1\n", parent: nil)
        try repository.updateReference("refs/heads/main", to: first, expecting: nil, logMessage: "first")
        let second = try commitFile(repository, "a.txt", "2\n", parent: first)
        let stale = try commitFile(repository, "a.txt", "3\n", parent: first)
        try repository.updateReference("refs/heads/main", to: second, expecting: first, logMessage: "second")
        do {
            try repository.updateReference("refs/heads/main", to: stale, expecting: first, logMessage: "stale")
            Issue.record("a stale update went through")
        } catch GitError.referenceMoved(let reference, let expected, let actual) {
            #expect(reference == "refs/heads/main" && expected == first && actual == second)
            #expect(
                GitError.referenceMoved(reference: reference, expected: expected, actual: actual).description
                    .contains("moved from \(first.short) to \(second.short)"))
        }
        #expect(try scratch.git("rev-parse", "main") == second.hex + "\n")
        #expect(throws: GitError.self) {
            try repository.updateReference("refs/heads/main", to: stale, expecting: nil, logMessage: "must not exist")
        }
    }

    @Test func refusesToCreateATagTwice() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let first = try commitFile(repository, "a.txt", "1\n", parent: nil)
        let tag = try repository.createAnnotatedTag(name: "cards/x/v1", target: first, message: "v1\n", tagger: author)
        do {
            _ = try repository.createAnnotatedTag(name: "cards/x/v1", target: first, message: "again\n", tagger: author)
            Issue.record("a tag was replaced")
        } catch let error as GitError {
            #expect(error.description == "tag 'cards/x/v1' already exists")
        }
        #expect(try repository.resolve("refs/tags/cards/x/v1") == tag)
    }

    @Test func discoversFromASubfolderAndReadsWhatGitWrote() throws {
        let scratch = try ScratchRepository()
        try scratch.write("cards/deep/x.yaml", "x: 1\n")
        try scratch.git("add", ".")
        try scratch.git("commit", "-qm", "by git\n\nCard: x")
        let repository = try Repository.discover(from: scratch.path + "/cards/deep")
        let head = try repository.revparse("HEAD")
        #expect(try repository.blob(at: "cards/deep/x.yaml", inCommit: head) == Array("x: 1\n".utf8))
        #expect(try repository.blob(at: "cards/none.yaml", inCommit: head) == nil)
        #expect(try repository.currentBranch() == "refs/heads/main")
        #expect(throws: GitError.self) { try Repository.discover(from: "/") }
    }

    @Test func walksParentsBeforeChildrenAndKnowsDescendants() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        var parent: ObjectID?
        var made: [ObjectID] = []
        for index in 1...4 {
            let commit = try commitFile(repository, "a.txt", "\(index)\n", parent: parent)
            made.append(commit)
            parent = commit
        }
        #expect(try repository.commitsOldestFirst(from: made[3]) == made)
        #expect(try repository.commitsOldestFirst(from: made[3], hiding: [made[1]]) == Array(made[2...]))
        #expect(try repository.isDescendant(made[3], of: made[0]))
        #expect(try !repository.isDescendant(made[0], of: made[3]))
        #expect(try repository.isDescendant(made[2], of: made[2]))
    }

    /// The one-level tree walk `changedFiles` does must report what `git diff-tree` reports
    /// for the folder's files: additions, changes, deletions, a file that became a folder, and
    /// nothing for untouched files or files in subfolders.
    @Test func changedFilesAgreesWithGitDiffTree() throws {
        let scratch = try ScratchRepository()
        var files = (0..<40).map { "cards/card-\(String(format: "%02d", $0)).yaml" }
        for file in files { try scratch.write(file, "name: \(file)\n") }
        try scratch.write("cards/sub/inner.yaml", "inner\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "first")
        try scratch.write(files[3], "changed\n")
        try scratch.write("cards/card-03a.yaml", "added between\n")
        try FileManager.default.removeItem(atPath: scratch.path + "/" + files[39])
        try FileManager.default.removeItem(atPath: scratch.path + "/" + files[0])
        try scratch.write("cards/sub/inner.yaml", "inner changed\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "second")
        try FileManager.default.removeItem(atPath: scratch.path + "/" + files[10])
        try scratch.write(files[10] + "/x", "a folder now\n")
        try scratch.write("cards/zz.yaml", "last\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "third")
        files.removeAll()

        let repository = try Repository.open(at: scratch.path)
        // The order reuses a cached tree as the old side while the new side evicts it.
        for (parent, commit) in [("HEAD~2", "HEAD~1"), ("HEAD~2", "HEAD"), ("HEAD~1", "HEAD"), ("HEAD~2", "HEAD")] {
            let ours = try repository.changedFiles(
                in: "cards", from: repository.revparse(parent), to: repository.revparse(commit)
            ).map { "\($0.blob == nil ? "D" : "M") \($0.name)" }.sorted()
            let theirs = try scratch.git(
                "diff-tree", "-r", "--no-renames", "--name-status", parent, commit, "--", "cards"
            )
            .split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(separator: "\t")
                let name = fields[1].dropFirst("cards/".count)
                guard !name.contains("/") else { return nil }
                return "\(fields[0] == "D" ? "D" : "M") \(name)"
            }.sorted()
            #expect(ours == theirs, "\(parent)..\(commit)")
            #expect(!ours.isEmpty)
        }
        // Unchanged: nothing, without reading the folder.
        let head = try repository.revparse("HEAD")
        #expect(try repository.changedFiles(in: "cards", from: head, to: head).isEmpty)
    }

    /// `blobID(at:inCommit:)` goes through a kept folder tree for files in folders: it must
    /// answer as `git rev-parse <commit>:<path>` does, in any order of lookups.
    @Test func findsFilesInFoldersAsGitDoes() throws {
        let scratch = try ScratchRepository()
        try scratch.write("cards/a.yaml", "a\n")
        try scratch.write("cards/sub/inner.yaml", "inner\n")
        try scratch.write("top.yaml", "top\n")
        try scratch.git("add", "-A")
        try scratch.git("commit", "-q", "-m", "first")
        try scratch.write("cards/a.yaml", "a changed\n")
        try scratch.git("commit", "-qam", "second")
        let repository = try Repository.open(at: scratch.path)
        let paths = [
            "cards/a.yaml", "cards/sub/inner.yaml", "top.yaml", "cards/missing.yaml", "cards/sub", "cards",
            "missing/a.yaml", "top.yaml/x", "cards/sub/inner.yaml/x",
        ]
        for commit in ["HEAD", "HEAD~1", "HEAD"] {
            let id = try repository.revparse(commit)
            for path in paths + paths.reversed() {
                let ours = try repository.blobID(at: path, inCommit: id)?.hex
                let kind = try? scratch.git("cat-file", "-t", "\(commit):\(path)")
                let theirs =
                    kind == "blob\n"
                    ? try scratch.git("rev-parse", "\(commit):\(path)").trimmingCharacters(in: .newlines) : nil
                #expect(ours == theirs, "\(commit):\(path)")
            }
        }
    }

    /// `verify` reads blobs from its worker threads through one shared object database: every
    /// blob git wrote and packed (deltas included) must come back whole, from any thread.
    @Test func objectDatabaseReadsPackedBlobsFromManyThreads() throws {
        let scratch = try ScratchRepository()
        let base = (0..<200).map { "line \($0) of a card that changes a little each version\n" }.joined()
        var expected: [ObjectID: String] = [:]
        for version in 0..<60 {
            let text = base + "version: \(version)\n"
            try scratch.write("cards/x.yaml", text)
            try scratch.git("add", "-A")
            try scratch.git("commit", "-q", "-m", "version \(version)")
            let id = try scratch.git("rev-parse", "HEAD:cards/x.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
            expected[try #require(ObjectID(hex: id))] = text
        }
        try scratch.git("gc", "-q", "--aggressive")
        #expect(try scratch.git("count-objects", "-v").contains("count: 0"), "everything is in the pack")

        let objects = try ObjectDatabase(of: Repository.open(at: scratch.path))
        #expect(ObjectDatabase.isSharedSafely, "Debian's libgit2 is built with threads")
        let ids = Array(expected.keys) + Array(expected.keys)  // each read twice: the cache is shared too
        let read = concurrentMap(ids) { id in (try? objects.readBlob(id)).map { String(decoding: $0, as: UTF8.self) } }
        for (id, text) in zip(ids, read) { #expect(text == expected[id], "\(id)") }
        let commit = try Repository.open(at: scratch.path).revparse("HEAD")
        #expect(throws: GitError.self) { try objects.readBlob(commit) }
    }

    @Test func readsIdentityFromTheEnvironmentFirst() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let signature = try repository.defaultSignature(
            environment: [
                "GIT_AUTHOR_NAME": "Env", "GIT_AUTHOR_EMAIL": "env@example.com", "GIT_AUTHOR_DATE": "@1600000000 -0230",
            ],
            role: .author)
        #expect(signature == Signature(name: "Env", email: "env@example.com", time: 1_600_000_000, offsetMinutes: -150))
        let configured = try repository.defaultSignature(environment: [:], role: .committer)
        #expect(configured.name == "Test Author" && configured.email == "author@example.com")
        #expect(Repository.parseGitDate("2005-04-07T22:13:13+02:00")?.time == 1_112_904_793)
        #expect(Repository.parseGitDate("2005-04-07 22:13:13 +0200")?.offsetMinutes == 120)
        #expect(Repository.parseGitDate("yesterday") == nil)
    }
}
