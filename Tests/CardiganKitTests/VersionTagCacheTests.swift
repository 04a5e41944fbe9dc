import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// A warm `verify` knows its version tags from ``VersionTagCache`` by their object ids instead
/// of reading every tag object again (issue 18, goal 6): it reads none of them, reads each
/// commit once, and finds exactly what an uncached run finds, also after a tag was moved or
/// re-created and with the cache file truncated or edited.
@Suite struct VersionTagCacheTests {
    /// Three cards at version 1, then `c0` and `c1` at version 2: five version tags, two commits.
    private func history() throws -> ScratchRepository {
        let scratch = try ScratchRepository()
        for index in 0..<3 { try scratch.write("cards/c\(index).yaml", MinimalCard.text("c\(index)")) }
        let store = try scratch.openedStore()
        #expect(try store.commit(names: [], message: "v1").findings.isEmpty)
        for name in ["c0", "c1"] { try scratch.write("cards/\(name).yaml", MinimalCard.text(name, "Second revision.")) }
        #expect(try store.commit(names: ["c0", "c1"], message: "v2").records.count == 2)
        return scratch
    }

    @Test func aWarmVerifyReadsNoTagObjectAndFindsTheSame() throws {
        let scratch = try history()
        let uncached = try scratch.openedStore(cached: false)
        let audit = try uncached.verify()
        #expect(audit.tagCount == 5 && audit.findings.isEmpty)
        #expect(uncached.repository.reads.tagObjectsRead == 5)
        #expect(
            !FileManager.default.fileExists(atPath: scratch.cacheFile("version-tags-v1")), "--no-cache writes no cache")

        let cold = try scratch.openedStore()
        #expect(try cold.verify().findings == audit.findings)
        #expect(cold.repository.reads.tagObjectsRead == 5)
        let warm = try scratch.openedStore()
        let warmResult = try warm.verify()
        #expect(warmResult.findings == audit.findings && warmResult.tagCount == 5)
        #expect(warm.repository.reads.tagObjectsRead == 0, "every tag known by its object id")
        // The commits are still read (the history rules need them), no more often than cold.
        #expect(warm.repository.reads.commitsCopied == cold.repository.reads.commitsCopied)
    }

    @Test func aMovedOrRecreatedTagIsReadAndJudgedAsWithoutTheCache() throws {
        let scratch = try history()
        _ = try scratch.openedStore().verify()  // fills the cache
        let first = try #require(try scratch.git("rev-list", "--max-parents=0", "HEAD").split(separator: "\n").first)
        // v2 of 'c0' re-made by hand on the first commit, with a message of its own: another object.
        try scratch.git("tag", "-f", "-a", "cards/c0/v2", "-m", "cards/c0/v2\n\nCard-Digest: sha256:00", String(first))
        let warm = try scratch.openedStore()
        let found = try warm.verify().findings
        #expect(warm.repository.reads.tagObjectsRead == 1, "only the new tag object is read")
        #expect(found == (try scratch.openedStore(cached: false).verify().findings))
        #expect(found.contains { $0.ruleID == .versionTagMoved })
        let again = try scratch.openedStore()
        #expect(try again.verify().findings == found)
        #expect(again.repository.reads.tagObjectsRead == 0)
    }

    @Test func aTruncatedOrEditedCacheFileIsIgnoredWhole() throws {
        let scratch = try history()
        _ = try scratch.openedStore().verify()
        let path = scratch.cacheFile("version-tags-v1")
        let original = try #require(FileManager.default.contents(atPath: path))
        var edited = [UInt8](original)
        edited[edited.count - 3] ^= 0x01  // one byte of the last record's text
        for damaged in [Data(original.prefix(original.count - 7)), Data(edited), Data("garbage".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let run = try scratch.openedStore()
            #expect(try run.verify().findings.isEmpty)
            #expect(run.repository.reads.tagObjectsRead == 5, "nothing believed from a file that does not add up")
            #expect(FileManager.default.contents(atPath: path) == original, "rewritten whole")
        }
    }

    @Test func givesBackWhatWasStoredOnlyForTheIDsItKnows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tags-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tag = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        let other = try #require(ObjectID(hex: String(repeating: "cd", count: 20)))
        let entry = VersionTagCache.Entry(
            targetCommit: String(repeating: "0f", count: 20), digest: "sha256:x\ty", previous: nil)
        let writer = VersionTagCache(gitDirectory: directory, enabled: true)
        writer.load()
        writer.note(tag, entry)
        writer.store()
        let reader = VersionTagCache(gitDirectory: directory, enabled: true)
        reader.load()
        #expect(reader.count == 1 && reader.entry(for: tag) == entry && reader.entry(for: other) == nil)
        let disabled = VersionTagCache(gitDirectory: directory, enabled: false)
        disabled.load()
        #expect(disabled.entry(for: tag) == nil, "--no-cache trusts nothing on disk")
    }
}
