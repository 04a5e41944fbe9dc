import CardiganKit
import Foundation
import TestSupport
import Testing

/// `log` finds a card's commits through `.git/cardigan/commit-cards-v1`. The file is checked
/// against its own checksum and each commit read against the parents it gives, but an entry
/// rewritten with a matching checksum by someone who can write `.git` can still hide a
/// commit; `log --no-cache` reads every commit of the history, as `verify --no-cache` trusts
/// nothing but git's objects.
@Suite struct LogIndexEndToEndTests {
    @Test func noCacheReadsEveryCommitPastAForgedIndex() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "a v3").checked()
        let honest = try repo.cardigan("log", "a")
        #expect(honest.status == 0 && honest.output.contains("a v3"), "\(honest.output)\(honest.error)")

        // a's line in the index loses the commit of version 3 (HEAD), the checksum made to match.
        let path = repo.path + "/.git/cardigan/commit-cards-v1"
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let file = try repo.read(".git/cardigan/commit-cards-v1").split(separator: "\n").dropLast()
        let number = try #require(file.filter { $0.hasPrefix("c ") }.firstIndex { $0.hasPrefix("c \(head)") })
        let lines = file.map { line in
            line.hasPrefix("n a ")
                ? line.split(separator: " ").filter { $0 != "\(number)" }.joined(separator: " ") : String(line)
        }
        let body = lines.joined(separator: "\n") + "\n"
        try Data((body + "sha256 " + CardDigest.sha256Hex(Data(body.utf8)) + "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        let forged = try repo.cardigan("log", "a")
        #expect(!forged.output.contains("a v3"), "the forged index hides version 3: \(forged.output)")

        let audited = try repo.cardigan("log", "a", "--no-cache")
        #expect(audited.status == 0 && audited.output == honest.output, "\(audited.output)\(audited.error)")
    }
}
