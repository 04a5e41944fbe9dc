import Foundation
import TestSupport
import Testing

/// `verify` catches each way the record can be broken, each with exit 1 and a finding that says
/// what happened.
@Suite struct VerifyEndToEndTests {
    /// ``CardRepo/withTwoCards()``, verified clean before a test breaks it.
    private func history() throws -> CardRepo {
        let repo = try CardRepo.withTwoCards()
        #expect(try repo.cardigan("verify").status == 0)
        return repo
    }

    private func expectFinding(
        _ repo: CardRepo, _ rule: String, _ text: String, arguments: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try repo.repo.run([PackagePaths.cardigan, "verify"] + arguments)
        #expect(result.status == 1, "verify passed: \(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains("[\(rule)]"), "no \(rule) in: \(result.output)", sourceLocation: sourceLocation)
        #expect(result.output.contains(text), "no '\(text)' in: \(result.output)", sourceLocation: sourceLocation)
    }

    @Test func catchesAPlainGitCommitOfACardEdit() throws {
        let repo = try history()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.git("commit", "-qam", "sneaky edit")
        try expectFinding(repo, "unversioned-change", "card 'a' changed without a new version")
    }

    @Test func catchesAnAmendedVersionCommit() throws {
        let repo = try history()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Two, amended.")
        try repo.git("commit", "-q", "-a", "--amend", "--no-edit")
        try expectFinding(repo, "version-tag-moved", "tag 'cards/a/v2' points at commit")
    }

    @Test func catchesARebaseFollowedByAReset() throws {
        let repo = try history()
        let oldHead = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.repo.run(
            ["git", "rebase", "-q", "--force-rebase", "HEAD~1"],
            environment: ["GIT_COMMITTER_DATE": "@2000000000 +0000"]
        ).checked()
        try repo.git("reset", "-q", "--hard", "HEAD")
        #expect(try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines) != oldHead)
        try expectFinding(repo, "version-tag-moved", "not at the commit that made version 2")
    }

    @Test func catchesADeletedVersionTagAndRepairsIt() throws {
        let repo = try history()
        let lost = try repo.git("rev-parse", "cards/a/v1")
        try repo.git("tag", "-d", "cards/a/v1")
        try expectFinding(repo, "version-tag-missing", "tag 'cards/a/v1' of version 1 is missing")
        // Re-created from the commit's record with the commit's committer as tagger, the tag is
        // the same object again, whatever the time now: v2's Previous still names it.
        let repair = try repo.cardigan("verify", "--repair", environment: ["GIT_COMMITTER_DATE": "@2000000000 +0000"])
        #expect(repair.status == 0, "\(repair.output)")
        #expect(repair.output.contains("re-created tag 'cards/a/v1'"))
        #expect(try repo.git("rev-parse", "cards/a/v1") == lost)
        try repo.cardigan("verify").checked()
        try repo.git("fsck", "--strict")
    }

    @Test func repairsATagLostInACrash() throws {
        let repo = try history()
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn well.")
        try repo.cardigan("commit", "-m", "b v2").checked()
        try repo.git("tag", "-d", "cards/b/v2")  // what a crash between branch and tag leaves
        try expectFinding(repo, "version-tag-missing", "'cardigan verify --repair'")
        let repair = try repo.cardigan("verify", "--repair")
        #expect(repair.status == 0, "\(repair.output)")
        #expect(try repo.cardigan("verify").status == 0)
        #expect(try repo.git("cat-file", "-p", "cards/b/v2").contains("Card-Version: 2"))
    }

    @Test func catchesAMovedVersionTag() throws {
        let repo = try history()
        try repo.git("tag", "-f", "-a", "-m", "moved", "cards/a/v1", "HEAD")
        try expectFinding(repo, "version-tag-moved", "tag 'cards/a/v1' points at commit")
    }

