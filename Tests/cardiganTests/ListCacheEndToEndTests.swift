import Foundation
import TestSupport
import Testing

/// `list` reads each card blob once into its own cache (`.git/cardigan/list-v1`) and must show
/// the same from a fresh clone, from that cache and after `verify`, invalid cards included.
@Suite struct ListCacheEndToEndTests {
    /// Two cards made by cardigan, and two committed with git alone: one against the schema
    /// (a misspelt risk rating), one that is not YAML (an unclosed flow sequence).
    private func repository() throws -> CardRepo {
        let repo = try CardRepo.withTwoCards()
        try repo.write("cards/c.yaml", CardRepo.card("c", status: "Approved", risk: "Meduim"))
        try repo.write("cards/d.yaml", "status: Draft\nname: [d\n")
        try repo.git("add", "cards/c.yaml", "cards/d.yaml")
        try repo.git("commit", "-q", "-m", "two cards without cardigan")
        return repo
    }

    private func removeCaches(_ repo: CardRepo) {
        try? FileManager.default.removeItem(atPath: repo.path + "/.git/cardigan")
    }

    @Test func showsTheSameColdFromItsCacheAndAfterVerify() throws {
        let repo = try repository()
        removeCaches(repo)
        let cold = try repo.cardigan("list", "--format", "json").checked().output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cold.utf8)) as? [String: Any])
        let cards = try #require(json["cards"] as? [[String: Any]])
        #expect(cards.map { $0["card"] as? String } == ["a", "b", "c", "d"])
        #expect(cards[0]["version"] as? Int == 2 && cards[0]["status"] as? String == "Draft")
        #expect(cards[2]["status"] as? String == "Approved" && cards[2]["risk_rating"] as? String == "Meduim")
        #expect(cards[3]["status"] is NSNull, "a card that is not YAML shows no status: \(cards[3])")

        let cacheFile = repo.path + "/.git/cardigan/list-v1"
        #expect(try String(contentsOfFile: cacheFile, encoding: .utf8).split(separator: "\n").count == 4)
        #expect(
            !FileManager.default.fileExists(atPath: repo.path + "/.git/cardigan/snapshots-v6"),
            "list neither validates nor digests, so it learns no snapshot")
        #expect(try repo.cardigan("list", "--format", "json").checked().output == cold, "from its cache")

        _ = try repo.cardigan("verify")  // findings (c and d), not what is compared
        #expect(try repo.cardigan("list", "--format", "json").checked().output == cold, "after verify")
        let text = try repo.cardigan("list").checked().output
        removeCaches(repo)
        #expect(try repo.cardigan("list").checked().output == text, "text cold and warm")
    }

    @Test func trustsItsCacheUntilItIsDeleted() throws {
        let repo = try repository()
        removeCaches(repo)
        let before = try repo.cardigan("list").checked().output
        let blob = try repo.git("rev-parse", "HEAD:cards/b.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        let cacheFile = repo.path + "/.git/cardigan/list-v1"
        let cached = try String(contentsOfFile: cacheFile, encoding: .utf8)
        #expect(cached.contains(blob + "\tDraft\t=Medium\t\n"), "\(cached)")
        try cached.replacingOccurrences(of: blob + "\tDraft\t", with: blob + "\tArchived\t")
            .write(toFile: cacheFile, atomically: true, encoding: .utf8)
        // A cached blob is not read again: what the cache says is shown.
        #expect(try repo.cardigan("list", "--status", "Archived").checked().output.contains("Archived"))
        removeCaches(repo)
        #expect(try repo.cardigan("list").checked().output == before)
        #expect(!(try repo.cardigan("list", "--status", "Archived").checked().output.contains("Archived")))
    }
}
