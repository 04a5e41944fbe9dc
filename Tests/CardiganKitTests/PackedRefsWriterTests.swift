import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Tag references written into `packed-refs` in one go, under git's lock protocol, against the
/// git CLI as the oracle: `show-ref`, `for-each-ref` (peeled ids), `fsck --strict`,
/// `pack-refs`, and the same libgit2 handle reading them at once.
@Suite struct PackedRefsWriterTests {
    private let tagger = Signature(name: "Ada", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 0)

    /// A repository whose `main` has one commit, and that commit's id.
    private func repositoryWithACommit() throws -> (ScratchRepository, Repository, ObjectID) {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let blob = try repository.writeBlob(Array("name: x\n".utf8))
        let tree = try repository.writeTree(basedOn: nil, replacing: ["cards/x.yaml": blob])
        let commit = try repository.createCommit(
            tree: tree, parents: [], message: "x\n", author: tagger, committer: tagger)
        try repository.updateReference("refs/heads/main", to: commit, expecting: nil, logMessage: "x")
        return (scratch, repository, commit)
    }

    /// Annotated tag objects `names` on `commit`, without references.
    private func tagObjects(_ names: [String], on commit: ObjectID, in repository: Repository) throws -> [(
        name: String, object: ObjectID
    )] {
        try names.map {
            ($0, try repository.writeTagObject(name: $0, target: commit, message: $0 + "\n", tagger: tagger))
        }
    }