    @Test(arguments: [["tag"], ["tag", "-a", "-m", "x"]])
    func catchesAHandMadeTagOfNoVersionOnTheBranchAsStray(_ tag: [String]) throws {
        let repo = try history()
        try repo.repo.run(["git"] + tag + ["cards/a/v5", "HEAD"]).checked()
        let head = try repo.git("rev-parse", "--short=12", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = tag.count == 1 ? "lightweight tag" : "tag"
        try expectFinding(
            repo, "version-tag-stray",
            "cards/a.yaml: error: \(kind) 'cards/a/v5' names version 5 of 'a', which no commit on 'main' makes; the commit it points at is on 'main' (commit \(head)) [version-tag-stray]"
        )
        let result = try repo.cardigan("verify")
        #expect(!result.output.contains("version-orphaned"), "\(result.output)")
        try repo.git("tag", "-d", "cards/a/v5")
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func catchesTagsUnderCardsThatAreNotVersionTagNames() throws {
        let repo = try history()
        for name in ["cards/foo", "cards/a/vX", "cards/Bad/v1"] { try repo.git("tag", name) }
        let result = try repo.cardigan("verify")
        #expect(result.status == 1, "\(result.output)")
        #expect(
            result.output.contains(
                "error: tag 'cards/foo' is not a version tag name: version tags are named 'cards/<name>/v<N>' [version-tag-name]"
            ), "\(result.output)")
        #expect(
            result.output.contains(
                "cards/a.yaml: error: tag 'cards/a/vX' is not a version tag name: 'vX' is not a version 'v<N>' (N from 1, no leading zero) [version-tag-name]"
            ), "\(result.output)")
        #expect(
            result.output.contains("error: tag 'cards/Bad/v1' is not a version tag name: 'Bad' is not a card name"),
            "\(result.output)")
        #expect(!result.output.contains("version-orphaned"), "\(result.output)")
        for name in ["cards/foo", "cards/a/vX", "cards/Bad/v1"] { try repo.git("tag", "-d", name) }
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func catchesADeletedCard() throws {
        let repo = try history()
        try repo.git("rm", "-q", "cards/b.yaml")
        try repo.git("commit", "-qm", "remove b")
        try expectFinding(repo, "card-deleted", "versioned card 'b' was deleted or renamed")
    }

    @Test func catchesARenamedCard() throws {
        let repo = try history()
        try repo.git("mv", "cards/b.yaml", "cards/c.yaml")
        try repo.edit("cards/c.yaml", replacing: "name: b", with: "name: c")
        try repo.git("commit", "-qam", "rename b")
        try expectFinding(repo, "card-deleted", "versioned card 'b' was deleted or renamed")
    }

    @Test func catchesAnIllegalStatusMove() throws {
        let repo = try history()
        try repo.edit("cards/b.yaml", replacing: "status: Draft", with: "status: Approved")
        try repo.git("commit", "-qam", "self-approve")
        try expectFinding(repo, "status-move", "status of 'b' cannot move from Draft to Approved")
    }

    @Test func catchesAChangedModelName() throws {
        let repo = try history()
        try repo.edit("cards/b.yaml", replacing: "model_name: b-model", with: "model_name: other-model")
        try repo.git("commit", "-qam", "rename model")
        try expectFinding(repo, "model-name-changed", "'model_overview.model_name' of 'b' changed")
    }

