import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The multi-pack index the pack writer keeps (``Repository/keepMultiPackIndex(outsideLimit:)``):
/// written when more than ``Repository/packsOutsideMultiPackIndexLimit`` packs lie outside it,
/// read by libgit2 and by the git CLI (`multi-pack-index verify`, `fsck`), and harmless when it
/// is behind, names a pack that is gone, or cannot be written.
@Suite struct MultiPackIndexTests {
    private let author = Signature(name: "Ada", email: "ada@example.com", time: 1_700_000_000, offsetMinutes: 0)

    /// The pack folder of `scratch`.
    private func folder(_ scratch: ScratchRepository) -> String { scratch.path + "/.git/objects/pack" }

    /// How many packs the multi-pack index of `scratch` covers, as its header says; nil without one.
    private func covered(_ scratch: ScratchRepository) -> Int? {
        Repository.multiPackIndexPackCount(in: folder(scratch))
    }

    /// Writes `count` packs, as large commits do: each a blob, a tree and a commit on top of
    /// `parent`; returns every commit and blob written, oldest first.
    private func writePacks(
        _ count: Int, in repository: Repository, after parent: ObjectID?, from first: Int = 0
    ) throws -> (commits: [ObjectID], blobs: [ObjectID]) {
        var commits: [ObjectID] = []
        var blobs: [ObjectID] = []
        var parent = parent
        for index in first..<(first + count) {
            let (blob, commit) = try repository.writingObjectsAsOnePack {
                let blob = try repository.writeBlob(Array("name: card-\(index)\n".utf8))
                let tree = try repository.writeTree(basedOn: parent, replacing: ["cards/c\(index).yaml": blob])
                let commit = try repository.createCommit(
                    tree: tree, parents: parent.map { [$0] } ?? [], message: "pack \(index)\n", author: author,
                    committer: author)
                return (blob, commit)
            }
            commits.append(commit)
            blobs.append(blob)
            parent = commit
        }
        return (commits, blobs)
    }

