import Foundation
import TestSupport
import Testing

/// `cardigan approve` end to end: two approvers, refusals, and what verify, log, show and export say.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalEndToEndTests {
    @Test func twoApproversMoveAHighRiskCardToApproved() throws {
        let setup = try ApprovalRepo()
        let first = try setup.approve(with: "risk")
        #expect(first.status == 0, "\(first.output)\(first.error)")
        #expect(first.output.contains("credit: version 1 approved by risk@example.com (SHA256:"), "\(first.output)")
        #expect(first.output.contains("1 of 2 approvals"), "\(first.output)")
        #expect(try setup.repo.read("cards/credit.yaml").contains("status: PendingReview"))
        let second = try setup.approve(with: "validator", "-m", "Validated")
        #expect(second.status == 0, "\(second.output)\(second.error)")
        #expect(second.output.contains("credit: version 1 is now Approved"), "\(second.output)")
        #expect(try setup.repo.read("cards/credit.yaml").contains("status: Approved"))
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 0, "\(verify.output)")
        let log = try setup.repo.cardigan("log", "credit", environment: setup.environment)
        #expect(
            log.output.contains("v1 approval") && log.output.contains("approved by validator@example.com"),
            "\(log.output)")
        #expect(try setup.repo.git("status", "--porcelain").isEmpty)
        let show = try setup.repo.cardigan("show", "credit", environment: setup.environment).checked().output
        let lines = show.split(separator: "\n").filter { $0.hasPrefix("# approved by ") }
        #expect(lines.count == 2, "\(show)")
        #expect(lines.first?.hasPrefix("# approved by risk@example.com (key SHA256:") == true, "\(show)")
        #expect(lines.last?.hasPrefix("# approved by validator@example.com (key SHA256:") == true, "\(show)")
        let export = try setup.repo.cardigan("export", "credit", "--format", "markdown", environment: setup.environment)
            .checked().output
        #expect(export.contains("digest sha256:") && export.contains("; approved by risk@example.com (key SHA256:"))
        #expect(export.contains(", validator@example.com (key SHA256:"), "\(export)")
    }

    @Test func checkCountsApprovalsMadeBeforeThePullRequest() throws {
        let setup = try ApprovalRepo()
        try setup.approve(with: "risk").checked()
        let base = try setup.repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try setup.repo.git("checkout", "-q", "-b", "pr")
        try setup.approve(with: "validator").checked()
        let check = try setup.repo.cardigan("check", "--base", base, environment: setup.environment)
        #expect(check.status == 0, "\(check.output)")
        // The twin: from a base without approvals, one approval is below the threshold.
        try setup.repo.git("checkout", "-q", "-b", "short", base + "~1")
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "validator", principal: "validator@example.com")],
            moveToApproved: true)
        let short = try setup.repo.cardigan("check", "--base", base + "~1", environment: setup.environment)
        #expect(short.status == 1)
        #expect(
            short.output.contains(
                "cards/credit.yaml:2:9: error: version 1 of 'credit' moved to Approved with 1 of the 2")
                && short.output.contains("[approval-missing]"), "\(short.output)")
    }

    @Test func showNamesNoApprovalForAVersionWithoutOne() throws {
        let setup = try ApprovalRepo()
        let show = try setup.repo.cardigan("show", "credit", environment: setup.environment).checked().output
        #expect(!show.contains("approved by"), "\(show)")
        let export = try setup.repo.cardigan("export", "credit", "--format", "markdown", environment: setup.environment)
            .checked().output
        #expect(!export.contains("approved by"), "\(export)")
    }

    @Test func refusesSelfApprovalAndASecondApprovalByOnePrincipal() throws {
        let setup = try ApprovalRepo()
        let own = try setup.approve(with: "author")
        #expect(own.status == 1)
        #expect(
            own.output.contains("[approval-self]") && own.output.contains("'author@example.com' (key SHA256:"),
            "\(own.output)")
        try setup.approve(with: "risk").checked()
        let again = try setup.approve(with: "risk")
        #expect(again.status == 1)
        #expect(again.output.contains("[approval-duplicate]"), "\(again.output)")
        // An unlisted key is a rule-9 refusal (exit 1, `approval-key`), located at the signers file.
        let stranger = try setup.approve(with: "stranger")
        #expect(stranger.status == 1, "\(stranger.output)\(stranger.error)")
        #expect(
            stranger.output.contains(".cardigan/allowed_signers: error: key SHA256:")
                && stranger.output.contains("is not in '.cardigan/allowed_signers' for approvals")
                && stranger.output.contains("[approval-key]"), "\(stranger.output)")
    }

    @Test func refusesTheKeyThatSignedTheVersionWhateverEmailItsCommitClaims() throws {
        let setup = try ApprovalRepo()
        // Version 2 committed under another email, but signed with the author's key.
        try setup.repo.git("config", "commit.gpgsign", "true")
        try setup.repo.git("config", "gpg.format", "ssh")
        try setup.repo.git("config", "user.signingkey", setup.keys.folder + "/author")
        try setup.repo.edit("cards/credit.yaml", replacing: "Predicts churn.", with: "Predicts churn well.")
        var environment = setup.environment
        environment["GIT_AUTHOR_EMAIL"] = "someone-else@example.com"
        try setup.repo.cardigan("commit", "-m", "v2", environment: environment).checked()
        try setup.repo.cardigan("status", "credit", "PendingReview", environment: environment).checked()
        let own = try setup.approve(with: "author")
        #expect(own.status == 1)
        #expect(own.output.contains("[approval-self]"), "\(own.output)")
        try setup.approve(with: "risk").checked()  // the twin: another key approves
    }

    @Test func cardsNoRuleCoversMoveToApprovedAsBefore() throws {
        let setup = try ApprovalRepo(onlyHighRisk: true)
        try setup.repo.write("cards/memo.yaml", CardRepo.card("memo", risk: "Low"))
        try setup.repo.cardigan("commit", "-m", "memo", environment: setup.environment).checked()
        try setup.repo.cardigan("status", "memo", "PendingReview", environment: setup.environment).checked()
        try setup.repo.cardigan("status", "memo", "Approved", environment: setup.environment).checked()
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 0, "\(verify.output)")
        let high = try setup.repo.cardigan("status", "credit", "Approved", environment: setup.environment)
        #expect(high.status == 1 && high.output.contains("[approval-missing]"), "\(high.output)")
    }

    @Test func thePreCommitHookRefusesAPlainGitCommitToApproved() throws {
        let setup = try ApprovalRepo(onlyHighRisk: true)
        try setup.repo.write("cards/memo.yaml", CardRepo.card("memo", risk: "Low"))
        try setup.repo.cardigan("commit", "-m", "memo", environment: setup.environment).checked()
        try setup.repo.cardigan("status", "memo", "PendingReview", environment: setup.environment).checked()
        try setup.repo.cardigan("hook", "install").checked()
        try setup.repo.edit("cards/credit.yaml", replacing: "status: PendingReview", with: "status: Approved")
        let refused = try setup.repo.repo.run(
            ["git", "commit", "-qam", "approve by hand"], environment: setup.environment)
        #expect(refused.status != 0)
        #expect(
            refused.error.contains(
                "cards/credit.yaml:2:9: error: version 1 of 'credit' cannot move to Approved without signed approvals")
                && refused.error.contains("[approval-missing]"), "\(refused.error)")
        #expect(try setup.repo.read("cards/credit.yaml").contains("status: Approved"), "the edit is kept")
        #expect(try setup.repo.git("log", "-1", "--format=%s") == "memo: Draft → PendingReview\n", "nothing committed")
        // The twin: a card no rule covers moves to Approved through the same hooks.
        try setup.repo.git("checkout", "HEAD", "--", "cards/credit.yaml")
        try setup.repo.edit("cards/memo.yaml", replacing: "status: PendingReview", with: "status: Approved")
        try setup.repo.repo.run(["git", "commit", "-qam", "approve memo"], environment: setup.environment).checked()
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 0, "\(verify.output)")
    }

    @Test func statusCannotMoveAGovernedCardToApproved() throws {
        let setup = try ApprovalRepo()
        let result = try setup.repo.cardigan("status", "credit", "Approved", environment: setup.environment)
        #expect(result.status == 1)
        #expect(result.output.contains("[approval-missing]") && result.output.contains("cardigan approve credit"))
    }

    @Test func verifyRefusesAMoveToApprovedWithoutEnoughApprovals() throws {
        let setup = try ApprovalRepo()
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "risk", principal: "risk@example.com")], moveToApproved: true)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                "cards/credit.yaml:2:9: error: version 1 of 'credit' moved to Approved with 1 of the 2 valid approvals")
                && verify.output.contains("[approval-missing]"), "\(verify.output)")
    }

    @Test func sshKeygenVerifiesTheRecordedApproval() throws {
        let setup = try ApprovalRepo()
        try setup.approve(with: "risk").checked()
        let value = try setup.repo.git("log", "-1", "--format=%(trailers:key=Card-Approval,valueonly)")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = value.split(separator: " ").map(String.init)
        #expect(fields.count == 4)
        let statement = """
            cardigan approval
            card: credit
            version: 1
            digest: \(try setup.digest())
            status: Approved
            principal: \(fields[0])
            date: \(fields[2])

            """
        var armored = "-----BEGIN SSH SIGNATURE-----\n"
        var rest = Substring(fields[3])
        while !rest.isEmpty {
            armored += rest.prefix(70) + "\n"
            rest = rest.dropFirst(70)
        }
        armored += "-----END SSH SIGNATURE-----\n"
        let verified = try setup.keys.verify(
            statement, signature: armored, principal: "risk@example.com", namespace: "cardigan-approval",
            allowed: try setup.repo.read(".cardigan/allowed_signers"))
        #expect(verified.status == 0, "\(verified.error)")
    }
}