    @Test func theSameHandleReadsTheNewTagsAndGitAgrees() throws {
        let (scratch, repository, commit) = try repositoryWithACommit()
        try scratch.git("tag", "-a", "-m", "old", "old")
        try scratch.git("tag", "light")
        try scratch.git("pack-refs", "--all")
        let packedBefore = try scratch.read(".git/packed-refs")
        // libgit2 has read packed-refs before the write: it must notice the new file.
        #expect(try repository.resolve("refs/tags/old") != nil)
        let tags = try tagObjects(["cards/b/v1", "cards/a/v1", "model-packages/churn/3"], on: commit, in: repository)
        try repository.createTagReferencesPacked(tags, on: commit)
        for tag in tags { #expect(try repository.resolve("refs/tags/" + tag.name) == tag.object, "\(tag.name)") }
        #expect(try repository.references(matching: "refs/tags/*").count == 5)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.git/packed-refs.lock"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.git/refs/tags/cards"))
        let expected = tags.sorted { $0.name < $1.name }.map { "\($0.object.hex) refs/tags/\($0.name)" }
        let shown = try scratch.git("show-ref", "--tags").split(separator: "\n").map(String.init)
        #expect(
            shown.filter { $0.contains("refs/tags/cards/") || $0.contains("refs/tags/model-packages/") } == expected)
        #expect(
            try scratch.git("for-each-ref", "--format=%(*objectname)", "refs/tags/cards", "refs/tags/model-packages")
                == String(repeating: commit.hex + "\n", count: 3))
        // What git wrote stays, byte for byte; the file stays sorted, as its header says.
        let after = try scratch.read(".git/packed-refs")
        #expect(after.hasPrefix("# pack-refs with: peeled fully-peeled sorted \n"))
        for line in packedBefore.split(separator: "\n").dropFirst() { #expect(after.contains(line + "\n")) }
        let names = after.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("^") }.map {
            Array($0.dropFirst(41).utf8)
        }
        #expect(names == names.sorted { $0.lexicographicallyPrecedes($1) })
        try scratch.git("fsck", "--strict")
        try scratch.git("tag", "beside")
        try scratch.git("pack-refs", "--all")
        try scratch.git("fsck", "--strict")
        #expect(try scratch.git("tag", "-l").split(separator: "\n").count == 6)
    }

    @Test func refusesATagThatExistsLooseOrPackedAndChangesNothing() throws {
        let (scratch, repository, commit) = try repositoryWithACommit()
        try scratch.git("tag", "-a", "-m", "packed", "cards/p/v1")
        try scratch.git("pack-refs", "--all")
        try scratch.git("tag", "-a", "-m", "loose", "cards/l/v1")
        let before = try scratch.read(".git/packed-refs")
        for taken in ["cards/p/v1", "cards/l/v1"] {
            let tags = try tagObjects(["cards/new/v1", taken], on: commit, in: repository)
            #expect {
                try repository.createTagReferencesPacked(tags, on: commit)
            } throws: { error in
                (error as? GitError)?.description == "tag '\(taken)' already exists"
            }
            #expect(try scratch.read(".git/packed-refs") == before)
            #expect(try repository.resolve("refs/tags/cards/new/v1") == nil)
            #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.git/packed-refs.lock"))
        }
        // A name under another tag's name cannot exist beside it, in git as here.
        let inside = try tagObjects(["cards/p/v1/x"], on: commit, in: repository)
        #expect {
            try repository.createTagReferencesPacked(inside, on: commit)
        } throws: { error in
            "\(error)".contains("'refs/tags/cards/p/v1' exists; cannot create 'refs/tags/cards/p/v1/x'")
        }
        #expect(try scratch.read(".git/packed-refs") == before)
        // The honest twin: new names go in.
        try repository.createTagReferencesPacked(
            try tagObjects(["cards/new/v1"], on: commit, in: repository), on: commit)
        #expect(try scratch.git("tag", "-l", "cards/new/*") == "cards/new/v1\n")
    }

    @Test func aHeldLockIsNamedAndLeftAlone() throws {
        let (scratch, repository, commit) = try repositoryWithACommit()
        let lock = scratch.path + "/.git/packed-refs.lock"
        try Data("held".utf8).write(to: URL(fileURLWithPath: lock))
        let tags = try tagObjects(["cards/a/v1"], on: commit, in: repository)
        #expect {
            try repository.createTagReferencesPacked(tags, on: commit)
        } throws: { error in
            guard case GitError.locked(let path) = error else { return false }
            return path.hasSuffix("/.git/packed-refs.lock")
        }
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == "held", "another writer's lock was touched")
        #expect(try repository.resolve("refs/tags/cards/a/v1") == nil)
        try FileManager.default.removeItem(atPath: lock)
        try repository.createTagReferencesPacked(tags, on: commit)
        #expect(try repository.resolve("refs/tags/cards/a/v1") == tags.first?.object)
    }

    @Test func aDamagedPackedRefsFileIsNamedWithItsLine() throws {
        let (scratch, repository, commit) = try repositoryWithACommit()
        try scratch.write(
            ".git/packed-refs", "# pack-refs with: peeled fully-peeled sorted \n\(commit.hex) refs/tags/a\nnot a line\n"
        )
        let tags = try tagObjects(["cards/a/v1"], on: commit, in: repository)
        #expect {
            try repository.createTagReferencesPacked(tags, on: commit)
        } throws: { error in
            CardiganError(error as? GitError ?? .notFound("")).description.contains(
                "the repository is damaged: corrupted packed-refs file '\(scratch.path)/.git/packed-refs': line 3 is not a reference"
            )
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.git/packed-refs.lock"))
    }

    /// A file written by an older git keeps what its header says of its lines: no header stays
    /// without one (its tags may lack their peeled lines), a header without `sorted` gains it
    /// (what is written is sorted), and the lines stay byte for byte.
    @Test(arguments: ["", "# pack-refs with: peeled \n"])
    func anOlderFileKeepsItsHeaderAndLines(header: String) throws {
        let (scratch, repository, commit) = try repositoryWithACommit()
        let old = "\(commit.hex) refs/tags/zz-old\n"
        try scratch.write(".git/packed-refs", header + old)
        let tags = try tagObjects(["cards/a/v1"], on: commit, in: repository)
        try repository.createTagReferencesPacked(tags, on: commit)
        let tagObject = try #require(tags.first?.object)
        let expectedHeader = header.isEmpty ? "" : "# pack-refs with: peeled sorted \n"
        #expect(
            try scratch.read(".git/packed-refs")
                == expectedHeader + "\(tagObject.hex) refs/tags/cards/a/v1\n^\(commit.hex)\n" + old)
        #expect(try scratch.git("tag", "-l") == "cards/a/v1\nzz-old\n")
        try scratch.git("fsck", "--strict")
    }
}
