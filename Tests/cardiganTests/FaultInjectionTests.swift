import Foundation
import TestSupport
import Testing

/// System call failures and durability, with strace: the short version of
/// `scripts/fault-inject.sh` (whose full sweeps run on demand; figures in the README).
@Suite(
    .enabled(
        if: TestTools.runs(TestTools.path("strace") != nil),
        "strace is not installed; run scripts/install-test-tools.sh"
    ))
struct FaultInjectionTests {
    /// Card `a` at version 1, edited: the next commit makes version 2.
    private func repository() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.edit("cards/a.yaml", replacing: "One.", with: "Two.")
        return repo
    }

    /// `cardigan commit` under strace with `options`.
    private func commitUnderStrace(_ repo: CardRepo, _ options: [String]) throws -> ProcessResult {
        let strace = try #require(TestTools.path("strace"), "strace is missing")
        return try repo.repo.run([strace, "-f"] + options + [PackagePaths.cardigan, "commit", "-m", "v2"])
    }

    /// fsync and fdatasync calls of one commit, from strace's summary.
    private func fsyncCount(_ repo: CardRepo) throws -> Int {
        let summary = repo.path + "/.git/strace-summary.txt"
        defer { try? FileManager.default.removeItem(atPath: summary) }
        try commitUnderStrace(repo, ["-c", "-o", summary, "-e", "trace=fsync,fdatasync"]).checked()
        let text = try String(contentsOfFile: summary, encoding: .utf8)
        let total = text.split(separator: "\n").first { $0.hasSuffix(" total") }
        return total.flatMap { Int($0.split(separator: " ")[3]) } ?? -1
    }

    @Test func objectAndReferenceWritesAreFsyncedUnlessTurnedOff() throws {
        let durable = try fsyncCount(try repository())
        // Blob, tree(s), commit and tag objects, the branch and the tag reference, the journal.
        #expect(durable >= 7, "only \(durable) fsyncs in a commit")
        let fast = try repository()
        try fast.write(".cardigan.yaml", "fsync: false\n")
        let relaxed = try fsyncCount(fast)
        #expect(relaxed == 1, "with 'fsync: false' only the commit journal is flushed, not \(relaxed)")
        print("fsyncs per commit: \(durable) by default, \(relaxed) with 'fsync: false'")
        let accepted = try fast.cardigan("validate")
        #expect(accepted.status == 0)
        try fast.write(".cardigan.yaml", "fsync: sometimes\n")
        let refused = try fast.cardigan("validate")
        #expect(refused.status == 2 && refused.error.contains("'fsync' must be true or false"), "\(refused.error)")
    }

    @Test func aFullDiskIsNamedAndTheNextCommitSucceeds() throws {
        let repo = try repository()
        let before = try repo.git("rev-parse", "main")
        let full = try commitUnderStrace(
            repo, ["-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=1"])
        #expect(full.status == 2)
        #expect(full.error.lowercased().contains("no space left on device"), "\(full.error)")
        #expect(try repo.git("rev-parse", "main") == before)
        try repo.git("fsck", "--strict", "--no-dangling")
        try repo.cardigan("commit", "-m", "v2").checked()
        try repo.cardigan("verify").checked()
        #expect(try repo.git("status", "--porcelain") == "")
    }

    /// A real kill at the exact point of the random-kill loop's flake: the first write to
    /// `index.lock`, after the branch and tag moved. The lock stays (as with git); the next commit
    /// names it instead of exiting 0 with the index behind, and after it is deleted the next
    /// commit finishes: `git status` clean, version 2 made once.
    @Test func aKillWhileWritingTheIndexIsNamedThenFinished() throws {
        let repo = try repository()
        let lock = repo.path + "/.git/index.lock"
        let killed = try commitUnderStrace(
            repo, ["-o", "/dev/null", "-P", lock, "-e", "trace=write", "-e", "inject=write:signal=SIGKILL:when=1"])
        #expect(killed.status == SIGKILL, "\(killed.output)\(killed.error)")
        #expect(FileManager.default.fileExists(atPath: lock))
        #expect(try repo.git("tag", "-l") == "cards/a/v1\ncards/a/v2\n")
        let blocked = try repo.cardigan("commit", "-m", "next")
        repo.expect(blocked, status: 2, saying: "index.lock' exists")
        try FileManager.default.removeItem(atPath: lock)
        let next = try repo.cardigan("commit", "-m", "next")
        #expect(next.status == 0 && next.output.contains("finished the interrupted commit"), "\(next.output)")
        #expect(try repo.git("status", "--porcelain") == "")
        #expect(try repo.git("log", "--format=%(trailers:key=Card-Version,valueonly)", "main") == "2\n\n1\n\n")
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict", "--no-dangling")
    }

    @Test func theQuickSweepPassesEveryPoint() throws {
        let result = try ProcessResult.run(
            [PackagePaths.root + "/scripts/fault-inject.sh", "faults", "--quick"], in: PackagePaths.root,
            environment: ["CARDIGAN_BIN": PackagePaths.cardigan])
        #expect(result.status == 0, "\(result.output)\(result.error)")
        let line = result.output.split(separator: "\n").first { $0.hasPrefix("faults ENOSPC: ") }
        let counts = try #require(line).dropFirst("faults ENOSPC: ".count).split(separator: " ")[0].split(
            separator: "/")
        #expect(counts.count == 2 && counts[0] == counts[1] && (Int(counts[1]) ?? 0) >= 20, "\(result.output)")
    }

    /// 60 new cards: a commit of them writes one pack and makes its tags in `packed-refs`.
    private func manyCards() throws -> CardRepo {
        let repo = try CardRepo()
        for index in 0..<60 { try repo.write("cards/card-\(index).yaml", CardRepo.card("card-\(index)")) }
        return repo
    }

    /// A real kill at the first write to `packed-refs.lock`, after the branch moved: the lock
    /// stays (as git's would), the tags are missing, the next commit names the lock and keeps the
    /// journal, and once the lock is deleted the next commit makes all 60 tags.
    @Test func aKillWhileWritingPackedRefsIsNamedThenFinished() throws {
        let repo = try manyCards()
        let lock = repo.path + "/.git/packed-refs.lock"
        let killed = try commitUnderStrace(
            repo, ["-o", "/dev/null", "-P", lock, "-e", "trace=write", "-e", "inject=write:signal=SIGKILL:when=1"])
        #expect(killed.status == SIGKILL, "\(killed.output)\(killed.error)")
        #expect(FileManager.default.fileExists(atPath: lock))
        #expect(try repo.git("tag", "-l") == "")
        #expect(try repo.git("rev-list", "--count", "main") == "1\n")
        let blocked = try repo.cardigan("commit", "-m", "next")
        repo.expect(blocked, status: 2, saying: "but its 60 missing tags cannot be made: '\(lock)' exists")
        #expect(blocked.error.contains("delete '\(lock)'"), "\(blocked.error)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/cardigan-commit.json"))
        try FileManager.default.removeItem(atPath: lock)
        let next = try repo.cardigan("commit", "-m", "next")
        #expect(next.status == 0 && next.output.contains("finished the interrupted commit"), "\(next.output)")
        #expect(try repo.git("tag", "-l").split(separator: "\n").count == 60)
        #expect(try repo.git("status", "--porcelain") == "")
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict", "--no-dangling")
    }

    /// A failed flush of the pack (ENOSPC at each of the first three fsyncs: the pack file,
    /// the index file, the folder once both are in place) is a named error, no branch is made
    /// (the repository's first commit: no earlier fsync comes first), and no `.idx` is left
    /// without its `.pack` (the pack is put in place before its index). The next commit
    /// succeeds.
    @Test(arguments: [1, 2, 3])
    func aFailedPackWriteLeavesNoIndexWithoutItsPack(fsync: Int) throws {
        let repo = try manyCards()
        let full = try commitUnderStrace(
            repo, ["-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:error=ENOSPC:when=\(fsync)"])
        repo.expect(full, status: 2, saying: "o space left on device")
        #expect(try repo.repo.run(["git", "rev-parse", "--verify", "--quiet", "main"]).status != 0, "main was made")
        let folder = repo.path + "/.git/objects/pack"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let orphans = files.filter { $0.hasSuffix(".idx") && !files.contains(String($0.dropLast(4)) + ".pack") }
        #expect(orphans.isEmpty, "fsync \(fsync): \(files)")
        try repo.cardigan("commit", "-m", "many").checked()
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict")
    }
}
