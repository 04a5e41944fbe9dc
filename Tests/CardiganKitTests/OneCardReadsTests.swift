import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `log <card>` and the pre-commit hook read what their card needs, not the whole history
/// (issue 18, goal 6): at 10,000 cards × 10 versions every commit's 20 KiB of trailers was
/// copied into a `String` to be searched for the card's name, and the hook read the index three
/// times and copied both listings of the 10,000-file cards folder. The counts here
/// (``ReadCounts/commitsCopied``) would grow with the history if either went back to that;
/// the answers are checked against the git CLI.
@Suite struct OneCardReadsTests {
    /// Commits of 'beta' alone after 'alpha' changed last.
    private static let othersAfter = 12

    /// 'alpha' and 'beta' at version 1, 'beta' through five more versions, 'alpha' at version 2,
    /// then ``othersAfter`` versions of 'beta' alone.
    private func repository() throws -> (ScratchRepository, CardStore) {
        let scratch = try ScratchRepository()
        try scratch.write("cards/alpha.yaml", MinimalCard.text("alpha", "First revision."))
        try scratch.write("cards/beta.yaml", MinimalCard.text("beta", "Revision 0."))
        let store = try scratch.openedStore()
        #expect(try store.commit(names: [], message: "v1").records.count == 2)
        var revision = 0
        func changeBeta(_ times: Int) throws {
            for _ in 0..<times {
                revision += 1
                try scratch.write("cards/beta.yaml", MinimalCard.text("beta", "Revision \(revision)."))
                #expect(try store.commit(names: ["beta"], message: "beta \(revision)").records.count == 1)
            }
        }
        try changeBeta(5)
        try scratch.write("cards/alpha.yaml", MinimalCard.text("alpha", "Second revision."))
        #expect(try store.commit(names: ["alpha"], message: "alpha 2").records.count == 1)
        try changeBeta(Self.othersAfter)
        return (scratch, store)
    }

    @Test func logCopiesOnlyTheCommitsThatNameItsCard() throws {
        let (scratch, store) = try repository()
        store.repository.reads.reset()
        let entries = try store.auditTrail(of: "alpha")
        #expect(store.repository.reads.commitsCopied == 2)  // of 19 commits
        #expect(entries.map(\.record.version) == [1, 2])
        let oracle = try scratch.git("log", "--reverse", "--format=%H", "--grep=^Card: alpha$").split(separator: "\n")
        #expect(entries.map(\.commit) == oracle.map(String.init))
        // A card named in most commits is copied for each of them, and said the same way.
        let beta = try store.auditTrail(of: "beta")
        #expect(beta.map(\.record.version) == Array(1...(6 + Self.othersAfter)))
    }

    @Test func theHookWalksPastOtherCardsCommitsWithoutCopyingThem() throws {
        let (scratch, store) = try repository()
        try scratch.write("cards/alpha.yaml", MinimalCard.text("alpha", "Third revision."))
        try scratch.git("add", "cards/alpha.yaml")
        store.repository.reads.reset()
        #expect(try store.runPreCommit().isEmpty)
        // The commit of alpha's last record, and the head's for its folder: not the twelve of
        // beta between them.
        #expect(store.repository.reads.commitsCopied <= 2)
        // The same plan, as `prepare-commit-msg` writes it: the staged card is version 3.
        let messageFile = scratch.path + "/.git/COMMIT_EDITMSG"
        try scratch.write(".git/COMMIT_EDITMSG", "alpha 3\n")
        store.repository.reads.reset()
        #expect(try store.runPrepareCommitMessage(messageFile: messageFile, source: nil).isEmpty)
        #expect(store.repository.reads.commitsCopied <= 2)
        #expect(try scratch.read(".git/COMMIT_EDITMSG").contains("Card: alpha\nCard-Version: 3\n"))
    }

