import Foundation
import TestSupport
import Testing

/// A commit stopped after each of its steps (`CARDIGAN_TEST_STOP_AT`, read only by the
/// committer: a SIGKILL right after the step): the state each step leaves, and that the next
/// `cardigan commit` (or `verify --repair`) brings tags, working file and index in line with the
/// branch without hand work, never making a version twice.
@Suite struct CrashRecoveryTests {
    /// Card `a` at version 1, then edited and marked Approved: the commit of version 2 must
    /// rewrite the working file to Draft, so every step (objects, branch, tag, working file,
    /// index) has something to do.
    private func repositoryWithAPendingVersion() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.write("cards/a.yaml", CardRepo.card("a", status: "Approved", description: "Two."))
        return repo
    }

    private struct State: Equatable {
        var commits: Int
        var tags: String
        var porcelain: String
        var fileSays: String
        var journal: Bool
    }

    private func state(_ repo: CardRepo) throws -> State {
        State(
            commits: Int(try repo.git("rev-list", "--count", "main").trimmingCharacters(in: .whitespacesAndNewlines))
                ?? -1,
            tags: try repo.git("tag", "-l"), porcelain: try repo.git("status", "--porcelain"),
            fileSays: try repo.read("cards/a.yaml").contains("status: Approved") ? "Approved" : "Draft",
            journal: FileManager.default.fileExists(atPath: repo.path + "/.git/cardigan-commit.json"))
    }

    /// What each step leaves when the process dies right after it.
    static let steps:
        [(step: String, left: (commits: Int, tags: String, porcelain: String, fileSays: String, journal: Bool))] = [
            ("objects", (1, "cards/a/v1\n", " M cards/a.yaml\n", "Approved", false)),
            ("branch", (2, "cards/a/v1\n", "MM cards/a.yaml\n", "Approved", true)),
            ("tag:cards/a/v2", (2, "cards/a/v1\ncards/a/v2\n", "MM cards/a.yaml\n", "Approved", true)),
            ("working-file", (2, "cards/a/v1\ncards/a/v2\n", "MM cards/a.yaml\n", "Draft", true)),
            ("index", (2, "cards/a/v1\ncards/a/v2\n", "", "Draft", true)),
        ]

    @Test(arguments: steps.map(\.step))
    func aCommitStoppedAfterEachStepIsFinishedByTheNextCommit(step: String) throws {
        let repo = try repositoryWithAPendingVersion()
        let stopped = try repo.cardigan("commit", "-m", "v2", environment: ["CARDIGAN_TEST_STOP_AT": step])
        #expect(stopped.status == SIGKILL, "\(step): \(stopped.output) \(stopped.error)")
        let left = try #require(Self.steps.first { $0.step == step }?.left)
        let expected = State(
            commits: left.commits, tags: left.tags, porcelain: left.porcelain, fileSays: left.fileSays,
            journal: left.journal)
        #expect(try state(repo) == expected, "\(step)")

        let next = try repo.cardigan("commit", "-m", "next")
        #expect(next.status == 0, "\(step): \(next.output) \(next.error)")
        #expect(
            next.output.contains("finished the interrupted commit") == left.journal,
            "\(step): \(next.output)")
        let done = State(
            commits: 2, tags: "cards/a/v1\ncards/a/v2\n", porcelain: "", fileSays: "Draft", journal: false)
        #expect(try state(repo) == done, "\(step)")
        #expect(try repo.git("log", "-1", "--format=%(trailers:key=Card-Version,valueonly)", "main") == "2\n\n")
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict", "--no-dangling")
    }

    @Test func verifyRepairFinishesACommitStoppedAfterTheBranchMoved() throws {
        let repo = try repositoryWithAPendingVersion()
        _ = try repo.cardigan("commit", "-m", "v2", environment: ["CARDIGAN_TEST_STOP_AT": "branch"])
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 1)
        #expect(verify.output.contains("[version-tag-missing]"))
        let repair = try repo.cardigan("verify", "--repair")
        #expect(repair.status == 0, "\(repair.output) \(repair.error)")
        #expect(repair.output.contains("repaired: finished the interrupted commit"), "\(repair.output)")
        // What was repaired comes first, then the verdict on the repaired repository, through a pipe too.
        #expect(repair.output.hasPrefix("repaired: "), "\(repair.output)")
        #expect(repair.output.contains("made 'cards/a/v2'") && repair.output.contains("rewrote 'cards/a.yaml'"))
        #expect(
            try state(repo)
                == State(commits: 2, tags: "cards/a/v1\ncards/a/v2\n", porcelain: "", fileSays: "Draft", journal: false)
        )
    }

    @Test func aFileEditedAfterTheCrashIsKept() throws {
        let repo = try repositoryWithAPendingVersion()
        _ = try repo.cardigan("commit", "-m", "v2", environment: ["CARDIGAN_TEST_STOP_AT": "branch"])
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "Three."))
        let next = try repo.cardigan("commit", "-m", "v3")
        #expect(next.status == 0, "\(next.output) \(next.error)")
        #expect(next.output.contains("finished the interrupted commit") && !next.output.contains("rewrote"))
        #expect(try repo.git("tag", "-l") == "cards/a/v1\ncards/a/v2\ncards/a/v3\n")
        #expect(try repo.read("cards/a.yaml").contains("Three."))
        try repo.cardigan("verify").checked()
    }

    @Test func aLockLeftBesideAFinishedReferenceIsRemovedAndAStaleOneIsNamed() throws {
        let repo = try repositoryWithAPendingVersion()
        try repo.cardigan("commit", "-m", "v2").checked()
        // What a kill between libgit2's link() and unlink() leaves: the lock is the reference's
        // own file (same inode).
        let git = repo.path + "/.git/"
        try FileManager.default.linkItem(atPath: git + "refs/heads/main", toPath: git + "refs/heads/main.lock")
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "v3").checked()
        #expect(!FileManager.default.fileExists(atPath: git + "refs/heads/main.lock"))
        // A lock that is a file of its own may belong to a live process: named, never removed.
        #expect(FileManager.default.createFile(atPath: git + "refs/heads/main.lock", contents: nil))
        try repo.edit("cards/a.yaml", replacing: "Three.", with: "Four.")
        let blocked = try repo.cardigan("commit", "-m", "v4")
        #expect(blocked.status == 2)
        #expect(blocked.error.contains("refs/heads/main.lock' exists") && blocked.error.contains("delete"))
        #expect(FileManager.default.fileExists(atPath: git + "refs/heads/main.lock"))
    }

    /// The random-kill loop's flake (seed 322542324): a kill while libgit2 writes the index
    /// leaves `index.lock` (a file of its own: written, then renamed over `index`). The next
    /// commit used to wait, say so in a note and exit 0 with the index still at version 1, and
    /// every later commit found nothing to do and left it so. Now it is a named refusal, the
    /// journal stays, and once the lock is deleted the next commit finishes the index.
    @Test(arguments: ["working-file", "branch"])
    func anIndexLockLeftByAKillIsNamedAndTheCommitFinishedOnceItIsGone(step: String) throws {
        let repo = try repositoryWithAPendingVersion()
        _ = try repo.cardigan("commit", "-m", "v2", environment: ["CARDIGAN_TEST_STOP_AT": step])
        let lock = repo.path + "/.git/index.lock"
        // What a kill between libgit2's open of the lock and its rename leaves: part of an index.
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("DIRC".utf8)))
        let blocked = try repo.cardigan("commit", "-m", "next")
        repo.expect(blocked, status: 2, saying: "the interrupted commit ")
        #expect(blocked.error.contains("index.lock' exists") && blocked.error.contains("delete"), "\(blocked.error)")
        #expect(FileManager.default.fileExists(atPath: lock), "a lock that may be live is never removed")
        #expect(try state(repo).journal, "the journal stays until the index is updated")
        let repair = try repo.cardigan("verify", "--repair")
        repo.expect(repair, status: 2, saying: "index.lock' exists")
        try FileManager.default.removeItem(atPath: lock)
        let next = try repo.cardigan("commit", "-m", "next")
        #expect(next.status == 0, "\(next.output) \(next.error)")
        #expect(next.output.contains("finished the interrupted commit"), "\(next.output)")
        #expect(
            try state(repo)
                == State(commits: 2, tags: "cards/a/v1\ncards/a/v2\n", porcelain: "", fileSays: "Draft", journal: false)
        )
        try repo.cardigan("verify").checked()
    }

    /// A commit that finds a stale `index.lock` (and no interrupted commit) makes its version
    /// and tag, then refuses naming the lock instead of succeeding with the index behind.
    @Test func aCommitBesideAStaleIndexLockSaysSoAndTheNextFinishesIt() throws {
        let repo = try repositoryWithAPendingVersion()
        let lock = repo.path + "/.git/index.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: nil))
        let blocked = try repo.cardigan("commit", "-m", "v2")
        repo.expect(blocked, status: 2, saying: "committed ")
        #expect(blocked.error.contains("index.lock' exists") && blocked.error.contains("delete"), "\(blocked.error)")
        try FileManager.default.removeItem(atPath: lock)
        let next = try repo.cardigan("commit", "-m", "next")
        #expect(next.status == 0 && next.output.contains("finished the interrupted commit"), "\(next.output)")
        #expect(
            try state(repo)
                == State(commits: 2, tags: "cards/a/v1\ncards/a/v2\n", porcelain: "", fileSays: "Draft", journal: false)
        )
    }

    /// Found by the fault sweep: a failed write to standard output crashed the process (and
    /// hung in the backtracer). Now it is a named error, exit 2.
    @Test func aFullOutputIsAnErrorNotACrash() throws {
        let repo = try CardRepo.withTwoCards()
        let result = try repo.repo.run(["sh", "-c", "\"$0\" list > /dev/full", PackagePaths.cardigan])
        #expect(result.status == 2, "\(result.error)")
        #expect(result.error.contains("error: cannot write the output: no space left on device"), "\(result.error)")
    }

    /// A commit of 60 cards makes its 60 tag references in one write of `packed-refs` (step
    /// `tags`). Stopped before it (after `branch`) or right after it, the next commit makes the
    /// missing tags the same way, with the objects the pack already holds, or finds them made.
    @Test(arguments: ["branch", "tags"])
    func aManyCardCommitStoppedAroundItsPackedTagsIsFinishedByTheNextCommit(step: String) throws {
        let repo = try CardRepo()
        for index in 0..<60 { try repo.write("cards/card-\(index).yaml", CardRepo.card("card-\(index)")) }
        let stopped = try repo.cardigan("commit", "-m", "many", environment: ["CARDIGAN_TEST_STOP_AT": step])
        #expect(stopped.status == SIGKILL, "\(step): \(stopped.output) \(stopped.error)")
        #expect(try repo.git("tag", "-l").split(separator: "\n").count == (step == "tags" ? 60 : 0))
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/cardigan-commit.json"))
        let next = try repo.cardigan("commit", "-m", "next")
        #expect(next.status == 0 && next.output.contains("finished the interrupted commit"), "\(next.output)")
        #expect(try repo.git("tag", "-l").split(separator: "\n").count == 60)
        let looseTags = FileManager.default.enumerator(atPath: repo.path + "/.git/refs/tags")?.allObjects ?? []
        #expect(looseTags.allSatisfy { !"\($0)".hasSuffix("/v1") }, "loose tag files: \(looseTags)")
        #expect(try repo.git("status", "--porcelain") == "")
        #expect(try repo.git("rev-list", "--count", "main") == "1\n")
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict", "--no-dangling")
    }
}
