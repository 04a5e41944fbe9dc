import Foundation
import TestSupport
import Testing

/// Tags under `cards/` that are not named `cards/<name>/v<N>` (`version-tag-name`) are `verify`'s
/// and the push hooks' business, not the pull-request gate's: a pull request carries no tags
/// (README, "The pull-request gate and the hooks").
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

    @Test func checkLeavesMisnamedTagsToVerify() throws {
        let (repo, base) = try pullRequestOfA()
        try repo.git("tag", "-a", "-m", "by hand", "cards/a/v03", "HEAD")
        try repo.git("tag", "cards/foo", "main")
        let check = try repo.cardigan("check", "--base", base)
        #expect(check.status == 0, "\(check.output)")
        #expect(!check.output.contains("version-tag-name"), "\(check.output)")
        // The twin: verify, where tags arrive, reports both.
        let verify = try repo.cardigan("verify", "--branch", "pr")
        #expect(verify.status == 1, "\(verify.output)")
        #expect(
            verify.output.contains(
                "cards/a.yaml: error: tag 'cards/a/v03' is not a version tag name: 'v03' is not a version 'v<N>' (N from 1, no leading zero) [version-tag-name]"
            ), "\(verify.output)")
        #expect(verify.output.contains(".git/refs/tags/cards/foo: error: tag 'cards/foo'"), "\(verify.output)")
    }

    @Test func theServerRefusesPushingAMisnamedTag() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        for name in ["cards/x/v01", "cards/foo"] {
            try clone.git("tag", "-a", "-m", "by hand", name, "main")
            let push = try fixture.push("origin", name)
            #expect(push.status != 0, "\(name) was accepted")
            #expect(
                push.error.contains(
                    "tag '\(name)' is not a version tag (cards/<name>/v<N>) or a link tag (model-packages/<group>/<version>)"
                ) && push.error.contains("[push-refused]"), "\(push.error)")
        }
        #expect(try fixture.server.git("tag", "-l", "cards/*") == "cards/x/v1\n")
    }
}
