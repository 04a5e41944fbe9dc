import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `log <card>` walks the history through its index of which commits name which card
/// (`.git/cardigan/commit-cards-v1`, issue 18 goal 6), reading only the commits of its card
/// once the index holds the history. What it prints must be what the walk over every commit
/// printed (a store without the caches still walks that way: the oracle here), whatever
/// happened to the branch or to the file.
@Suite struct CommitCardIndexTests {
    /// A repository of 'churn', 'churn-v2' (whose name holds 'churn') and 'other', whose commit
    /// messages name 'churn' in their text: version 1 of all three, then `rounds` versions of
    /// each in turn.
    private func repository(rounds: Int = 4) throws -> (ScratchRepository, CardStore) {
        let scratch = try ScratchRepository()
        let store = try scratch.openedStore()
        for name in ["churn", "churn-v2", "other"] {
            try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "v0."))
        }
        _ = try store.commit(names: [], message: "first versions")
        for round in 1...rounds {
            for name in ["churn", "churn-v2", "other"] {
                try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "Round \(round)."))
                _ = try store.commit(names: [name], message: "\(name) \(round), unlike churn")
            }
        }
        return (scratch, store)
    }

    /// What `log` prints of `name`, as text and JSON.
    private func printed(_ store: CardStore, _ name: String) throws -> String {
        let entries = try store.auditTrail(of: name)
        return HistoryText.auditTrail(entries) + (try JSONOutput.log(card: name, entries: entries))
    }

    /// What the walk over every commit prints (a store that uses no cache reads no index).
    private func walkedOverEveryCommit(_ scratch: ScratchRepository, _ name: String) throws -> String {
        let store = try scratch.openedStore()
        store.usesSnapshotCache = false
        return try printed(store, name)
    }

    @Test func aWarmLogReadsOnlyTheCommitsOfItsCard() throws {
        let (scratch, store) = try repository()
        #expect(!FileManager.default.fileExists(atPath: scratch.cacheFile("commit-cards-v1")))
        store.repository.reads.reset()
        let cold = try printed(store, "churn")
        // Cold: each of the 13 commits once for the index, then churn's five read for their records.
        #expect(store.repository.reads.commitsRead == 13 + 5)
        #expect(FileManager.default.fileExists(atPath: scratch.cacheFile("commit-cards-v1")))
        for name in ["churn", "churn-v2", "other"] {
            let fresh = try scratch.openedStore()
            fresh.repository.reads.reset()
            let warm = try printed(fresh, name)
            #expect(fresh.repository.reads.commitsRead == 5)  // of 13: its versions 1 to 5
            #expect(warm == (try walkedOverEveryCommit(scratch, name)))
        }
        #expect(cold == (try walkedOverEveryCommit(scratch, "churn")))
        let oracle = try scratch.git("log", "--reverse", "--format=%H", "--grep=^Card: churn$").split(separator: "\n")
        #expect(try store.auditTrail(of: "churn").map(\.commit) == oracle.map(String.init))
    }

    @Test func newCommitsAreAddedWithoutReadingTheOldOnes() throws {
        let (scratch, store) = try repository(rounds: 2)
        _ = try printed(store, "other")
        try scratch.write("cards/churn.yaml", MinimalCard.text("churn", "Later."))
        _ = try store.commit(names: ["churn"], message: "churn later")
        try scratch.git("commit", "-q", "--allow-empty", "-m", "a plain git commit naming churn")
        store.repository.reads.reset()
        let after = try printed(store, "churn")
        // The two new commits for the index, then churn's four versions.
        #expect(store.repository.reads.commitsRead == 2 + 4)
        #expect(after == (try walkedOverEveryCommit(scratch, "churn")))
    }

    @Test func aRewrittenOrResetBranchIsWalkedFromItsNewHead() throws {
        let (scratch, store) = try repository(rounds: 3)
        let everyCard = ["churn", "churn-v2", "other"]
        for name in everyCard { _ = try printed(store, name) }
        // Back to the first round, then a different second round: the index still holds the old one.
        let rounds = try scratch.git("log", "--format=%H", "--grep=^churn 1,").split(separator: "\n")
        try scratch.git("reset", "-q", "--hard", String(rounds[0]))
        for tag in try scratch.git("tag", "--no-merged", "HEAD").split(separator: "\n") {
            try scratch.git("tag", "-d", String(tag))
        }
        try scratch.write("cards/churn.yaml", MinimalCard.text("churn", "Rewritten."))
        _ = try store.commit(names: ["churn"], message: "churn rewritten")
        for name in everyCard { #expect(try printed(store, name) == (try walkedOverEveryCommit(scratch, name))) }
        // A merge of the old history back in: both sides walked in libgit2's order.
        try scratch.git("merge", "-q", "--no-edit", "-s", "ours", "ORIG_HEAD")
        for name in everyCard { #expect(try printed(store, name) == (try walkedOverEveryCommit(scratch, name))) }
    }

    @Test(arguments: ["missing", "truncated", "corrupt", "edited", "lying"])
    func aDamagedIndexIsBuiltAnew(damage: String) throws {
        let (scratch, store) = try repository(rounds: 2)
        let expected = try walkedOverEveryCommit(scratch, "churn")
        _ = try printed(store, "churn")
        let path = scratch.cacheFile("commit-cards-v1")
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var text = String(decoding: bytes, as: UTF8.self)
        let churnLine = text.split(separator: "\n").first { $0.hasPrefix("n churn ") }.map(String.init) ?? ""
        switch damage {
        case "missing": try FileManager.default.removeItem(atPath: path)
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "corrupt": bytes[bytes.count / 3] ^= 0x20
        case "edited":  // churn's first version dropped from its line, the checksum left as it was
            text = text.replacingOccurrences(
                of: churnLine, with: "n churn " + churnLine.split(separator: " ")[3...].joined(separator: " "))
            bytes = Array(text.utf8)
        default:  // "lying": churn's second version given the root as its parent, skipping its
            // first, with the checksum made to match: the parents of each commit read are checked.
            let second = try scratch.git("log", "--format=%H", "--grep=^churn 2,").trimmingCharacters(in: .newlines)
            let root = try scratch.git("rev-list", "--max-parents=0", "HEAD").trimmingCharacters(in: .newlines)
            let lines = text.split(separator: "\n").dropLast().map { line in
                line.hasPrefix("c \(second) ") ? "c \(second) \(root)" : String(line)
            }
            let body = lines.joined(separator: "\n") + "\n"
            bytes = Array((body + "sha256 " + CardDigest.sha256Hex(Data(body.utf8)) + "\n").utf8)
        }
        if damage != "missing" { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
        let fresh = try scratch.openedStore()
        #expect(try printed(fresh, "churn") == expected)
        // Written anew and sound: the next run reads only churn's commits.
        var index = CommitCardIndex(gitDirectory: scratch.path + "/.git", enabled: true)
        let loaded = index.load()
        #expect(loaded)
        fresh.repository.reads.reset()
        #expect(try printed(fresh, "churn") == expected)
        #expect(fresh.repository.reads.commitsRead == 3)
    }

    @Test func concurrentLogsLeaveASoundIndex() async throws {
        let (scratch, _) = try repository(rounds: 2)
        let expected = try walkedOverEveryCommit(scratch, "other")
        let path = scratch.path
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let store = try CardStore(discoveringFrom: path, environment: TestEnvironment.processEnvironment())
                    return try printed(store, "other")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs == Array(repeating: expected, count: 4))
        var index = CommitCardIndex(gitDirectory: path + "/.git", enabled: true)
        let loaded = index.load()
        #expect(loaded)
        #expect(index.commits.count == 7)
    }
}

/// `log` parses only its card's trailer groups of a commit (``Repository/trailers(of:groupOf:)``);
/// the records must be those a parse of every trailer gives for that card.
@Suite struct CardTrailerGroupTests {
    @Test func aCardsGroupsGiveTheRecordsOfTheWholeMessage() throws {
        let scratch = try ScratchRepository()
        let repository = try Repository.discover(from: scratch.path)
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        let message = """
            three cards

            Card-Version: 9
            Card: churn-v2
            Card-Version: 4
            Card-Digest: \(digest)
            Card-Status: Draft
            Card: churn
            Card-Version: 2
            Card-Digest: \(digest)
            Card-Status: PendingReview
            Model-Package: churn/3
            Card: other
            Card-Version: 1
            Card-Status: Draft
            Card: churn
            Card-Version: 2
            Card-Change: status
            Card-Digest: \(digest)
            Card-Status: Approved
            Card: churn
            Card-Version: x

            """
        let whole = try repository.trailers(of: message)
        for card in ["churn", "churn-v2", "other", "absent"] {
            let expected = CardRecord.parse(trailers: whole).records.filter { $0.card == card }
            let grouped = CardRecord.parse(trailers: try repository.trailers(of: message, groupOf: card)).records
            #expect(grouped.map { "\($0)" } == expected.map { "\($0)" }, "card \(card)")
        }
        #expect(CardRecord.parse(trailers: whole).records.count == 3)
        #expect(
            try repository.trailers(of: message, groupOf: nil).map(\.value) == [
                "churn-v2", "churn", "other", "churn", "churn",
            ])
    }
}
