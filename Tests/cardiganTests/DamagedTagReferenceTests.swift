import Foundation
import TestSupport
import Testing

/// A tag reference file that git cannot follow fails `verify` with `tag-reference-damaged` at
/// the file, whether a `packed-refs` copy hides it from libgit2, no copy exists, or the file
/// names a missing object; git is the oracle that the reference is broken, and the hint's repair
/// restores a clean `git fsck`.
@Suite struct DamagedTagReferenceTests {
    private static let file = ".git/refs/tags/cards/a/v1"

    /// ``CardRepo/withTwoCards()`` verified clean, its references packed (`git pack-refs --all`).
    private func packedHistory() throws -> CardRepo {
        let repo = try CardRepo.withTwoCards()
        try repo.git("pack-refs", "--all")
        try repo.cardigan("verify").checked()
        return repo
    }

    /// Writes `text` as the loose reference file of `cards/a/v1`.
    private func damage(_ repo: CardRepo, with text: String) throws {
        try FileManager.default.createDirectory(
            atPath: repo.path + "/.git/refs/tags/cards/a", withIntermediateDirectories: true)
        try repo.write(Self.file, text)
    }

    /// `verify` fails with the finding at the reference's file and no `version-tag-missing` beside it.
    private func expectDamaged(_ repo: CardRepo, _ text: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let result = try repo.cardigan("verify")
        #expect(result.status == 1, "\(result.output)", sourceLocation: sourceLocation)
        #expect(
            result.output.hasPrefix("\(Self.file): error: the reference of tag 'cards/a/v1' \(text)"),
            "\(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains("[tag-reference-damaged]"), "\(result.output)", sourceLocation: sourceLocation)
        #expect(!result.output.contains("version-tag-missing"), "\(result.output)", sourceLocation: sourceLocation)
        // The oracle: git refuses the reference too.
        #expect(try repo.repo.run(["git", "show-ref"]).status != 0, sourceLocation: sourceLocation)
    }

    /// The hint's repair: delete the file, `verify --repair`, and git finds nothing wrong.
    private func repairAsHinted(_ repo: CardRepo, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try FileManager.default.removeItem(atPath: repo.path + "/" + Self.file)
        let repair = try repo.cardigan("verify", "--repair")
        #expect(repair.status == 0, "\(repair.output)\(repair.error)", sourceLocation: sourceLocation)
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict", "--no-dangling")
        #expect(try repo.git("cat-file", "-t", "cards/a/v1") == "tag\n", sourceLocation: sourceLocation)
    }

    @Test func aGarbageLooseTagOverAPackedCopyFailsVerify() throws {
        let repo = try packedHistory()
        try damage(repo, with: "junk\n")
        try expectDamaged(repo, "holds no object id: git ignores it ('ignoring broken ref')")
        try repairAsHinted(repo)
    }

    @Test func aGarbageLooseTagWithNoPackedCopyFailsVerify() throws {
        let repo = try CardRepo.withTwoCards()
        let tag = try repo.git("rev-parse", "cards/a/v1").trimmingCharacters(in: .whitespacesAndNewlines)
        try damage(repo, with: "junk\n")
        try expectDamaged(repo, "holds no object id")
        try repairAsHinted(repo)
        // Re-created from the trailers, it is the tag that was lost.
        #expect(try repo.git("rev-parse", "cards/a/v1").trimmingCharacters(in: .whitespacesAndNewlines) == tag)
    }

    @Test func aLooseTagNamingAMissingObjectFailsVerify() throws {
        let repo = try CardRepo.withTwoCards()
        try damage(repo, with: String(repeating: "12345678", count: 5) + "\n")
        try expectDamaged(
            repo, "names object 1234567812345678123456781234567812345678, which the repository does not have")
        try repairAsHinted(repo)
    }

    @Test func aDamagedLinkTagFailsVerify() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.cardigan("link", "a", "--model-package", "churn/1").checked()
        try repo.write(".git/refs/tags/model-packages/churn/1", "junk\n")
        let result = try repo.cardigan("verify")
        #expect(result.status == 1, "\(result.output)")
        #expect(
            result.output.contains(
                ".git/refs/tags/model-packages/churn/1: error: the reference of tag 'model-packages/churn/1' holds no object id"
            ),
            "\(result.output)")
        #expect(!result.output.contains("link-tag-missing"), "\(result.output)")
    }

    @Test func healthyLooseAndPackedTagsPass() throws {
        // The twin: packed references, a loose one beside them and a lock file of a write in
        // progress are no damage.
        let repo = try packedHistory()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "a v3").checked()
        try repo.write(".git/refs/tags/cards/a/v4.lock", "junk\n")
        let result = try repo.cardigan("verify")
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("tag-reference-damaged"))
    }
}
