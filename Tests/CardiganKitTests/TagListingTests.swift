import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `list` learns each card's highest version tag from one listing of the tags' names
/// (``RecordLookup/highestTaggedVersions(of:)``), not from a few look-ups per card (issue 18,
/// goal 6: 20,000 look-ups at 10,000 cards): the same answers as the look-ups, packed or loose,
/// with gaps, and a damaged loose tag still an error.
@Suite struct TagListingTests {
    /// A repository of `count` cards at version 1 (their tags packed when there are 50 or more),
    /// then `c0` and `c1` at version 2 (loose tags).
    private func repository(cards count: Int) throws -> (ScratchRepository, CardStore) {
        let scratch = try ScratchRepository()
        for index in 0..<count { try scratch.write("cards/c\(index).yaml", MinimalCard.text("c\(index)")) }
        let store = try scratch.openedStore()
        #expect(try store.commit(names: [], message: "v1").findings.isEmpty)
        for name in ["c0", "c1"] { try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "Second revision.")) }
        #expect(try store.commit(names: ["c0", "c1"], message: "v2").records.count == 2)
        return (scratch, store)
    }

    /// The answers of the per-card look-ups, each card's guess the answer before, as `list` made them.
    private func probed(_ names: [String], in store: CardStore) throws -> [String: Int] {
        var answers: [String: Int] = [:]
        var guess: Int?
        for name in names {
            answers[name] = try store.lookup.highestTaggedVersion(of: name, guess: guess)
            guess = answers[name] ?? guess
        }
        return answers
    }

    @Test func theListingAgreesWithTheLookUpsPackedLooseAndWithGaps() throws {
        let (scratch, store) = try repository(cards: CardStore.packedObjectsThreshold + 2)
        #expect(try scratch.git("for-each-ref", "refs/tags/cards/c5/v1").contains("refs/tags/cards/c5/v1"))
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/.git/refs/tags/cards/c0/v2"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/.git/refs/tags/cards/c5/v1"))
        // Gaps and odd names, as a rewritten history or a hand leaves them: 'c3' has v1, v2 and
        // v4; 'lone' only v3; 'c4' a 'v02' and a 'v3x' that are no version of it.
        let commit = try #require(try scratch.git("rev-parse", "HEAD").split(separator: "\n").first).description
        for tag in ["cards/c3/v2", "cards/c3/v4", "cards/lone/v3", "cards/c4/v02", "cards/c4/v3x"] {
            try scratch.git("tag", tag, commit)
        }
        try scratch.git("pack-refs", "--all")
        try scratch.git("tag", "cards/c6/v2", commit)  // loose, above a packed v1
        let names = ["c0", "c1", "c3", "c4", "c6", "lone", "none"] + (10..<20).map { "c\($0)" }
        let listed = try store.lookup.highestTaggedVersions(of: names)
        #expect(listed == (try probed(names, in: store)))
        // 'c3' answers 2, not 4: 'c1' before it had 2, and v2 with no v3 ends the probe.
        #expect(listed["c0"] == 2 && listed["c3"] == 2 && listed["c4"] == 1 && listed["c6"] == 2)
        // After 'c6' (2), 'lone' is guessed at 2: v2 missing, then v1 missing: none, as looked up.
        #expect(listed["lone"] == nil && listed["none"] == nil)
        #expect(try store.lookup.highestTaggedVersions(of: ["c9", "lone"]) == ["c9": 1])
    }

    @Test func aDamagedLooseTagTheProbeMeetsIsStillAnError() throws {
        let (scratch, store) = try repository(cards: 3)
        try scratch.write(".git/refs/tags/cards/c1/v2", "garbage\n")
        #expect(throws: GitError.self) { try store.lookup.highestTaggedVersions(of: ["c0", "c1", "c2"]) }
        #expect(throws: GitError.self) { try store.lookup.highestTaggedVersion(of: "c1") }
    }

    @Test func listLooksUpNoTagPerCard() throws {
        let (scratch, store) = try repository(cards: CardStore.packedObjectsThreshold + 10)
        defer { withExtendedLifetime(scratch) {} }
        store.repository.reads.reset()
        let cards = try store.listCards()
        #expect(cards.count == CardStore.packedObjectsThreshold + 10)
        #expect(cards.first { $0.name == "c0" }?.version == 2 && cards.first { $0.name == "c9" }?.version == 1)
        // The branch, and the two loose tags the probe meets (v2 of 'c0' and 'c1'); the
        // look-ups were two per card.
        #expect(store.repository.reads.referenceLookups <= 4)
    }
}
