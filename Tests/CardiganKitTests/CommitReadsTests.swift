import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// A commit reads the cards it changes, not every card (issue 18): the cards git's index
/// vouches are unchanged since head (``Repository/statCleanFiles(in:commit:)``) are skipped, and
/// the verdicts stay the same when the index is stale, absent or cannot be trusted.
@Suite struct CommitReadsTests {
    /// A repository with `count` cards committed at version 1 by `cardigan commit`.
    private func committed(_ count: Int) throws -> (ScratchRepository, CardStore) {
        let scratch = try ScratchRepository()
        for index in 0..<count { try scratch.write("cards/c\(index).yaml", MinimalCard.text("c\(index)")) }
        let store = try scratch.openedStore()
        let first = try store.commit(names: [], message: "v1")
        #expect(first.findings.isEmpty && first.records.count == count)
        // The files were written in this tick: older than the index after a second has passed.
        try setMTime(of: (0..<count).map { "cards/c\($0).yaml" }, in: scratch, secondsAgo: 5)
        try scratch.git("update-index", "-q", "--refresh")
        return (scratch, store)
    }

    /// Sets the modification time of `paths` to `secondsAgo` before now.
    private func setMTime(of paths: [String], in scratch: ScratchRepository, secondsAgo: Int) throws {
        let date = Date().addingTimeInterval(-Double(secondsAgo))
        for path in paths {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: scratch.path + "/" + path)
        }
    }

    @Test func aCommitReadsOnlyTheCardsItChanges() throws {
        let (scratch, store) = try committed(12)
        try scratch.write("cards/c3.yaml", MinimalCard.text("c3", "Second revision."))
        try scratch.write("cards/c7.yaml", MinimalCard.text("c7", "Second revision."))
        let result = try store.commit(names: [], message: "v2")
        #expect(result.findings.isEmpty)
        #expect(result.records.map(\.card) == ["c3", "c7"] && result.records.allSatisfy { $0.version == 2 })
        #expect(result.cardFilesRead == 2)
    }

    @Test func anEditGitCannotSeeByTimeIsStillCommitted() throws {
        let (scratch, store) = try committed(3)
        // Same size and mtime as before: only the ctime tells, and it is compared.
        let path = scratch.path + "/cards/c1.yaml"
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate]
        try scratch.write("cards/c1.yaml", MinimalCard.text("c1", "Other revision."))
        if let before { try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: path) }
        let result = try store.commit(names: [], message: "v2")
        #expect(result.records.map(\.card) == ["c1"] && result.records.first?.version == 2)
    }

    @Test func theVerdictIsTheSameWithTheIndexAbsentStaleOrUntrusted() throws {
        for damage in ["absent", "stale", "attributes", "autocrlf"] {
            let (scratch, store) = try committed(4)
            try scratch.write("cards/c2.yaml", MinimalCard.text("c2", "Second revision."))
            switch damage {
            case "absent": try FileManager.default.removeItem(atPath: scratch.path + "/.git/index")
            case "stale": try setMTime(of: ["cards/c0.yaml", "cards/c1.yaml"], in: scratch, secondsAgo: 50)
            case "attributes": try scratch.write(".gitattributes", "*.yaml text\n")
            default: try scratch.git("config", "core.autocrlf", "input")
            }
            let clean = try store.repository.statCleanFiles(
                in: "cards", commit: try #require(try store.repository.resolve("refs/heads/main")))
            #expect(!clean.contains("c2.yaml"), "\(damage)")
            #expect(clean.isEmpty == (damage != "stale"), "\(damage)")
            let result = try store.commit(names: [], message: "v2")
            #expect(result.findings.isEmpty, "\(damage)")
            #expect(result.records.map(\.card) == ["c2"], "\(damage)")
            #expect(result.cardFilesRead == (damage == "stale" ? 3 : 4), "\(damage)")
        }
    }

    @Test func theIndexAgreesWithGitOnWhatIsUnchanged() throws {
        let (scratch, store) = try committed(5)
        try scratch.write("cards/c0.yaml", MinimalCard.text("c0", "Second revision."))
        try FileManager.default.removeItem(atPath: scratch.path + "/cards/c4.yaml")
        try scratch.git("add", "cards/c0.yaml")
        let head = try #require(try store.repository.resolve("refs/heads/main"))
        let clean = try store.repository.statCleanFiles(in: "cards", commit: head)
        let changed = try scratch.git("diff", "--name-only", "HEAD", "--", "cards").split(separator: "\n")
        #expect(changed == ["cards/c0.yaml", "cards/c4.yaml"])
        #expect(clean == ["c1.yaml", "c2.yaml", "c3.yaml"])
    }
}
