import Foundation
import TestSupport
import Testing

/// A commit of many cards stores its new objects — blobs, trees, the commit and the tag
/// objects — as one pack (flushed once) instead of a loose file each; a small commit stays
/// loose. The git CLI is the oracle: `verify-pack`, `fsck --strict`, and a fresh clone.
@Suite struct PackedCommitTests {
    /// Over the 50 cards from which a commit is packed.
    static let count = 60

    private static func names() -> [String] { (0..<count).map { String(format: "card-%03d", $0) } }

    /// The pack files in the repository's object folder.
    private func packs(_ repo: CardRepo) throws -> [String] {
        let folder = repo.path + "/.git/objects/pack"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasSuffix(".pack") }.sorted().map { folder + "/" + $0 }
    }

    /// The number of loose objects, from `git count-objects -v`.
    private func looseCount(_ repo: CardRepo) throws -> Int {
        let line = try repo.git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("count: ") }
        return Int(line?.dropFirst("count: ".count) ?? "") ?? -1
    }

    /// The ids of the objects in the pack `pack`, from `git verify-pack -v` (which also checks it).
    private func packedIDs(_ repo: CardRepo, _ pack: String) throws -> Set<String> {
        let listing = try repo.git("verify-pack", "-v", String(pack.dropLast(".pack".count)) + ".idx")
        return Set(
            listing.split(separator: "\n").compactMap { line in
                let id = line.prefix { $0 != " " }
                return id.count == 40 ? String(id) : nil
            })
    }

    @Test func aCommitOfManyCardsIsOnePackThatGitReadsAndClones() throws {
        let repo = try CardRepo()
        for name in Self.names() { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.cardigan("commit", "-m", "many cards").checked()
        let first = try packs(repo)
        #expect(first.count == 1, "\(first)")
        #expect(try looseCount(repo) == 0, "the commit wrote loose objects beside its pack")
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let tagObjects = try repo.git("for-each-ref", "--format=%(objectname)", "refs/tags/cards/").split(
            separator: "\n"
        ).map(String.init)
        #expect(tagObjects.count == Self.count)
        let packed = try packedIDs(repo, first.first ?? "")
        #expect(packed.contains(head))
        #expect(tagObjects.allSatisfy { packed.contains($0) }, "a tag object is not in the pack")
        // A new version of every card: a second pack, whose tags chain to the first pack's.
        for name in Self.names() {
            try repo.edit("cards/\(name).yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        }
        try repo.cardigan("commit", "-m", "every card").checked()
        #expect(try packs(repo).count == 2)
        #expect(try looseCount(repo) == 0)
        #expect(try repo.git("tag", "-l", "cards/*/v2").split(separator: "\n").count == Self.count)
        try repo.git("fsck", "--strict")
        #expect(try repo.git("status", "--porcelain").isEmpty)
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")

        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-clone-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try repo.repo.run(["git", "clone", "--quiet", repo.path, clone]).checked()
        try ProcessResult.run(["git", "fsck", "--strict"], in: clone).checked()
        let cloned = try ProcessResult.run(["git", "tag", "-l", "cards/*"], in: clone).checked().output
        #expect(cloned.split(separator: "\n").count == Self.count * 2)
        let clonedVerify = try ProcessResult.run([PackagePaths.cardigan, "verify"], in: clone)
        #expect(clonedVerify.status == 0, "\(clonedVerify.output)\(clonedVerify.error)")
    }

    @Test func aCommitOfOneCardStaysLoose() throws {
        let repo = try CardRepo()
        try repo.write("cards/one.yaml", CardRepo.card("one"))
        try repo.cardigan("commit", "-m", "one card").checked()
        #expect(try packs(repo).isEmpty)
        // A blob, the cards folder, the root tree, the commit and the version tag's object.
        #expect(try looseCount(repo) == 5)
        try repo.git("fsck", "--strict")
    }

    @Test func aRefusedCommitOfManyCardsStoresNoObject() throws {
        let repo = try CardRepo()
        for name in Self.names() { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.cardigan("commit", "-m", "many cards").checked()
        let head = try repo.git("rev-parse", "HEAD")
        // A version tag deleted by hand: found once the new blobs and trees are written.
        try repo.git("tag", "-d", "cards/card-007/v1")
        for name in Self.names() {
            try repo.edit("cards/\(name).yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        }
        let refused = try repo.cardigan("commit", "-m", "every card")
        repo.expect(refused, status: 2, saying: "tag 'cards/card-007/v1' is missing")
        #expect(try packs(repo).count == 1, "a refused commit stored a pack")
        #expect(try looseCount(repo) == 0, "a refused commit stored loose objects")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        try repo.git("fsck", "--strict")
    }

    /// The loose tag reference files under `.git/refs/tags`.
    private func looseTags(_ repo: CardRepo) -> [String] {
        let folder = repo.path + "/.git/refs/tags"
        let found = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return found.filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
    }

    @Test func aCommitOfManyCardsWritesItsTagReferencesIntoPackedRefs() throws {
        let repo = try CardRepo()
        for name in Self.names() { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.cardigan("commit", "-m", "many cards").checked()
        #expect(looseTags(repo).isEmpty, "loose tag files: \(looseTags(repo))")
        // The index records each card's stat data as git would (no refresh needed).
        #expect(try repo.git("diff-files", "--name-only") == "")
        let packedRefs = try repo.read(".git/packed-refs")
        #expect(packedRefs.hasPrefix("# pack-refs with: peeled fully-peeled sorted \n"))
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(
            packedRefs.components(separatedBy: "^\(head)\n").count == Self.count + 1, "a tag without its peeled line")
        #expect(try repo.git("show-ref", "--tags").split(separator: "\n").count == Self.count)
        #expect(
            try repo.git("for-each-ref", "--format=%(*objectname)", "refs/tags/cards/")
                == String(repeating: head + "\n", count: Self.count))
        // git's own tag beside cardigan's, then a second large commit merged into the same file.
        try repo.git("tag", "-a", "-m", "release", "release-1")
        for name in Self.names() {
            try repo.edit("cards/\(name).yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        }
        try repo.cardigan("commit", "-m", "every card").checked()
        #expect(looseTags(repo) == ["release-1"])
        #expect(try repo.git("tag", "-l", "cards/*").split(separator: "\n").count == Self.count * 2)
        try repo.git("fsck", "--strict")
        try repo.cardigan("verify").checked()
        #expect(try repo.git("status", "--porcelain").isEmpty)
        try repo.git("pack-refs", "--all")
        try repo.git("gc", "--quiet")
        try repo.git("fsck", "--strict")
        try repo.cardigan("verify").checked()
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-clone-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try repo.repo.run(["git", "clone", "--quiet", repo.path, clone]).checked()
        let cloned = try ProcessResult.run(["git", "tag", "-l"], in: clone).checked().output
        #expect(cloned == (try repo.git("tag", "-l")) && cloned.split(separator: "\n").count == Self.count * 2 + 1)
        try ProcessResult.run([PackagePaths.cardigan, "verify"], in: clone).checked()
        // The honest twin: a small commit still makes a loose reference.
        try repo.edit("cards/card-001.yaml", replacing: "Predicts churn weekly.", with: "Predicts churn daily.")
        try repo.cardigan("commit", "-m", "one card").checked()
        #expect(looseTags(repo) == ["cards/card-001/v3"])
    }

    @Test func aHeldPackedRefsLockIsNamedBeforeTheBranchMoves() throws {
        let repo = try CardRepo()
        for name in Self.names() { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.write("cards/first.yaml", CardRepo.card("first"))
        try repo.cardigan("commit", "-m", "first", "first").checked()
        let head = try repo.git("rev-parse", "HEAD")
        let lock = repo.path + "/.git/packed-refs.lock"
        try Data().write(to: URL(fileURLWithPath: lock))
        let refused = try repo.cardigan("commit", "-m", "many cards")
        repo.expect(refused, status: 2, saying: "packed-refs.lock' exists")
        #expect(refused.error.contains("nothing was committed"), "\(refused.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/cardigan-commit.json"))
        #expect(FileManager.default.fileExists(atPath: lock), "another writer's lock was removed")
        try FileManager.default.removeItem(atPath: lock)
        try repo.cardigan("commit", "-m", "many cards").checked()
        #expect(try repo.git("tag", "-l", "cards/card-*").split(separator: "\n").count == Self.count)
        try repo.cardigan("verify").checked()
    }
}