    @Test func packWritesKeepAnIndexThatGitAndLibgit2Read() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let limit = Repository.packsOutsideMultiPackIndexLimit
        var (commits, blobs) = try writePacks(limit, in: repository, after: nil)
        #expect(covered(scratch) == nil, "no index while \(limit) packs are outside it")
        var more = try writePacks(1, in: repository, after: commits.last, from: limit)
        commits += more.commits
        blobs += more.blobs
        #expect(covered(scratch) == limit + 1)
        // Packs written after it are outside it until the limit is passed again.
        more = try writePacks(3, in: repository, after: commits.last, from: limit + 1)
        commits += more.commits
        blobs += more.blobs
        #expect(covered(scratch) == limit + 1)
        let head = try #require(commits.last)
        try scratch.git("update-ref", "refs/heads/main", head.hex)
        try scratch.git("multi-pack-index", "verify")
        try scratch.git("fsck", "--strict", "--no-dangling")
        // A fresh libgit2 handle finds every object, in the index or in a pack outside it.
        let reopened = try Repository.open(at: scratch.path)
        for (index, blob) in blobs.enumerated() {
            #expect(try reopened.readBlob(blob) == Array("name: card-\(index)\n".utf8))
        }
        #expect(try reopened.commitsOldestFirst(from: head) == commits)
        let names = try #require(Repository.multiPackIndexPackNames(in: folder(scratch)))
        #expect(names.count == limit + 1 && names.allSatisfy { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") })
        #expect(covered(scratch) == limit + 1, "opening keeps an index whose packs are all there")
        #expect(try repository.keepMultiPackIndex(outsideLimit: 0))
        #expect(covered(scratch) == limit + 4)
        #expect(try !repository.keepMultiPackIndex(outsideLimit: 0), "nothing outside it: not written again")
        try scratch.git("multi-pack-index", "verify")
        #expect(!FileManager.default.fileExists(atPath: folder(scratch) + "/multi-pack-index.lock"))
    }

    /// A repository with three packs written by cardigan, a multi-pack index over them and
    /// `main` at the last commit: what the stale-index tests start from.
    private func threeIndexedPacks() throws -> (ScratchRepository, commits: [ObjectID], blobs: [ObjectID]) {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let (commits, blobs) = try writePacks(3, in: repository, after: nil)
        #expect(try repository.keepMultiPackIndex(outsideLimit: 0))
        let head = try #require(commits.last)
        try scratch.git("update-ref", "refs/heads/main", head.hex)
        return (scratch, commits, blobs)
    }

    /// Every blob and commit `writePacks` wrote reads back through `repository`.
    private func expectEverythingReads(in repository: Repository, commits: [ObjectID], blobs: [ObjectID]) throws {
        for (number, blob) in blobs.enumerated() {
            #expect(try repository.readBlob(blob) == Array("name: card-\(number)\n".utf8))
        }
        #expect(try repository.commitsOldestFirst(from: #require(commits.last)) == commits)
    }

    @Test func anIndexNamingPacksThatAreGoneIsHarmless() throws {
        let (scratch, commits, blobs) = try threeIndexedPacks()
        // `git repack -a -d` by a git that leaves the old index behind: every pack it names is gone.
        let index = folder(scratch) + "/multi-pack-index"
        let stale = try Data(contentsOf: URL(fileURLWithPath: index))
        try scratch.git("repack", "-a", "-d", "-q")
        try stale.write(to: URL(fileURLWithPath: index))
        #expect(covered(scratch) == 3)
        #expect(Repository.multiPackIndexPackNames(in: folder(scratch))?.count == 3)
        let reopened = try Repository.open(at: scratch.path)
        try expectEverythingReads(in: reopened, commits: commits, blobs: blobs)
        #expect(covered(scratch) == nil, "the index naming packs that are gone was removed")
        try scratch.git("fsck", "--strict", "--no-dangling")
    }

    /// A repack killed after it removed the old packs but before their `.idx` files leaves each
    /// `.idx` without its `.pack`: libgit2 opens the pack beside the name the index gives, so
    /// the index is dropped then too (it was kept: only the `.idx` was checked, and every read
    /// failed with 'invalid packfile').
    @Test func anIndexNamingPacksWhoseIdxFilesStayIsDropped() throws {
        let (scratch, commits, blobs) = try threeIndexedPacks()
        let index = folder(scratch) + "/multi-pack-index"
        let stale = try Data(contentsOf: URL(fileURLWithPath: index))
        let names = try #require(Repository.multiPackIndexPackNames(in: folder(scratch)))
        let idxFiles = try names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder(scratch) + "/" + $0))) }
        try scratch.git("repack", "-a", "-d", "-q")
        try stale.write(to: URL(fileURLWithPath: index))
        for (name, bytes) in idxFiles { try bytes.write(to: URL(fileURLWithPath: folder(scratch) + "/" + name)) }
        #expect(names.allSatisfy { FileManager.default.fileExists(atPath: folder(scratch) + "/" + $0) })
        let reopened = try Repository.open(at: scratch.path)
        #expect(covered(scratch) == nil, "the index naming packs that are gone was removed")
        try expectEverythingReads(in: reopened, commits: commits, blobs: blobs)
        // The honest twin: with every pack there, the index stays.
        #expect(try reopened.keepMultiPackIndex(outsideLimit: 0))
        _ = try Repository.open(at: scratch.path)
        #expect(covered(scratch) == 1)
    }

    @Test func anIndexThatCannotBeWrittenLeavesThePackAndTheOldIndex() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.open(at: scratch.path)
        let (commits, _) = try writePacks(2, in: repository, after: nil)
        #expect(try repository.keepMultiPackIndex(outsideLimit: 0))
        let index = folder(scratch) + "/multi-pack-index"
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        // Another writer holds the lock (or one was killed holding it).
        let lock = index + ".lock"
        let third = try writePacks(1, in: repository, after: commits.last, from: 2)
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("held".utf8)))
        #expect(throws: GitError.self) { try repository.keepMultiPackIndex(outsideLimit: 0) }
        let limit = Repository.packsOutsideMultiPackIndexLimit
        // Pack writes past the limit still succeed; the index is left as it was.
        let more = try writePacks(limit + 1, in: repository, after: third.commits.last, from: 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        #expect(try String(contentsOfFile: lock, encoding: .utf8) == "held")
        let head = try #require(more.commits.last)
        try scratch.git("update-ref", "refs/heads/main", head.hex)
        try scratch.git("fsck", "--strict", "--no-dangling")
        #expect(
            try Repository.open(at: scratch.path).commitsOldestFirst(from: head) == commits + third.commits
                + more.commits)
    }
}
