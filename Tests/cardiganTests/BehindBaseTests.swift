import Foundation
import TestSupport
import Testing

/// `check` and `diff --base` of a branch that does not contain its base (behind or diverged):
/// judged from the merge base, as a forge shows the pull request and `git diff base...head` does,
/// with `git merge-base` and `git merge` + `verify` as the oracles. A version made on both sides
/// is a conflict, a copy of the base's versions a rewrite, and unrelated histories a rewrite.
@Suite struct CheckBehindBaseTests {
    /// `git rev-parse <revision>`, 12 digits as cardigan prints commits.
    private func short(_ repo: CardRepo, _ revision: String) throws -> String {
        String(try repo.git("rev-parse", revision).prefix(12))
    }

    /// `git merge-base main pr`, 12 digits.
    private func mergeBase(of repo: CardRepo) throws -> String {
        String(try repo.git("merge-base", "main", "pr").prefix(12))
    }

    /// A repository whose `main` has `a` v2 and `b` v1, with branch `pr` started there and `main`
    /// moved on since: `a` v3 and a new card `c`. Checked out on `pr`.
    private func branchBehindMain() throws -> CardRepo {
        let repo = try CardRepo.withTwoCards()
        try repo.git("branch", "pr")
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "a v3 on main").checked()
        try repo.write("cards/c.yaml", CardRepo.card("c"))
        try repo.cardigan("commit", "-m", "c on main").checked()
        try repo.git("checkout", "-q", "pr")
        return repo
    }

    /// The findings of `check --format json` output as (rule, path) pairs, and its summary text.
    private func json(_ result: ProcessResult) throws -> (findings: [[String]], summary: String) {
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let findings = (object?["findings"] as? [[String: Any]] ?? []).map {
            [$0["rule"] as? String ?? "", $0["path"] as? String ?? ""]
        }
        let summary = (object?["summary"] as? [String: Any])?["text"] as? String ?? ""
        return (findings, summary)
    }

    @Test func passesABranchThatIsOnlyBehind() throws {
        let repo = try branchBehindMain()
        let mergeBase = try mergeBase(of: repo)
        #expect(mergeBase == (try short(repo, "pr")))
        let result = try repo.cardigan("check", "--base", "main")
        #expect(result.status == 0, "\(result.output)")
        #expect(
            result.output.contains("no errors in 0 commits since the merge base \(mergeBase) and 0 changed cards"),
            "\(result.output)")
        let diff = try repo.cardigan("diff", "--base", "main", "--head", "pr")
        #expect(diff.status == 0 && diff.output.contains("no card changes between main (merge base"), "\(diff.output)")
    }

    @Test func passesADivergedBranchWithDisjointCardsInEveryFormat() throws {
        let repo = try branchBehindMain()
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.cardigan("commit", "-m", "b riskier").checked()
        let mergeBase = try mergeBase(of: repo)
        let text = try repo.cardigan("check", "--base", "main")
        #expect(text.status == 0, "\(text.output)")
        #expect(text.output.contains("no errors in 1 commit since the merge base \(mergeBase) and 1 changed card"))
        let json = try json(repo.cardigan("check", "--base", "main", "--format", "json"))
        #expect(json.findings.isEmpty && json.summary.contains("1 commit since the merge base \(mergeBase)"))
        let sarif = try repo.cardigan("check", "--base", "main", "--format", "sarif")
        #expect(sarif.status == 0 && sarif.output.contains(#""results" : ["#) && !sarif.output.contains("ruleId"))
        // The oracle: git merges it and the merged main verifies.
        try repo.git("checkout", "-q", "main")
        try repo.git("merge", "-q", "--no-edit", "pr")
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)")
    }

    @Test func diffComparesFromTheMergeBaseLikeGitsThreeDots() throws {
        let repo = try branchBehindMain()
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.cardigan("commit", "-m", "b riskier").checked()
        // git's own three-dot diff names the same files.
        let gitNames = try repo.git("diff", "--name-only", "main...pr").split(separator: "\n")
        #expect(gitNames == ["cards/b.yaml"])
        let diff = try repo.cardigan("diff", "--base", "main", "--head", "pr")
        #expect(diff.status == 0, "\(diff.error)")
        #expect(diff.output.contains("b: modified, main (merge base "), "\(diff.output)")
        #expect(diff.output.contains("intended_uses.risk_rating: Medium → High"), "\(diff.output)")
        // Cards main gained after the branch point are not removed by the branch, nor main's a v3 undone.
        #expect(!diff.output.contains("c: removed") && !diff.output.contains("a: modified"), "\(diff.output)")
        // The honest twin: main itself, an ancestor of nothing here, compared with a descendant.
        try repo.git("checkout", "-q", "main")
        let forward = try repo.cardigan("diff", "--base", "main~2", "--head", "main")
        #expect(forward.output.contains("c: added, main~2 → main"), "\(forward.output)")
    }

    /// `b` v2 made on `pr` (its tag only in the author's clone) and another `b` v2 made on `main`.
    private func sameVersionOnBothSides() throws -> (CardRepo, ours: String, theirs: String) {
        let repo = try CardRepo.withTwoCards()
        try repo.git("checkout", "-q", "-b", "pr")
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn on the branch.")
        try repo.cardigan("commit", "-m", "b v2 on the branch").checked()
        try repo.git("tag", "-d", "cards/b/v2")
        try repo.git("checkout", "-q", "main")
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.cardigan("commit", "-m", "b v2 on main").checked()
        try repo.git("checkout", "-q", "pr")
        return (repo, try short(repo, "pr"), try short(repo, "main"))
    }

    @Test func refusesTheSameCardVersionedOnBothSidesAtTheCardInEveryFormat() throws {
        let (repo, ours, theirs) = try sameVersionOnBothSides()
        let text = try repo.cardigan("check", "--base", "main")
        repo.expect(
            text, status: 1,
            saying:
                "cards/b.yaml: error: card 'b' has version 2 on 'main' (commit \(theirs)) and on this branch: merging would record version 2 twice (commit \(ours)) [check-version-conflict]"
        )
        // The version's tag is main's: the conflict says it all, no tag finding beside it.
        #expect(!text.output.contains("version-tag"), "\(text.output)")
        let json = try json(repo.cardigan("check", "--base", "main", "--format", "json"))
        #expect(json.findings == [["check-version-conflict", "cards/b.yaml"]], "\(json)")
        let sarif = try repo.cardigan("check", "--base", "main", "--format", "sarif")
        #expect(
            sarif.output.contains(#""ruleId" : "check-version-conflict""#)
                && sarif.output.contains(#""uri" : "cards/b.yaml""#), "\(sarif.output)")
        // Why the fix is a new branch, not a merge: merged, the record holds version 2 twice.
        try repo.git("merge", "-q", "--no-edit", "main")
        let merged = try repo.cardigan("check", "--base", "main")
        #expect(merged.status == 1 && merged.output.contains("[version-duplicate]"), "\(merged.output)")
    }

    @Test func refusesACardVersionedOnTheBranchWhileItsStatusMovedOnBase() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.git("checkout", "-q", "-b", "pr")
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn on the branch.")
        try repo.cardigan("commit", "-m", "b v2 on the branch").checked()
        try repo.git("checkout", "-q", "main")
        try repo.cardigan("status", "b", "PendingReview").checked()
        let moved = try short(repo, "main")
        try repo.git("checkout", "-q", "pr")
        let text = try repo.cardigan("check", "--base", "main")
        repo.expect(
            text, status: 1,
            saying:
                "cards/b.yaml: error: card 'b' was changed on 'main' (status PendingReview, commit \(moved)) and on this branch since they parted: merging would change it without a record [check-version-conflict]"
        )
        let json = try json(repo.cardigan("check", "--base", "main", "--format", "json"))
        #expect(json.findings == [["check-version-conflict", "cards/b.yaml"]], "\(json)")
        // The oracle: git merges the two files cleanly, and verify refuses what nobody recorded.
        try repo.git("checkout", "-q", "main")
        try repo.git("merge", "-q", "--no-edit", "pr")
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 1 && verify.output.contains("[unversioned-change]"), "\(verify.output)")
    }

    @Test func passesTheChangeCommittedAgainOnANewBranch() throws {
        let (repo, _, _) = try sameVersionOnBothSides()
        try repo.git("checkout", "-q", "-b", "pr2", "main")
        try repo.edit("cards/b.yaml", replacing: "Predicts churn.", with: "Predicts churn on the branch.")
        try repo.cardigan("commit", "-m", "b v3").checked()
        let result = try repo.cardigan("check", "--base", "main")
        #expect(result.status == 0, "\(result.output)")
        #expect(try repo.git("tag", "--points-at", "HEAD") == "cards/b/v3\n")
    }

    @Test func stillCatchesABranchCarryingRebasedCopiesOfTheBasesVersions() throws {
        // main: a v3 made after pr's branch point; pr rebased that commit into its own history
        // (a rebase keeps the author, time, message and card) and added b v2.
        let repo = try branchBehindMain()
        // `-x` notes the source in the message: within one second, a plain cherry-pick can be
        // main's very commit (same tree, parent, author and committer time), a fast-forward.
        try repo.git("cherry-pick", "-x", "main~1")
        #expect(try repo.git("rev-parse", "pr") != repo.git("rev-parse", "main~1"))
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.cardigan("commit", "-m", "b riskier").checked()
        let copy = try short(repo, "pr~1")
        let text = try repo.cardigan("check", "--base", "main")
        repo.expect(
            text, status: 1,
            saying:
                "cards/a.yaml: error: this branch copies version 3 of 'a' made on 'main' in commit \(try short(repo, "main~1")) (the same card): the history was rewritten (commit \(copy)) [check-rewrite]"
        )
        #expect(text.output.contains("[check-rewrite]") && !text.output.contains("check-version-conflict"))
        let json = try json(repo.cardigan("check", "--base", "main", "--format", "json"))
        #expect(json.findings == [["check-rewrite", "cards/a.yaml"]], "\(json)")
    }

    @Test func stillCatchesABaseTagMovedOntoTheBranch() throws {
        // pr makes its own a v3 (another text than main's), and main's tag is moved onto it.
        let repo = try branchBehindMain()
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three, on the branch.")
        try repo.git("tag", "-d", "cards/a/v3")
        try repo.cardigan("commit", "-m", "a v3 on the branch").checked()
        let ours = try short(repo, "pr")
        #expect(try short(repo, "cards/a/v3^{commit}") == ours)
        let text = try repo.cardigan("check", "--base", "main")
        repo.expect(
            text, status: 1,
            saying:
                "cards/a.yaml: error: this branch copies version 3 of 'a' made on 'main' in commit \(try short(repo, "main~1")) (its tag 'cards/a/v3' was moved onto it): the history was rewritten (commit \(ours)) [check-rewrite]"
        )
    }

    @Test func refusesUnrelatedHistoriesAndSaysWhatWasChecked() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.git("checkout", "-q", "--orphan", "pr")
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.git("commit", "-qam", "unrelated")
        #expect(throws: ProcessFailure.self) { try repo.git("merge-base", "main", "pr") }
        let text = try repo.cardigan("check", "--base", "main")
        repo.expect(
            text, status: 1,
            saying:
                "refs/heads/pr: error: 'pr' shares no commit with the base 'main': it does not start from the base (an orphan branch, or a rewritten history) (commit \(try short(repo, "pr"))) [check-rewrite]"
        )
        #expect(
            text.output.contains("1 error in no commits (none shared with the base) and 1 changed card validated"),
            "\(text.output)")
        let json = try json(repo.cardigan("check", "--base", "main", "--format", "json"))
        #expect(json.findings.map(\.first) == ["check-rewrite"], "\(json)")
        let sarif = try repo.cardigan("check", "--base", "main", "--format", "sarif")
        #expect(sarif.output.contains(#""ruleId" : "check-rewrite""#), "\(sarif.output)")
    }

    @Test func explainAdvisesANewBranchOrAMergeNeverARebase() throws {
        let repo = try CardRepo()
        let rewrite = try repo.cardigan("explain", "check-rewrite").checked()
        #expect(rewrite.output.contains("merge it into the branch"), "\(rewrite.output)")
        #expect(!rewrite.output.lowercased().contains("on top of the base"), "\(rewrite.output)")
        let conflict = try repo.cardigan("explain", "check-version-conflict").checked()
        #expect(conflict.output.contains("Start a new branch from the base"), "\(conflict.output)")
    }
}
