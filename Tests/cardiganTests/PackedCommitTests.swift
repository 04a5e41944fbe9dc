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
}
