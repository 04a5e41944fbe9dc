import Foundation
import TestSupport
import Testing

/// Repositories that are not what cardigan expects: shallow, owned by someone else, bare, cloned
/// without tags. Each is named, with the way out, instead of a raw libgit2 error or a pass that
/// checked nothing.
@Suite struct RepositoryHazardTests {
    @Test func aShallowCloneSaysSoAndHowToUnshallow() throws {
        let origin = try CardRepo.withTwoCards()
        let folder = try ScratchRepository()
        try folder.git("clone", "-q", "--depth", "1", "file://" + origin.path, "shallow")
        for command in [["list"], ["verify"], ["log", "a"], ["commit", "-m", "x"]] {
            let result = try ProcessResult.run([PackagePaths.cardigan] + command, in: folder.path + "/shallow")
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.error.contains("is a shallow clone"), "\(result.error)")
            #expect(result.error.contains("git fetch --unshallow --tags"), "\(result.error)")
        }
    }

    @Test func aCloneWithoutTagsIsToldToFetchThem() throws {
        let origin = try CardRepo.withTwoCards()
        let folder = try ScratchRepository()
        try folder.git("clone", "-q", "--no-tags", "file://" + origin.path, "clone")
        let verify = try ProcessResult.run([PackagePaths.cardigan, "verify"], in: folder.path + "/clone")
        #expect(verify.status == 1)
        #expect(verify.output.contains("[version-tag-missing]"), "\(verify.output)")
        #expect(
            verify.output.contains("hint: this clone has no card or link tags at all: fetch them"), "\(verify.output)")
        #expect(!verify.output.contains("--repair"), "\(verify.output)")
        // With one tag present, a missing one is a repair, as before.
        let own = try origin.cardigan("verify")
        #expect(own.status == 0, "\(own.output)")
    }

    @Test func checkAndCommitInACloneWithoutTagsAreToldToFetchThem() throws {
        let origin = try CardRepo.withTwoCards()
        let folder = try ScratchRepository()
        try folder.git("clone", "-q", "--no-tags", "file://" + origin.path, "clone")
        let clone = folder.path + "/clone"
        let check = try ProcessResult.run([PackagePaths.cardigan, "check", "--base", "HEAD~1"], in: clone)
        #expect(check.status == 1, "\(check.output)\(check.error)")
        #expect(
            check.output.contains("hint: this clone has no card or link tags at all: fetch them"), "\(check.output)")
        let card = clone + "/cards/a.yaml"
        let text = try String(contentsOfFile: card, encoding: .utf8)
        try text.replacingOccurrences(of: "Two.", with: "Three.").write(toFile: card, atomically: true, encoding: .utf8)
        let identity = [
            "GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.com", "GIT_COMMITTER_NAME": "Ann",
            "GIT_COMMITTER_EMAIL": "ann@example.com",
        ]
        let commit = try ProcessResult.run(
            [PackagePaths.cardigan, "commit", "-m", "a v3"], in: clone, environment: identity)
        #expect(commit.status == 2, "\(commit.output)\(commit.error)")
        #expect(
            commit.error.contains("tag 'cards/a/v2' is missing, so version 3 cannot chain to it"), "\(commit.error)")
        #expect(commit.error.contains("hint: this clone has no card or link tags at all"), "\(commit.error)")
        // The twin: with any tag fetched, the missing one is a repair.
        try ProcessResult.run(["git", "fetch", "-q", "origin", "tag", "cards/b/v1"], in: clone).checked()
        let again = try ProcessResult.run(
            [PackagePaths.cardigan, "commit", "-m", "a v3"], in: clone, environment: identity)
        #expect(again.status == 2 && again.error.contains("'cardigan verify --repair'"), "\(again.error)")
        #expect(!again.error.contains("fetch them"), "\(again.error)")
    }

    @Test func aBareRepositoryIsRefusedForCardCommands() throws {
        let origin = try CardRepo.withTwoCards()
        let folder = try ScratchRepository()
        try folder.git("clone", "-q", "--bare", origin.path, "bare.git")
        for command in [["validate"], ["commit", "-m", "x"], ["new", "c"]] {
            let result = try ProcessResult.run([PackagePaths.cardigan] + command, in: folder.path + "/bare.git")
            #expect(result.status == 2, "\(command): \(result.output)")
            #expect(result.error.contains("is a bare repository"), "\(result.error)")
        }
        // Reading the record needs no working tree.
        let list = try ProcessResult.run([PackagePaths.cardigan, "list"], in: folder.path + "/bare.git")
        #expect(list.status == 0 && list.output.contains("a "), "\(list.output)\(list.error)")
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give a repository to another user"))
    func anotherUsersRepositoryFollowsGitsSafeDirectory() throws {
        let repo = try CardRepo.withTwoCards()
        let home = try ScratchRepository()
        try #require(chown(repo.path, 65534, 65534) == 0)
        let config = home.path + "/gitconfig"
        func list(_ values: [String]) throws -> ProcessResult {
            try? FileManager.default.removeItem(atPath: config)
            for value in values {
                try home.git("config", "--file", config, "--add", "safe.directory", value)
            }
            return try repo.cardigan("list", environment: ["HOME": home.path, "GIT_CONFIG_GLOBAL": config])
        }
        let untrusted = try list([])
        #expect(untrusted.status == 2)
        #expect(untrusted.error.contains("is owned by another user (uid 65534)"), "\(untrusted.error)")
        #expect(untrusted.error.contains("git config --global --add safe.directory \(repo.path)"), "\(untrusted.error)")
        for values in [["*"], [repo.path], [repo.path + "/"], ["/elsewhere", repo.path]] {
            let trusted = try list(values)
            #expect(trusted.status == 0, "\(values): \(trusted.error)")
            #expect(trusted.output.contains("v2"), "\(trusted.output)")
        }
        // An empty value forgets the ones before it, as in git.
        #expect(try list(["*", ""]).status == 2)
        try #require(chown(repo.path, 0, 0) == 0)
    }
}