    /// A card's object file replaced by another card's bytes (the ids of every commit and tag
    /// unchanged): `verify` reads objects as git reads them, without hashing each again, and
    /// catches the forgery by the digest the record gives; `--no-cache` re-hashes every object
    /// it reads and refuses the repository as damaged.
    @Test func aForgedObjectFileIsCaughtWithAndWithoutReHashingObjects() throws {
        let repo = try CardRepo.withTwoCards()
        let honest = try repo.cardigan("verify", "--no-cache")
        #expect(honest.status == 0, "\(honest.output)")
        let blob = try repo.git("rev-parse", "HEAD:cards/a.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("forged.yaml", CardRepo.card("a", description: "Forged."))
        let forged = try repo.git("hash-object", "-w", "forged.yaml").trimmingCharacters(in: .whitespacesAndNewlines)
        func objectFile(_ id: String) -> String { repo.path + "/.git/objects/" + id.prefix(2) + "/" + id.dropFirst(2) }
        #expect(FileManager.default.fileExists(atPath: objectFile(blob)), "the card's blob is a loose object")
        try FileManager.default.removeItem(atPath: objectFile(blob))
        try FileManager.default.copyItem(atPath: objectFile(forged), toPath: objectFile(blob))
        try? FileManager.default.removeItem(atPath: repo.path + "/.git/cardigan")

        let read = try repo.cardigan("verify")
        #expect(read.status == 1 && read.output.contains("[record-mismatch]"), "\(read.output)")
        let audited = try repo.cardigan("verify", "--no-cache")
        #expect(audited.status == 2 && audited.error.contains(blob), "\(audited.output)\(audited.error)")
        #expect(try repo.repo.run(["git", "fsck"]).status != 0, "the oracle: git fsck finds the forgery too")
    }

    /// What `verify` learned of each blob is kept in `.git/cardigan`; reading it back, or the
    /// same objects from a pack, must not change a single finding.
    @Test func findsTheSameWithOrWithoutTheSnapshotCacheAndAfterGitGC() throws {
        let repo = try history()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.git("commit", "-qam", "sneaky edit")
        try repo.edit("cards/b.yaml", replacing: "status: Draft", with: "status: Finished")
        try repo.git("commit", "-qam", "an invalid card")
        let cacheFile = repo.path + "/.git/cardigan/snapshots-v6"
        try? FileManager.default.removeItem(atPath: cacheFile)

        let uncached = try repo.cardigan("verify", "--no-cache")
        #expect(uncached.status == 1)
        #expect(uncached.output.contains("[unversioned-change]") && uncached.output.contains("[invalid-card]"))
        #expect(!FileManager.default.fileExists(atPath: cacheFile), "--no-cache neither reads nor writes it")
        let cold = try repo.cardigan("verify")
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        let warm = try repo.cardigan("verify")
        // A cache file cut short is ignored whole: every blob is parsed again, nothing half-believed.
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheFile)
        #expect(files.count == 1)
        for file in files {
            let path = cacheFile + "/" + file
            let bytes = try #require(FileManager.default.contents(atPath: path))
            try bytes.prefix(bytes.count - 5).write(to: URL(fileURLWithPath: path))
        }
        let damaged = try repo.cardigan("verify")
        try repo.git("gc", "-q")
        let packed = try repo.cardigan("verify", "--no-cache")
        for (label, run) in [("cold", cold), ("warm", warm), ("damaged", damaged), ("packed", packed)] {
            #expect(run.status == uncached.status, "\(label)")
            #expect(run.output == uncached.output, "\(label): \(run.output)")
        }
    }

    @Test func catchesAWholeHistoryRewriteWithACheckpoint() throws {
        let repo = try history()
        // Outside the repository, in a folder of this test's own (never a shared one).
        let outside = try ScratchRepository()
        let checkpoint = outside.path + "/checkpoint.txt"
        try repo.cardigan("checkpoint", "-o", checkpoint).checked()
        #expect(try repo.cardigan("verify", "--checkpoint", checkpoint).status == 0)
        try repo.git("branch", "feature")
        let otherBranch = try repo.cardigan("verify", "--checkpoint", checkpoint, "--branch", "feature")
        #expect(otherBranch.status == 0, "a checkpoint of another branch is a warning")
        #expect(
            otherBranch.output.contains(
                "warning: the checkpoint was written for 'refs/heads/main', not 'refs/heads/feature' [checkpoint]"),
            "\(otherBranch.output)")
        try repo.git("branch", "-D", "feature")

        // Rewrite everything: new root commit, every tag deleted and recreated by cardigan itself.
        for tag in try repo.git("tag", "-l").split(separator: "\n") { try repo.git("tag", "-d", String(tag)) }
        try repo.git("checkout", "-q", "--orphan", "rewritten")
        try repo.git("rm", "-rqf", "--cached", ".")
        try repo.git("commit", "-q", "--allow-empty", "-m", "new root")
        try repo.git("branch", "-D", "main")
        try repo.git("branch", "-m", "main")
        try repo.cardigan("commit", "-m", "recreated").checked()
        #expect(try repo.cardigan("verify").status == 0, "the rewritten history is self-consistent")
        try expectFinding(
            repo, "checkpoint-rewritten", "the history was rewritten", arguments: ["--checkpoint", checkpoint])
        try expectFinding(
            repo, "checkpoint-tag", "tag 'cards/a/v1' is object", arguments: ["--checkpoint", checkpoint])
    }
}
