import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// A commit looks up what the cards it changes need, not every card of the repository (issue 18,
/// goal 6): at 10,000 cards × 10 versions a commit of 100 cards looked up every card's version
/// tags (libgit2's pack builder lists every tag to order tagged objects first), 100,000
/// reference look-ups and twice as many `stat`s of `packed-refs`. A damaged reference of a card
/// the commit does not touch makes any such look-up fail, so these tests would catch it.
@Suite struct CommitLookupTests {
    /// Cards in the repository: above the pack threshold, so their tags go to `packed-refs`.
    private static let cardCount = CardStore.packedObjectsThreshold + 10

    /// A repository of ``cardCount`` cards at version 1, whose last card's tag reference is
    /// damaged (a loose file that is no reference, in front of its packed line).
    private func repositoryWithADamagedTag() throws -> (ScratchRepository, CardStore, damaged: String) {
        let scratch = try ScratchRepository()
        for index in 0..<Self.cardCount { try scratch.write("cards/c\(index).yaml", MinimalCard.text("c\(index)")) }
        let store = try scratch.openedStore()
        let first = try store.commit(names: [], message: "v1")
        #expect(first.findings.isEmpty && first.records.count == Self.cardCount)
        let damaged = "c\(Self.cardCount - 1)"
        try scratch.write(".git/refs/tags/cards/\(damaged)/v1", "not a reference\n")
        #expect(throws: (any Error).self) { try scratch.git("rev-parse", "--verify", "-q", "cards/\(damaged)/v1") }
        return (scratch, store, damaged)
    }

    @Test func aLargeCommitLooksUpNoTagOfTheCardsItLeavesAlone() throws {
        let (scratch, store, damaged) = try repositoryWithADamagedTag()
        let changed = (0..<CardStore.packedObjectsThreshold).map { "c\($0)" }
        for name in changed { try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "Second revision.")) }
        let result = try store.commit(names: changed, message: "v2 of some")
        #expect(result.findings.isEmpty)
        #expect(result.records.map(\.card) == changed && result.records.allSatisfy { $0.version == 2 })
        #expect(result.tags.count == changed.count)
        // The other card's reference is as it was; without it, git finds the repository whole.
        #expect(try scratch.read(".git/refs/tags/cards/\(damaged)/v1") == "not a reference\n")
        try FileManager.default.removeItem(atPath: scratch.path + "/.git/refs/tags/cards/\(damaged)/v1")
        #expect(try scratch.git("cat-file", "-t", "cards/c0/v2") == "tag\n")
        #expect(try scratch.git("fsck", "--no-dangling").isEmpty)
    }

    @Test func theSameCommitWithoutNamesFindsTheSameCards() throws {
        let (scratch, store, _) = try repositoryWithADamagedTag()
        let changed = (0..<CardStore.packedObjectsThreshold).map { "c\($0)" }
        for name in changed { try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "Second revision.")) }
        let result = try store.commit(names: [], message: "v2 of some")
        #expect(result.findings.isEmpty)
        #expect(result.records.map(\.card) == changed.sorted() && result.records.allSatisfy { $0.version == 2 })
    }

    @Test func aCommitOfNamedCardsChecksOnlyTheirFilesAgainstTheIndex() throws {
        let scratch = try ScratchRepository()
        for index in 0..<4 { try scratch.write("cards/c\(index).yaml", MinimalCard.text("c\(index)")) }
        let store = try scratch.openedStore()
        _ = try store.commit(names: [], message: "v1")
        let old = Date().addingTimeInterval(-5)
        for index in 0..<4 {
            try FileManager.default.setAttributes(
                [.modificationDate: old], ofItemAtPath: scratch.path + "/cards/c\(index).yaml")
        }
        try scratch.git("update-index", "-q", "--refresh")
        let head = try #require(try store.repository.resolve("refs/heads/main"))
        #expect(try store.repository.statCleanFiles(in: "cards", commit: head).count == 4)
        #expect(
            try store.repository.statCleanFiles(in: "cards", commit: head, only: ["c1.yaml", "c9.yaml"])
                == ["c1.yaml"])
        try scratch.write("cards/c1.yaml", MinimalCard.text("c1", "Second revision."))
        try scratch.write("cards/c2.yaml", MinimalCard.text("c2", "Second revision."))
        let result = try store.commit(names: ["c1", "c3"], message: "v2 of c1")
        #expect(result.records.map(\.card) == ["c1"] && result.cardFilesRead == 1)
        #expect(try scratch.git("status", "--porcelain", "--", "cards") == " M cards/c2.yaml\n")
    }
}
