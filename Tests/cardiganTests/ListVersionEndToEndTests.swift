import Foundation
import TestSupport
import Testing

/// What `list` trusts: a version tag only when its tag object records that version (the commit
/// is the truth, and `show` reads it), remembered by the tag object's id; and git's object
/// files as git reads them, without hashing each again (`verify --no-cache` is the audit).
@Suite struct ListVersionEndToEndTests {
    /// Each card's version in `list --format json`, nil for none.
    private func versions(_ repo: CardRepo, _ arguments: String...) throws -> [String: Int?] {
        let output = try repo.repo.run([PackagePaths.cardigan, "list", "--format", "json"] + arguments).checked().output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let cards = try #require(json["cards"] as? [[String: Any]])
        var found: [String: Int?] = [:]
        for card in cards { found[try #require(card["card"] as? String)] = card["version"] as? Int }
        return found
    }

    private func removeCaches(_ repo: CardRepo) {
        try? FileManager.default.removeItem(atPath: repo.path + "/.git/cardigan")
    }

    /// The trailers of a tag message as cardigan writes them, with `digest`.
    private func tagMessage(_ card: String, _ version: Int, digest: String) -> String {
        "cards/\(card)/v\(version)\n\nCard: \(card)\nCard-Version: \(version)\nCard-Digest: \(digest)\n"
            + "Card-Status: Draft\n"
    }

    @Test func aHandMadeVersionTagIsNoVersionAsInShow() throws {
        let repo = try CardRepo.withTwoCards()  // 'a' at version 2, 'b' at 1
        try repo.write("cards/c.yaml", CardRepo.card("c"))
        try repo.write("cards/d.yaml", CardRepo.card("d"))
        try repo.git("add", "cards/c.yaml", "cards/d.yaml")
        try repo.git("commit", "-q", "-m", "two cards without cardigan")
        let zero = "sha256:" + String(repeating: "0", count: 64)
        try repo.git("tag", "-a", "-m", tagMessage("c", 1, digest: zero), "cards/c/v1", "HEAD")
        try repo.git("tag", "-a", "-m", "made by hand", "cards/d/v1", "HEAD")
        try repo.git("tag", "-a", "-m", tagMessage("a", 3, digest: zero), "cards/a/v3", "HEAD")
        let expected: [String: Int?] = ["a": 2, "b": 1, "c": nil, "d": nil]
        removeCaches(repo)
        #expect(try versions(repo) == expected, "cold")
        #expect(try versions(repo) == expected, "from its cache")
        #expect(try versions(repo, "--status", "Draft") == expected, "filtered")
        try repo.git("pack-refs", "--all")
        removeCaches(repo)
        #expect(try versions(repo) == expected, "packed")
        for card in ["c", "d"] {
            let shown = try repo.cardigan("show", card)
            #expect(shown.status != 0 && shown.error.contains("no committed version"), "\(shown.error)")
        }
        let text = try repo.cardigan("list").checked().output
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("a ") && $0.contains(" v2 ") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("c ") && !$0.contains(" v1 ") }, "\(text)")
    }

    @Test func aSoundTagIsReadOnceThenTrustedByItsId() throws {
        let repo = try CardRepo.withTwoCards()
        removeCaches(repo)
        #expect(try versions(repo) == ["a": 2, "b": 1])
        let tag = try repo.git("rev-parse", "refs/tags/cards/a/v2").trimmingCharacters(in: .whitespacesAndNewlines)
        let cached = try String(contentsOfFile: repo.path + "/.git/cardigan/list-tags-v2", encoding: .utf8)
        #expect(cached.split(separator: "\n").contains(Substring(tag + " a/v2")), "\(cached)")
        let objectFile = repo.path + "/.git/objects/" + tag.prefix(2) + "/" + tag.dropFirst(2)
        try #require(FileManager.default.fileExists(atPath: objectFile), "the tag object is a loose file")
        try FileManager.default.removeItem(atPath: objectFile)
        #expect(try versions(repo) == ["a": 2, "b": 1], "the tag object is not read again")
        removeCaches(repo)
        let cold = try repo.cardigan("list")
        #expect(cold.status == 2 && cold.error.contains(tag), "read again once forgotten: \(cold.error)")
    }

    /// A tag object is trusted for the card and version it was read for, not for its id alone:
    /// another card's reference to it records nothing of that card, warm as cold.
    @Test func aRememberedTagIsTrustedOnlyForItsCardAndVersion() throws {
        let repo = try CardRepo.withTwoCards()  // 'a' at version 2, 'b' at 1
        removeCaches(repo)
        #expect(try versions(repo) == ["a": 2, "b": 1], "learns a's v2 tag")
        let tag = try repo.git("rev-parse", "refs/tags/cards/a/v2").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-ref", "refs/tags/cards/b/v2", tag)
        #expect(try versions(repo) == ["a": 2, "b": 1], "warm")
        try repo.git("pack-refs", "--all")
        #expect(try versions(repo) == ["a": 2, "b": 1], "warm, packed")
        removeCaches(repo)
        #expect(try versions(repo) == ["a": 2, "b": 1], "cold")
    }

    /// `list` is not the integrity check: a blob is read as git reads it, not hashed again.
    @Test func readsObjectFilesWithoutHashingThemAgain() throws {
        let repo = try CardRepo.withTwoCards()
        let blob = try repo.git("rev-parse", "HEAD:cards/a.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("forged.yaml", CardRepo.card("a", risk: "High"))
        let forged = try repo.git("hash-object", "-w", "forged.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        func objectFile(_ id: String) -> String { repo.path + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2) }
        try #require(FileManager.default.fileExists(atPath: objectFile(blob)), "the card's blob is a loose object")
        try FileManager.default.removeItem(atPath: objectFile(blob))
        try FileManager.default.copyItem(atPath: objectFile(forged), toPath: objectFile(blob))
        removeCaches(repo)
        let listed = try repo.cardigan("list").checked().output
        #expect(listed.split(separator: "\n").contains { $0.hasPrefix("a ") && $0.contains("High") }, "\(listed)")
        let audited = try repo.cardigan("verify", "--no-cache")
        #expect(audited.status == 2 && audited.error.contains(blob), "\(audited.output)\(audited.error)")
    }
}
