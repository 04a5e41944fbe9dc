import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// ``CardStore/inCommitOrder(_:versions:commits:)``: `verify` reads the version tags in the
/// order of the commits that made their versions (one pack after another on a repository as
/// cardigan writes it), tags of no version last, and ties in the order they were listed.
@Suite struct TagCommitOrderTests {
    @Test func ordersTagsByTheirVersionsCommitKeepingTiesAndUnknownTagsLast() throws {
        let scratch = try ScratchRepository()
        let store = try scratch.openedStore()
        let commits = (0..<3).compactMap { ObjectID(hex: String(repeating: "\($0 + 1)", count: 40)) }
        try #require(commits.count == 3)
        func event(_ card: String, _ version: Int, _ commit: Int) -> VersionEvent {
            VersionEvent(card: card, version: version, commit: commits[commit].hex, digest: "", status: .draft)
        }
        let versions = [event("a", 1, 0), event("b", 1, 0), event("a", 2, 2), event("b", 2, 1), event("c", 1, 2)]
        let target = commits[0]
        // Listed by name, as git lists references; "cards/z/v1" and "cards/a/v9" make no version.
        let names = ["a/v1", "a/v2", "a/v9", "b/v1", "b/v2", "c/v1", "z/v1"]
        let references = names.map { (name: VersionTag.referencePrefix + $0, target: target) }
        let ordered = store.inCommitOrder(references, versions: versions, commits: commits).map {
            String($0.name.dropFirst(VersionTag.referencePrefix.count))
        }
        #expect(ordered == ["a/v1", "b/v1", "b/v2", "a/v2", "c/v1", "a/v9", "z/v1"])
    }
}
