import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The index entries a commit leaves (``Repository/stageFromCommit(paths:commit:committed:)``):
/// the file's stat data is recorded only when the file holds the committed blob, whether that is
/// found by hashing the file or by comparing it with the bytes the commit wrote.
@Suite struct StageFromCommitTests {
    /// The size `git ls-files --debug` shows for `path`: 0 when no stat data was recorded.
    private func stagedSize(_ scratch: ScratchRepository, _ path: String) throws -> String? {
        let listing = try scratch.git("ls-files", "--debug", path)
        let words = listing.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        return words.firstIndex(of: "size:").map { String(words[$0 + 1]) }
    }

    @Test func recordsTheFileOnlyWhenItHoldsTheCommittedBytes() throws {
        let scratch = try ScratchRepository()
        try scratch.write("cards/a.yaml", "name: a\n")
        try scratch.write("cards/b.yaml", "name: b\n")
        try scratch.git("add", "cards")
        try scratch.git("commit", "-q", "-m", "one")
        let repository = try Repository.open(at: scratch.path)
        let commit = try #require(try repository.resolve("HEAD"))
        // Same size as the committed bytes, other content: only a comparison tells them apart.
        try scratch.write("cards/b.yaml", "name: c\n")
        try scratch.git("rm", "-q", "--cached", "cards/a.yaml", "cards/b.yaml")
        let committed = ["cards/a.yaml": Array("name: a\n".utf8), "cards/b.yaml": Array("name: b\n".utf8)]
        try repository.stageFromCommit(paths: ["cards/a.yaml", "cards/b.yaml"], commit: commit, committed: committed)
        #expect(try stagedSize(scratch, "cards/a.yaml") == "8")
        #expect(try stagedSize(scratch, "cards/b.yaml") == "0")
        #expect(try scratch.git("status", "--porcelain") == " M cards/b.yaml\n")
        // Without the bytes, the file is hashed: the same answer.
        try scratch.git("rm", "-q", "--cached", "cards/a.yaml", "cards/b.yaml")
        try repository.stageFromCommit(paths: ["cards/a.yaml", "cards/b.yaml"], commit: commit)
        #expect(try stagedSize(scratch, "cards/a.yaml") == "8")
        #expect(try stagedSize(scratch, "cards/b.yaml") == "0")
    }
}
