import Foundation
import TestSupport
import Testing

/// What `list` trusts: git's object files as git reads them, without hashing each again
/// (`verify --no-cache` is the audit).
@Suite struct ListVersionEndToEndTests {
    private func removeCaches(_ repo: CardRepo) {
        try? FileManager.default.removeItem(atPath: repo.path + "/.git/cardigan")
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
