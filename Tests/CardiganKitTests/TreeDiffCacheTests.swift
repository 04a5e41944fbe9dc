import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// A warm `verify` takes each commit's card changes from ``TreeDiffCache`` (the files that two
/// card folder trees differ in, keyed by the trees' ids) instead of walking the two trees again
/// (issue 18, goal 6), and finds exactly what an uncached run finds, also when the cache file is
/// cut short or edited.
@Suite struct TreeDiffCacheTests {
    /// Three cards at version 1; `c0` and `c1` at version 2; then a plain `git commit` that
    /// changes `c2` without a record and deletes `c1`: three commits whose parent's cards folder
    /// differs from theirs.
    private func history() throws -> ScratchRepository {
        let scratch = try ScratchRepository()
        for index in 0..<3 { try scratch.write("cards/c\(index).yaml", MinimalCard.text("c\(index)", "First.")) }
        let store = try scratch.openedStore()
        #expect(try store.commit(names: [], message: "v1").findings.isEmpty)
        for name in ["c0", "c1"] { try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "Second.")) }
        #expect(try store.commit(names: ["c0", "c1"], message: "v2").records.count == 2)
        try scratch.write("cards/c2.yaml", MinimalCard.text("c2", "By hand."))
        try scratch.git("rm", "-q", "cards/c1.yaml")
        try scratch.git("commit", "-qam", "by hand")
        return scratch
    }

    /// The commits git says changed the cards folder against a parent (the root commit has none).
    private func commitsChangingCards(_ scratch: ScratchRepository) throws -> Int {
        try scratch.git("rev-list", "--no-max-parents", "--min-parents=1", "HEAD", "--", "cards")
            .split(separator: "\n").count
    }

    @Test func aWarmVerifyWalksNoFolderTreesAndFindsTheSame() throws {
        let scratch = try history()
        let uncached = try scratch.openedStore(cached: false)
        let audit = try uncached.verify().findings
        #expect(audit.contains { $0.ruleID == .unversionedChange } && audit.contains { $0.ruleID == .cardDeleted })
        #expect(uncached.repository.reads.folderDiffsWalked == 2)
        #expect(
            !FileManager.default.fileExists(atPath: scratch.cacheFile("tree-diffs-v1")), "--no-cache writes no cache")

        let cold = try scratch.openedStore()
        #expect(try cold.verify().findings == audit)
        #expect(cold.repository.reads.folderDiffsWalked == 2)
        let written = TreeDiffCache(gitDirectory: scratch.path + "/.git", enabled: true)
        written.load()
        #expect(written.count == (try commitsChangingCards(scratch)))

        let warm = try scratch.openedStore()
        #expect(try warm.verify().findings == audit)
        #expect(warm.repository.reads.folderDiffsWalked == 0, "every commit's changes known by its trees")
        #expect(warm.repository.reads.commitsCopied == cold.repository.reads.commitsCopied)
    }

    @Test func aTruncatedOrEditedCacheFileIsIgnoredWhole() throws {
        let scratch = try history()
        let audit = try scratch.openedStore(cached: false).verify().findings
        _ = try scratch.openedStore().verify()
        let path = scratch.cacheFile("tree-diffs-v1")
        let original = try #require(FileManager.default.contents(atPath: path))
        var edited = [UInt8](original)
        edited[edited.count - 1] ^= 0x01  // the last byte of the last blob id
        for damaged in [Data(original.prefix(original.count - 7)), Data(edited), Data("garbage".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let run = try scratch.openedStore()
            #expect(try run.verify().findings == audit)
            #expect(run.repository.reads.folderDiffsWalked == 2, "nothing believed from a file that does not add up")
            #expect(FileManager.default.contents(atPath: path) == original, "rewritten whole")
        }
    }

    /// The caches' 20-byte keys read every hex digit, and nothing that is not 40 of them.
    @Test func rawObjectIDsGiveBackTheirDigits() throws {
        let hex = "0123456789abcdef0123456789abcdeffedcba98"
        let raw = try #require(RawObjectID(hex: hex))
        var bytes: [UInt8] = []
        raw.append(to: &bytes)
        #expect(bytes.count == 20 && RawObjectID.hex(bytes, at: 0) == hex && RawObjectID(bytes, at: 0) == raw)
        #expect(RawObjectID(hex: hex.uppercased()) == nil && RawObjectID(hex: String(hex.dropLast())) == nil)
        #expect(RawObjectID(hex: hex + "0") == nil && RawObjectID(hex: String(hex.dropLast()) + "g") == nil)
        #expect(RawObjectID(hex: String(hex.dropLast()) + "9") != raw)
    }
}
