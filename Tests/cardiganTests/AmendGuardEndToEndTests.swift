import Foundation
import Testing

/// With `cardigan hook install`, no way of amending a commit that records card versions goes
/// through: `prepare-commit-msg` sees only `--amend` without a message, so the
/// `reference-transaction` hook refuses the others (`-m`, `-F`, `-C`, `-c`) where the branch
/// moves. A reset to a commit that exists already is no amend: it goes through with a note.
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
            amend.error.contains("refs/heads/main: error: replacing commit \(short) on 'main' with "), "\(amend.error)")
        #expect(
            amend.error.contains(
                ", a new commit on the same parents (an amend), drops the record of 'x' v2 from the branch while the tags point at \(short) [amend-refused]"
            ), "\(amend.error)")
        #expect(amend.error.contains("the branch stays at \(short)"), "\(amend.error)")
    }

    /// A reset to a commit that exists already, made on another branch from the same parent, is
    /// not an amend: it goes through, says what left the branch, and `verify` reports the tag
    /// left on no branch until the branch is moved back.
    @Test func aResetToASiblingCommitGoesThroughWithANote() throws {
        let repo = try Self.recorded()
        let recorded = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "-b", "side", "HEAD~1")
        try repo.write("notes.txt", "side\n")
        try repo.git("add", "notes.txt")
        try repo.git("commit", "-qm", "notes on the side")
        let sibling = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "main")
        let reset = try repo.repo.run(["git", "reset", "-q", "--hard", "side"])
        #expect(reset.status == 0, "\(reset.error)")
        #expect(
            reset.error.contains(
                "cardigan: note: 'main' moved from \(recorded.prefix(12)) to \(sibling.prefix(12)), which does not contain the record of 'x' v2; the tags stay on the commits that recorded them"
            ), "\(reset.error)")
        #expect(!reset.error.contains("amend"), "\(reset.error)")
        #expect(try repo.git("rev-parse", "main") == sibling + "\n")
        #expect(try repo.git("rev-parse", "cards/x/v2^{commit}") == recorded + "\n")
        let orphaned = try repo.cardigan("verify")
        #expect(orphaned.status == 1 && orphaned.output.contains("[version-orphaned]"), "\(orphaned.output)")
        // Back again: the recorded commit's parents are the sibling's, and the sibling records nothing.
        let back = try repo.repo.run(["git", "reset", "-q", "--hard", recorded])
        #expect(back.status == 0 && back.error.isEmpty, "\(back.error)")
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func aResetBackPastARecordingCommitGoesThroughWithANote() throws {
        let repo = try Self.recorded()
        let recorded = String(try repo.git("rev-parse", "HEAD").prefix(12))
        let parent = String(try repo.git("rev-parse", "HEAD~1").prefix(12))
        let reset = try repo.repo.run(["git", "reset", "-q", "--hard", "HEAD~1"])
        #expect(reset.status == 0, "\(reset.error)")
        #expect(
            reset.error.contains(
                "cardigan: note: 'main' moved from \(recorded) to \(parent), which does not contain the record of 'x' v2"
            ), "\(reset.error)")
        #expect(try repo.git("rev-parse", "HEAD").hasPrefix(parent))
    }

    /// What is refused is the new copy, however it got onto the branch: one made with
    /// `git commit-tree` and reset to is an amend by hand.
    @Test func aResetToANewCopyOnTheSameParentsIsRefusedAsAnAmend() throws {
        let repo = try Self.recorded()
        let head = try repo.git("rev-parse", "HEAD")
        let copy = try repo.git("commit-tree", "HEAD^{tree}", "-p", "HEAD~1", "-m", "copy")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let reset = try repo.repo.run(["git", "reset", "-q", "--soft", copy])
        #expect(reset.status != 0)
        #expect(reset.error.contains("with \(copy.prefix(12)), a new commit on the same parents"), "\(reset.error)")
        #expect(reset.error.contains("[amend-refused]"), "\(reset.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }

    /// Detached, no branch moves, so the reference-transaction hook has nothing to judge; the
    /// amend of a version is still refused, by the hooks that refuse card versions off a branch.
    @Test func anAmendOnADetachedHeadIsRefusedAsACommitOffABranch() throws {
        let repo = try Self.recorded()
        let head = try repo.git("rev-parse", "HEAD")
        try repo.git("checkout", "-q", "--detach")
        let amend = try repo.repo.run(["git", "commit", "-q", "--amend", "-m", "x2"])
        #expect(amend.status != 0)
        #expect(amend.error.contains("HEAD is detached; card versions are committed to a branch"), "\(amend.error)")
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
        #expect(amend.status == 0, "\(amend.error) \(amend.output)")
        #expect(try repo.git("log", "-1", "--format=%s") == "notes, reworded\n")
        #expect(try repo.git("rev-parse", "HEAD~1") == parent)
        // A reset that leaves the versions where they were, and a tag created, still go through.
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        #expect(try repo.git("rev-parse", "HEAD") == parent)
        #expect(try repo.cardigan("verify").status == 0)
    }
}
