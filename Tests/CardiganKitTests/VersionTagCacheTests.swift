import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// A warm `verify` knows its version tags from ``VersionTagCache`` by their object ids instead
/// of reading every tag object again (issue 18, goal 6): it reads none of them, reads each
/// commit once, and finds exactly what an uncached run finds, also after a tag was moved or
/// re-created and with the cache file truncated or edited.
@Suite struct VersionTagCacheTests {
    /// A valid card named `name`, its description `text`.
    private static func card(_ name: String, _ text: String = "First revision.") -> String {
        "name: \(name)\nstatus: Draft\nmodel_overview:\n  model_name: \(name)\n  model_description: \(text)\n"
            + "intended_uses:\n  risk_rating: Low\n"
    }

    /// Three cards at version 1, then `c0` and `c1` at version 2: five version tags, two commits.
    private func history() throws -> ScratchRepository {
        let scratch = try ScratchRepository()
        for index in 0..<3 { try scratch.write("cards/c\(index).yaml", Self.card("c\(index)")) }
        let store = try CardStore(discoveringFrom: scratch.path, environment: TestEnvironment.processEnvironment())
        #expect(try store.commit(names: [], message: "v1").findings.isEmpty)
        for name in ["c0", "c1"] { try scratch.write("cards/\(name).yaml", Self.card(name, "Second revision.")) }
        #expect(try store.commit(names: ["c0", "c1"], message: "v2").records.count == 2)
        return scratch
    }

    /// A store opened afresh, as a new process opens it: its counters start at zero.
    private func store(_ scratch: ScratchRepository, cached: Bool = true) throws -> CardStore {
        let store = try CardStore(discoveringFrom: scratch.path, environment: TestEnvironment.processEnvironment())
        store.usesSnapshotCache = cached
        return store
    }

    private func cacheFile(_ scratch: ScratchRepository) -> String { scratch.path + "/.git/cardigan/version-tags-v1" }

    @Test func aWarmVerifyReadsNoTagObjectAndFindsTheSame() throws {
        let scratch = try history()
        let uncached = try store(scratch, cached: false)
        let audit = try uncached.verify()
        #expect(audit.tagCount == 5 && audit.findings.isEmpty)
        #expect(uncached.repository.reads.tagObjectsRead == 5)
        #expect(!FileManager.default.fileExists(atPath: cacheFile(scratch)), "--no-cache writes no cache")

        let cold = try store(scratch)
        #expect(try cold.verify().findings == audit.findings)
        #expect(cold.repository.reads.tagObjectsRead == 5)
        let warm = try store(scratch)
        let warmResult = try warm.verify()
        #expect(warmResult.findings == audit.findings && warmResult.tagCount == 5)
        #expect(warm.repository.reads.tagObjectsRead == 0, "every tag known by its object id")
        // The commits are still read (the history rules need them), no more often than cold.
        #expect(warm.repository.reads.commitsCopied == cold.repository.reads.commitsCopied)
    }

    @Test func aMovedOrRecreatedTagIsReadAndJudgedAsWithoutTheCache() throws {
        let scratch = try history()
        _ = try store(scratch).verify()  // fills the cache
        let first = try #require(try scratch.git("rev-list", "--max-parents=0", "HEAD").split(separator: "\n").first)
        // v2 of 'c0' re-made by hand on the first commit, with a message of its own: another object.
        try scratch.git("tag", "-f", "-a", "cards/c0/v2", "-m", "cards/c0/v2\n\nCard-Digest: sha256:00", String(first))
        let warm = try store(scratch)
        let found = try warm.verify().findings
        #expect(warm.repository.reads.tagObjectsRead == 1, "only the new tag object is read")
        #expect(found == (try store(scratch, cached: false).verify().findings))
        #expect(found.contains { $0.ruleID == .versionTagMoved })
        let again = try store(scratch)
        #expect(try again.verify().findings == found)
        #expect(again.repository.reads.tagObjectsRead == 0)
    }

    @Test func aTruncatedOrEditedCacheFileIsIgnoredWhole() throws {
        let scratch = try history()
        _ = try store(scratch).verify()
        let path = cacheFile(scratch)
        let original = try #require(FileManager.default.contents(atPath: path))
        var edited = [UInt8](original)
        edited[edited.count - 3] ^= 0x01  // one byte of the last record's text
        for damaged in [Data(original.prefix(original.count - 7)), Data(edited), Data("garbage".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            let run = try store(scratch)
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
