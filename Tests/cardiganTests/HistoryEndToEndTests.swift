import Foundation
import TestSupport
import Testing

/// The versioned history, driven through the built binary, with the git CLI as the oracle.
@Suite struct HistoryEndToEndTests {
    @Test func aCardsLifeIsRecordedAsGitSees() throws {
        let repo = try CardRepo()
        try repo.cardigan("init").checked()
        try repo.cardigan("new", "churn").checked()
        try repo.cardigan("commit", "churn", "-m", "First churn card").checked()
        try repo.edit("cards/churn.yaml", replacing: "status: Draft", with: "status: Draft\n# owner: retail-ml")
        try repo.edit("cards/churn.yaml", replacing: "risk_rating: Unknown", with: "risk_rating: Medium")
        try repo.cardigan("commit", "-m", "Rate the risk").checked()
        let pending = try repo.cardigan("status", "churn", "PendingReview").checked()
        #expect(pending.output.contains("version 2 is now PendingReview"))
        try repo.cardigan("status", "churn", "Approved", "-m", "Approved by the model risk committee").checked()
        try repo.edit("cards/churn.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        let third = try repo.cardigan("commit", "-m", "Raise the risk").checked()
        #expect(third.output.contains("born Draft"))
        #expect(try repo.read("cards/churn.yaml").contains("status: Draft"))

        let tags = try repo.git("for-each-ref", "--format=%(refname) %(objecttype) %(*objectname)", "refs/tags/cards")
        let lines = tags.split(separator: "\n")
        #expect(lines.count == 3)
        let log = try repo.git("log", "--format=%H %s", "main").split(separator: "\n").map {
            $0.split(separator: " ", maxSplits: 1)
        }
        // newest first: v3 commit, Approved, PendingReview, v2, v1
        #expect(log.count == 5)
        let expected = [("v1", log[4][0]), ("v2", log[3][0]), ("v3", log[0][0])]
        for (version, commit) in expected {
            #expect(
                lines.contains { $0 == "refs/tags/cards/churn/\(version) tag \(commit)" }, "\(version) on \(commit)")
        }
        let trailers = try repo.git(
            "log", "--format=%(trailers:key=Card-Version,key=Card-Status,valueonly,separator=%x20)", "main")
        #expect(trailers.split(separator: "\n") == ["3 Draft", "2 Approved", "2 PendingReview", "2 Draft", "1 Draft"])
        #expect(try repo.git("log", "-1", "--format=%(trailers:key=Card-Change,valueonly)").contains("version"))
        try repo.git("fsck", "--strict")
        #expect(try repo.git("status", "--porcelain", "cards").isEmpty)
        let tagMessage = try repo.git("cat-file", "-p", "cards/churn/v3")
        let v2Object = try repo.git("rev-parse", "cards/churn/v2").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tagMessage.contains("Previous: \(v2Object)"))
        #expect(tagMessage.contains("Card-Status: Draft"))
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")
    }

    @Test func nothingChangedCommitsNothing() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        let again = try repo.cardigan("commit", "-m", "again").checked()
        #expect(again.output.contains("nothing to commit"))
        #expect(try repo.git("rev-list", "--count", "main").trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func aCommentOnlyEditIsACommitWithoutAVersion() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.write("cards/a.yaml", "# reviewed in Q3\n" + CardRepo.card("a"))
        let result = try repo.cardigan("commit", "-m", "comment").checked()
        #expect(result.output.contains("still version 1"))
        #expect(try repo.git("tag", "-l", "cards/a/*").split(separator: "\n") == ["cards/a/v1"])
        #expect(try repo.cardigan("verify").status == 0)
    }

    @Test func anInvalidCardIsNeverCommitted() throws {
        let repo = try CardRepo()
        try repo.git("commit", "--allow-empty", "-q", "-m", "root")
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Meduim"))
        let result = try repo.cardigan("commit", "-m", "a")
        #expect(result.status == 1)
        #expect(result.output.contains("cards/a.yaml:7:16: error:"))
        #expect(result.output.contains("did you mean 'Medium'?"))
        #expect(try repo.git("rev-list", "--count", "main").trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(try repo.git("tag", "-l").isEmpty)
    }

    @Test func illegalStatusMovesAreRefused() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        let skip = try repo.cardigan("status", "a", "Approved")
        #expect(skip.status == 1)
        #expect(skip.output.contains("cannot move from Draft to Approved"))
        try repo.edit("cards/a.yaml", replacing: "status: Draft", with: "status: Approved")
        repo.expect(
            try repo.cardigan("commit", "-m", "sneak"), status: 1,
            saying: "cards/a.yaml:2:9: error: status of 'a' cannot move from Draft to Approved [status-move]")
        #expect(try repo.git("rev-list", "--count", "main").trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func showLogAndListReadTheRecord() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "First."))
        try repo.write("cards/b.yaml", CardRepo.card("b", risk: "High"))
        try repo.cardigan("commit", "-m", "two cards").checked()
        try repo.edit("cards/a.yaml", replacing: "First.", with: "Second.")
        try repo.cardigan("commit", "-m", "edit a").checked()
        try repo.cardigan("status", "a", "PendingReview").checked()

        let show = try repo.cardigan("show", "a", "--card-version", "1").checked().output
        #expect(show.contains("version 1") && show.contains("First."))
        let latest = try repo.cardigan("show", "a", "--format", "json").checked().output
        #expect(latest.contains("\"version\" : 2") && latest.contains("\"status\" : \"PendingReview\""))
        let log = try repo.cardigan("log", "a", "--format", "json").checked().output
        let trail = try #require(try JSONSerialization.jsonObject(with: Data(log.utf8)) as? [String: Any])
        #expect(trail["card"] as? String == "a")
        let entries = try #require(trail["entries"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(entries.last?["change"] as? String == "status")
        #expect(entries.first?["author"] as? String == "Test Author")
        let list = try repo.cardigan("list").checked().output
        #expect(list.contains("a     v2       PendingReview"))
        let high = try repo.cardigan("list", "--status", "Draft", "--format", "json").checked().output
        #expect(high.contains("\"card\" : \"b\"") && !high.contains("\"card\" : \"a\""))
        repo.expect(
            try repo.cardigan("show", "a", "--card-version", "9"), status: 2,
            saying: "error: card 'a' has versions 1 to 2, not 9")
    }

    @Test func unrelatedStagedChangesStayStaged() throws {
        let repo = try CardRepo()
        try repo.write("notes.txt", "draft notes\n")
        try repo.git("add", "notes.txt")
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        #expect(try repo.git("show", "--name-only", "--format=", "HEAD").contains("cards/a.yaml"))
        #expect(!(try repo.git("show", "--name-only", "--format=", "HEAD").contains("notes.txt")))
        #expect(try repo.git("status", "--porcelain") == "A  notes.txt\n")
    }

    @Test func aMissingIdentityIsAClearError() throws {
        let repo = try CardRepo()
        try repo.git("config", "--unset", "user.name")
        try repo.git("config", "--unset", "user.email")
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        let emptyHome = repo.path + "/.home"
        try FileManager.default.createDirectory(atPath: emptyHome, withIntermediateDirectories: true)
        let result = try repo.cardigan(
            "commit", "-m", "a", environment: ["HOME": emptyHome, "XDG_CONFIG_HOME": emptyHome, "EMAIL": ""])
        #expect(result.status == 2)
        #expect(result.error.contains("user.name"))
        let named = try repo.cardigan(
            "commit", "-m", "a",
            environment: [
                "HOME": emptyHome, "XDG_CONFIG_HOME": emptyHome, "GIT_AUTHOR_NAME": "Ada",
                "GIT_AUTHOR_EMAIL": "ada@example.com",
                "GIT_COMMITTER_NAME": "Bot", "GIT_COMMITTER_EMAIL": "bot@example.com",
                "GIT_AUTHOR_DATE": "@1700000000 +0100",
            ])
        #expect(named.status == 0, "\(named.error)")
        #expect(try repo.git("log", "-1", "--format=%an %ae %at %cn") == "Ada ada@example.com 1700000000 Bot\n")
    }

    @Test func worksFromASubfolderAndWithDashC() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.write("docs/readme.md", "x\n")
        let sub = try ProcessResult.run([PackagePaths.cardigan, "commit", "-m", "a"], in: repo.path + "/docs")
        #expect(sub.status == 0, "\(sub.error)")
        let elsewhere = try ProcessResult.run([PackagePaths.cardigan, "-C", repo.path, "list"], in: "/")
        #expect(elsewhere.output.contains("a     v1"))
    }

    @Test func dashCReachesNestedSubcommands() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Meduim"))
        try repo.git("add", "cards/a.yaml")
        let hook = try ProcessResult.run([PackagePaths.cardigan, "-C", repo.path, "hook", "pre-commit"], in: "/")
        // Refused for the card, not for the arguments: the nested name was kept before the moved `-C`.
        #expect(hook.status == 1, "\(hook.error)")
        #expect(hook.error.contains("cards/a.yaml:7:16: error:"), "\(hook.error)")
        let install = try ProcessResult.run(
            [PackagePaths.cardigan, "--no-color", "-C", repo.path, "hook", "install"], in: "/")
        #expect(install.status == 0, "\(install.error)")
        #expect(FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
    }
}
