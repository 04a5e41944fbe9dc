import Foundation
import TestSupport
import Testing

/// Commits of many cards at once: each card's last record is read from one large head commit
/// (parsed once for all of them), and every card still gets its own next version.
@Suite struct ManyCardsCommitTests {
    /// Enough cards that the first commit's message is far over 4 KiB, the size past which
    /// cardigan keeps a commit's parsed records instead of reading it per card.
    static let count = 120

    @Test func updatingEveryCardOfALargeCommitVersionsEachOnce() throws {
        let repo = try CardRepo()
        let names = (0..<Self.count).map { String(format: "card-%03d", $0) }
        for name in names { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.cardigan("commit", "-m", "all cards").checked()
        #expect(try repo.git("log", "-1", "--format=%B").utf8.count > 4096)
        // Every card changes, one of them only in status: a status commit, not a version.
        for name in names.dropFirst() {
            try repo.edit("cards/\(name).yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        }
        try repo.edit("cards/card-000.yaml", replacing: "status: Draft", with: "status: PendingReview")
        try repo.cardigan("commit", "-m", "every card").checked()

        let trailers = try repo.git(
            "log", "-1", "--format=%(trailers:key=Card,key=Card-Version,key=Card-Change,valueonly,separator=%x20)")
        let groups = trailers.split(separator: "\n").map(String.init)
        #expect(groups.count == 1)
        let words = groups.first?.split(separator: " ").map(String.init) ?? []
        #expect(words.count == Self.count * 3)
        let records = stride(from: 0, to: words.count - 2, by: 3).map { (words[$0], words[$0 + 1], words[$0 + 2]) }
        #expect(records.filter { $0.1 == "2" && $0.2 == "version" }.count == Self.count - 1)
        #expect(records.contains { $0.0 == "card-000" && $0.1 == "1" && $0.2 == "status" })
        let tags = try repo.git("tag", "-l", "cards/*/v2").split(separator: "\n")
        #expect(tags.count == Self.count - 1)
        #expect(!tags.contains("cards/card-000/v2"))
        try repo.git("fsck", "--strict")
        #expect(try repo.git("status", "--porcelain").isEmpty)
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")
    }

    /// The cards of a commit are parsed and checked on every core: their findings still come
    /// in card order, those of the schema (read with the working card) and those of the history
    /// (a model name compared with the committed card's), and nothing is written.
    @Test func findingsOfCardsCheckedTogetherComeInCardOrder() throws {
        let repo = try CardRepo()
        let names = (0..<Self.count).map { String(format: "card-%03d", $0) }
        for name in names { try repo.write("cards/\(name).yaml", CardRepo.card(name)) }
        try repo.cardigan("commit", "-m", "all cards").checked()
        for name in names {
            try repo.edit("cards/\(name).yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        }
        try repo.edit("cards/card-011.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Extreme")
        try repo.edit("cards/card-064.yaml", replacing: "card-064-model", with: "renamed-model")
        try repo.edit("cards/card-117.yaml", replacing: "risk_rating: Medium", with: "risk_rating: Extreme")
        let head = try repo.git("rev-parse", "main")

        let refused = try repo.cardigan("commit", "-m", "every card")
        #expect(refused.status == 1, "\(refused.output)\(refused.error)")
        let text = refused.output + refused.error
        let lines = text.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0.prefix(20)) }
        #expect(
            lines == ["cards/card-011.yaml:", "cards/card-064.yaml:", "cards/card-117.yaml:"], "\(text)")
        #expect(text.contains("[model-name-changed]"), "\(text)")
        #expect(try repo.git("rev-parse", "main") == head)
        #expect(try repo.git("tag", "-l", "cards/*/v2").isEmpty)
    }

    /// A large commit writes its blobs under the ids hashed while the cards were checked, except
    /// where it commits other bytes than the file held (an Approved status rewritten to Draft):
    /// each card's blob is the one git makes of the file cardigan leaves behind.
    @Test func aLargeCommitStoresEachCardUnderTheIdGitGivesIt() throws {
        let repo = try CardRepo()
        let names = (0..<60).map { String(format: "card-%03d", $0) }
        for (index, name) in names.enumerated() {
            try repo.write("cards/\(name).yaml", CardRepo.card(name, status: index % 3 == 0 ? "Approved" : "Draft"))
        }
        try repo.cardigan("commit", "-m", "all cards").checked()
        let entries = try repo.git("ls-tree", "main", "cards/").split(separator: "\n")
        #expect(entries.count == names.count)
        for entry in entries {
            let fields = entry.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            #expect(fields.count == 4)
            guard fields.count == 4 else { continue }
            #expect(try repo.git("hash-object", fields[3]) == fields[2] + "\n", "\(fields[3])")
        }
        #expect(try repo.git("show", "main:cards/card-003.yaml").contains("status: Draft"))
        #expect(try repo.git("count-objects", "-v").contains("in-pack: \(names.count * 2 + 3)"))
        try repo.git("fsck", "--strict")
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }
}
