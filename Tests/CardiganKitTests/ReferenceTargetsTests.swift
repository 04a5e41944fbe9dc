import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `list` reads the target of each card's highest version tag from the one scan of
/// `packed-refs` and the loose folders that finds the highest versions
/// (``RecordLookup/highestTaggedVersions(of:targets:)``), not from a second scan or a libgit2
/// look-up per card: the answers must be git's, packed, loose, a loose one over a packed one,
/// lightweight, symbolic.
@Suite struct ReferenceTargetsTests {
    @Test func theTargetsAreGitsPackedLooseOverriddenAndSymbolic() throws {
        let scratch = try ScratchRepository()
        try scratch.write("cards/a.yaml", "name: a\n")
        try scratch.git("add", "cards/a.yaml")
        try scratch.git("commit", "-q", "-m", "one")
        try scratch.write("cards/a.yaml", "name: a\nstatus: Draft\n")
        try scratch.git("commit", "-q", "-am", "two")
        let annotated = ["cards/a/v1", "cards/a/v2", "cards/b/v1", "cards/b/v2", "cards/b/v10", "cards/c/v1"]
        for (index, tag) in annotated.enumerated() {
            try scratch.git("tag", "-a", "-m", tag, tag, index % 2 == 0 ? "HEAD~" : "HEAD")
        }
        try scratch.git("tag", "cards/d/v1", "HEAD")  // lightweight: the commit itself
        try scratch.git("pack-refs", "--all")
        try scratch.git("tag", "-f", "-a", "-m", "again", "cards/a/v2", "HEAD~")  // loose, over the packed line
        try scratch.git("tag", "-a", "-m", "loose", "cards/e/v1", "HEAD")
        try scratch.git("symbolic-ref", "refs/tags/cards/f/v1", "refs/tags/cards/c/v1")
        let store = try scratch.openedStore()
        var targets: [String: ObjectID] = [:]
        let names = ["a", "b", "c", "d", "e", "f", "none"]
        let answers = try store.lookup.highestTaggedVersions(of: names, targets: &targets)
        #expect(answers == ["a": 2, "b": 2, "c": 1, "d": 1, "e": 1, "f": 1])
        var oracle: [String: ObjectID] = [:]
        let listing = try scratch.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/tags/cards/")
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: " ")
            for (name, version) in answers where parts[0] == "refs/tags/cards/\(name)/v\(version)" {
                oracle[name] = ObjectID(hex: String(parts[1]))
            }
        }
        #expect(oracle.count == 6, "\(listing)")
        // 'b' stops at v2 (no v3), below its highest packed v10: looked up by the caller instead.
        oracle["b"] = nil
        #expect(targets == oracle)
        #expect(try scratch.git("cat-file", "-p", "refs/tags/cards/a/v2").contains("again"), "the loose one is git's")
    }

    /// The per-card record of the scan: versions 1 to 63 as bits, higher ones in sets, the
    /// target of the highest packed version, and a card met twice (packed, then loose) merged.
    @Test func aTaggedCardKeepsEveryVersionAndTheHighestPackedTarget() {
        let first = Array(String(repeating: "a", count: 40).utf8)
        let second = Array(String(repeating: "b", count: 40).utf8)
        var card = TaggedCard()
        #expect(card.isEmpty && card.topTarget == nil)
        first.withUnsafeBufferPointer { card.add(64, packedTarget: $0) }
        second.withUnsafeBufferPointer { card.add(7, packedTarget: $0) }  // lower: not the top
        first.withUnsafeBufferPointer { card.add(63, packedTarget: $0) }
        var loose = TaggedCard()
        loose.add(1, packedTarget: nil)
        loose.add(100, packedTarget: nil)
        card.merge(loose)
        #expect([1, 7, 63, 64, 100].map(card.isPacked) == [false, true, true, true, false])
        #expect([1, 7, 63, 64, 100].map(card.isLoose) == [true, false, false, false, true])
        #expect(!card.isPacked(0) && !card.isLoose(0) && !card.isPacked(65))
        #expect(card.top == 64 && card.topTarget == ObjectID(hex: String(repeating: "a", count: 40)))
        var higher = TaggedCard()
        second.withUnsafeBufferPointer { higher.add(65, packedTarget: $0) }
        card.merge(higher)
        #expect(card.top == 65 && card.topTarget == ObjectID(hex: String(repeating: "b", count: 40)))
        let name = Array("x/credit-risk".utf8)
        name.withUnsafeBufferPointer { bytes in
            #expect(TaggedCard.isSame(bytes[2...], as: Array("credit-risk".utf8)))
            #expect(!TaggedCard.isSame(bytes[2...], as: Array("credit-rusk".utf8)))
            #expect(!TaggedCard.isSame(bytes[2...], as: Array("credit".utf8)))
            #expect(TaggedCard.isSame(bytes[0..<0], as: []))
        }
    }
}
