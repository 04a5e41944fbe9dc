import Foundation
import Testing

/// With `cardigan hook install`, no way of amending a commit that records card versions goes
/// through: `prepare-commit-msg` sees only `--amend` without a message, so the
/// `reference-transaction` hook refuses the others (`-m`, `-F`, `-C`, `-c`) where the branch moves.
@Suite struct AmendGuardEndToEndTests {
    /// A repository with hooks installed whose head is a plain `git commit` that made `x` v2.
    static func recorded() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.cardigan("hook", "install").checked()
        try repo.write("cards/x.yaml", CardRepo.card("x", description: "One."))
        try repo.git("add", "cards/x.yaml")
        try repo.git("commit", "-qm", "x")
        try repo.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try repo.git("commit", "-q", "-a", "-m", "x v2")
        try repo.write("message.txt", "from a file\n")
        return repo
    }

    @Test(arguments: [
        ["--amend", "-m", "x2"], ["--amend", "-a", "-m", "x2"], ["--amend", "-F", "message.txt"],
        ["--amend", "-C", "HEAD"], ["--amend", "-c", "HEAD"], ["--amend", "--no-edit"], ["--amend"],
        ["--amend", "--reset-author", "-m", "x2"],
    ])
    func everyAmendOfARecordingCommitIsRefused(arguments: [String]) throws {
        let repo = try Self.recorded()
        let head = try repo.git("rev-parse", "HEAD")
        try repo.edit("cards/x.yaml", replacing: "Two.", with: "Two, amended.")
        let amend = try repo.repo.run(["git", "commit", "-q"] + arguments, environment: ["GIT_EDITOR": "true"])
        #expect(amend.status != 0, "\(arguments)")
        #expect(amend.error.contains("[amend-refused]"), "\(arguments): \(amend.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head, "\(arguments)")
        #expect(try repo.git("rev-parse", "cards/x/v2^{commit}") == head)
        let trailers = try repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Card: x\nCard-Version: 2\n"), "\(trailers)")
        // The hand work is still there: the edit stays in the working tree.
        #expect(try repo.read("cards/x.yaml").contains("Two, amended."))
        try repo.git("checkout", "-q", "--", "cards/x.yaml")
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(arguments): \(verify.output)\(verify.error)")
    }

    @Test func theRefusalNamesTheBranchAndTheCommit() throws {
        let repo = try Self.recorded()
        let short = String(try repo.git("rev-parse", "HEAD").prefix(12))
        let amend = try repo.repo.run(["git", "commit", "-q", "--amend", "-m", "x2"])
        #expect(
            amend.error.contains(
                "HEAD: error: amending commit \(short) rewrites the card versions it records; their tags point at it [amend-refused]"
            ), "\(amend.error)")
    }

    @Test func anAmendOnADetachedHeadIsRefusedToo() throws {
        let repo = try Self.recorded()
        let head = try repo.git("rev-parse", "HEAD")
        try repo.git("checkout", "-q", "--detach")
        let amend = try repo.repo.run(["git", "commit", "-q", "--amend", "-m", "x2"])
        #expect(amend.status != 0)
        #expect(
            amend.error.contains("HEAD: error: amending commit") && amend.error.contains("[amend-refused]"),
            "\(amend.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.git("rev-parse", "main") == head)
    }

    @Test func aPlainCommitWithAMessageStillRecordsAVersion() throws {
        let repo = try Self.recorded()
        try repo.edit("cards/x.yaml", replacing: "Two.", with: "Three.")
        let commit = try repo.repo.run(["git", "commit", "-q", "-a", "-m", "x v3"])
        #expect(commit.status == 0, "\(commit.error)")
        let trailers = try repo.git("log", "-1", "--format=%(trailers:only,unfold)")
        #expect(trailers.contains("Card: x\nCard-Version: 3\n"), "\(trailers)")
        #expect(try repo.git("rev-parse", "cards/x/v3^{commit}") == repo.git("rev-parse", "HEAD"))
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func amendingACommitThatRecordedNothingIsAllowed() throws {
        let repo = try Self.recorded()
        try repo.write("README.md", "notes\n")
        try repo.git("add", "README.md")
        try repo.git("commit", "-qm", "notes")
        let parent = try repo.git("rev-parse", "HEAD~1")
        let amend = try repo.repo.run(["git", "commit", "-q", "--amend", "-m", "notes, reworded"])
        #expect(amend.status == 0, "\(amend.error)")
        #expect(try repo.git("log", "-1", "--format=%s") == "notes, reworded\n")
        #expect(try repo.git("rev-parse", "HEAD~1") == parent)
        // A reset that leaves the versions where they were, and a tag created, still go through.
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        #expect(try repo.git("rev-parse", "HEAD") == parent)
        #expect(try repo.cardigan("verify").status == 0)
    }
}
