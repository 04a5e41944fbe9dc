import Foundation
import TestSupport
import Testing

/// `check` reports tags under a changed card's folder that are not named `cards/<name>/v<N>`
/// (`version-tag-name`), as `verify` does; a tag that names no card is left to `verify`.
@Suite struct CheckTagNameTests {
    /// Cards `a` (v2) and `b` (v1) on main, a branch `pr` that makes version 3 of `a`, and
    /// main's commit.
    private func pullRequestOfA() throws -> (CardRepo, String) {
        let repo = try CardRepo.withTwoCards()
        let base = try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("checkout", "-q", "-b", "pr")
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "a v3").checked()
        return (repo, base)
    }

    @Test func refusesAMisnamedTagOfACardThePullRequestChanges() throws {
        let (repo, base) = try pullRequestOfA()
        #expect(try repo.cardigan("check", "--base", base).status == 0)
        try repo.git("tag", "-a", "-m", "by hand", "cards/a/v03", "HEAD")
        let result = try repo.cardigan("check", "--base", base)
        #expect(result.status == 1, "\(result.output)")
        #expect(
            result.output.contains(
                "cards/a.yaml: error: tag 'cards/a/v03' is not a version tag name: 'v03' is not a version 'v<N>' (N from 1, no leading zero) [version-tag-name]"
            ), "\(result.output)")
        // verify says the same about the same tag.
        let verify = try repo.cardigan("verify", "--branch", "pr")
        #expect(verify.output.contains("cards/a.yaml: error: tag 'cards/a/v03' is not a version tag name"))
    }

    @Test func leavesTagsOfOtherCardsAndOfNoCardToVerify() throws {
        // The twin: what is not the pull request's does not fail it.
        let (repo, base) = try pullRequestOfA()
        try repo.git("tag", "cards/b/vX", "main")
        try repo.git("tag", "cards/foo", "main")
        let result = try repo.cardigan("check", "--base", base)
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("version-tag-name"), "\(result.output)")
        let verify = try repo.cardigan("verify")
        #expect(verify.output.contains("tag 'cards/b/vX' is not a version tag name"), "\(verify.output)")
        #expect(verify.output.contains(".git/refs/tags/cards/foo: error: tag 'cards/foo'"), "\(verify.output)")
    }
}