    @Test func theStagedFolderIsWhatGitDiffsAgainstTheHead() throws {
        let (scratch, store) = try repository()
        try scratch.write("cards/gamma.yaml", MinimalCard.text("gamma", "New."))
        try scratch.write("cards/beta.yaml", MinimalCard.text("beta", "Staged."))
        try scratch.write("cards/sub/delta.yaml", MinimalCard.text("delta", "In a folder."))
        try scratch.write("cards/notes.txt", "not a card\n")
        try scratch.git("add", "cards")
        try scratch.git("rm", "-q", "--cached", "cards/alpha.yaml")
        let head = try store.repository.resolve("HEAD")
        let index = try StagedIndex(of: store.repository, file: nil)
        let folder = try store.repository.stagedFolder("cards", in: index, against: head)
        let changed = Dictionary(uniqueKeysWithValues: folder.changed.map { ($0.name, $0.staged?.hex) })
        // git's own answer: added, modified and deleted files of the folder, and their staged ids.
        var oracle: [String: String?] = [:]
        for line in try scratch.git("diff", "--cached", "--raw", "--no-abbrev", "HEAD", "--", "cards/")
            .split(separator: "\n")
        {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let name = String(fields[5].dropFirst("cards/".count))
            guard !name.contains("/") else { continue }
            oracle[name] = fields[4] == "D" ? nil : String(fields[3])
        }
        #expect(changed == oracle)
        #expect(changed.keys.sorted() == ["alpha.yaml", "beta.yaml", "gamma.yaml", "notes.txt"])
        #expect(folder.hazards == [FolderEntryKind(name: "sub", kind: "a folder")])
        #expect(folder.names == ["beta.yaml", "gamma.yaml", "notes.txt"])
        // The hook refuses the subfolder, as `commit` does.
        #expect(try store.runPreCommit().map(\.ruleID) == [.cardFolderEntry])
    }

    /// The pre-commit hook opens the index once for the cards folder and the approval policy, and
    /// knows an unchanged policy by the ids of its files: it reads `.cardigan.yaml`'s small blob
    /// (for the signers file's name), not the signers file.
    @Test(.enabled(if: TestTools.sshKeygen)) func theHookReadsTheIndexOnceAndAnUnchangedPolicyByItsIDs() throws {
        let (scratch, store) = try repository()
        try scratch.write("cards/alpha.yaml", MinimalCard.text("alpha", "Third revision."))
        try scratch.git("add", "cards/alpha.yaml")
        store.repository.reads.reset()
        #expect(try store.runPreCommit().isEmpty)
        let withoutPolicy = store.repository.reads
        #expect(withoutPolicy.indexesRead == 1)

        let keys = try SSHTestKeys()
        try keys.make("risk", type: "ed25519")
        try scratch.write(".cardigan/allowed_signers", "risk@example.com \(try keys.publicKey("risk"))\n")
        try scratch.write(
            ".cardigan.yaml",
            "approval:\n  signers: .cardigan/allowed_signers\n  rules:\n    - cards: \"*\"\n      approvers: 1\n")
        try scratch.git("add", ".cardigan.yaml", ".cardigan/allowed_signers")
        // Only the policy is committed; alpha stays staged.
        try scratch.git("commit", "-q", "-m", "approval policy", "--", ".cardigan.yaml", ".cardigan/allowed_signers")
        store.repository.reads.reset()
        #expect(try store.runPreCommit().isEmpty)
        #expect(store.repository.reads.indexesRead == 1)
        #expect(store.repository.reads.blobsRead == withoutPolicy.blobsRead + 1)

        // A staged change of the signers file is read and judged.
        try scratch.write(
            ".cardigan/allowed_signers", "# the risk team\nrisk@example.com \(try keys.publicKey("risk"))\n")
        try scratch.git("add", ".cardigan/allowed_signers")
        store.repository.reads.reset()
        #expect(try store.runPreCommit().isEmpty)
        #expect(store.repository.reads.blobsRead == withoutPolicy.blobsRead + 2)
        try scratch.write(".cardigan/allowed_signers", "risk@example.com not-a-key\n")
        try scratch.git("add", ".cardigan/allowed_signers")
        let refused = try store.runPreCommit()
        #expect(refused.map(\.ruleID) == [.approvalPolicy])
        #expect(refused.first?.location?.path == ".cardigan/allowed_signers")
    }
}
