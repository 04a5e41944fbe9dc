import Foundation
import TestSupport
import Testing

/// Named groups of principals end to end: a High-risk card that needs two approvers from the
/// group `model-risk` (`risk@` and `validator@`); `auditor@` is an allowed signer outside it.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalGroupsEndToEndTests {
    /// The policy: the group on line 4, the High-risk rule that names it on line 6.
    static func policy(group: String = "[risk@example.com, validator@example.com]") -> String {
        """
        approval:
          signers: .cardigan/allowed_signers
          groups:
            model-risk: \(group)
          rules:
            - cards: "*"
              risk: [High]
              approvers: 2
              principals: [group:model-risk]
            - cards: "*"
              approvers: 1

        """
    }

    /// The allowed signers: `auditor` is one, outside the group.
    static let listed = ["risk", "validator", "author", "auditor"]

    /// The finding a non-member's approval of credit v1 gets, up to the key fingerprint.
    static let nonMember = "'auditor@example.com' (key SHA256:"
    static let refusal =
        "may not approve version 1 of 'credit': the approval rule at .cardigan.yaml line 6 allows group 'model-risk' ('risk@example.com', 'validator@example.com')"

    private func head(_ setup: ApprovalRepo) throws -> String {
        try setup.repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func twoMembersOfTheGroupApproveAndANonMemberIsRefused() throws {
        let setup = try ApprovalRepo(policy: Self.policy(), listed: Self.listed)
        let before = try head(setup)
        let outsider = try setup.approve(with: "auditor")
        #expect(outsider.status == 1, "\(outsider.output)\(outsider.error)")
        #expect(
            outsider.output.contains("cards/credit.yaml: error: " + Self.nonMember)
                && outsider.output.contains(Self.refusal) && outsider.output.contains("[approval-key]"),
            "\(outsider.output)")
        #expect(try head(setup) == before, "a refused approval commits nothing")
        let first = try setup.approve(with: "risk")
        #expect(first.status == 0 && first.output.contains("1 of 2 approvals"), "\(first.output)\(first.error)")
        let second = try setup.approve(with: "validator")
        #expect(second.output.contains("credit: version 1 is now Approved"), "\(second.output)\(second.error)")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 0, "\(verify.output)")
    }

    @Test func verifyCheckAndBothPushHooksRefuseANonMembersApproval() throws {
        let fixture = try PushFixture()
        let setup = try ApprovalRepo(pushingTo: fixture, policy: Self.policy(), listed: Self.listed)
        let base = try head(setup)
        // Written by hand with ssh-keygen: a valid signature by a listed key, outside the group.
        try setup.commitByHand(
            approvals: [
                try setup.forgedApproval(key: "auditor", principal: "auditor@example.com"),
                try setup.forgedApproval(key: "risk", principal: "risk@example.com"),
            ], moveToApproved: true)
        for command in [["verify"], ["check", "--base", base]] {
            let result = try setup.repo.repo.run([PackagePaths.cardigan] + command, environment: setup.environment)
            #expect(result.status == 1, "\(command): \(result.output)")
            #expect(
                result.output.contains(Self.nonMember) && result.output.contains(Self.refusal)
                    && result.output.contains("[approval-key]"), "\(command): \(result.output)")
            #expect(
                result.output.contains("version 1 of 'credit' moved to Approved with 1 of the 2 valid approvals"),
                "\(command): \(result.output)")
        }
        // The client's pre-push hook refuses it; past it (--no-verify), the server's pre-receive.
        try setup.repo.cardigan("hook", "install").checked()
        let prePush = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(prePush.status != 0, "the push was accepted")
        #expect(
            !prePush.error.contains("remote: ") && prePush.error.contains(Self.refusal)
                && prePush.error.contains("[approval-key]"), "\(prePush.error)")
        let push = try setup.repo.repo.run(
            ["git", "push", "--no-verify", "origin", "main"], environment: setup.environment)
        #expect(push.status != 0, "the push was accepted")
        #expect(
            push.error.contains("remote: cards/credit.yaml:") && push.error.contains(Self.refusal)
                && push.error.contains("[approval-key]"), "\(push.error)")
        #expect(try fixture.server.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == base)
        // The honest twin: the two members approve, and the server takes it.
        try setup.repo.git("reset", "-q", "--hard", base)
        try setup.approve(with: "risk").checked()
        try setup.approve(with: "validator").checked()
        let accepted = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(accepted.status == 0, "\(accepted.error)")
    }

    @Test func aChangeOfTheGroupIsAPolicyChange() throws {
        let setup = try ApprovalRepo(policy: Self.policy(), listed: Self.listed)
        let widened = Self.policy(group: "[risk@example.com, validator@example.com, auditor@example.com]")
        try setup.repo.write(".cardigan.yaml", widened)
        try setup.repo.git("commit", "-qam", "let the auditor approve")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                ".cardigan.yaml:4:1: error: the approval policy changed with 0 of the 2 valid approvals the policy in force before it needs"
            ) && verify.output.contains("[policy-unapproved]"), "\(verify.output)")
        // Placed at the line of the group that changed. The twin: the same change approved by two
        // signers of the policy in force before it.
        try setup.repo.git("reset", "-q", "--hard", "HEAD~1")
        try setup.repo.write(".cardigan.yaml", widened)
        let trailers = try ["risk", "validator"].flatMap { key in
            let printed = try setup.repo.repo.run(
                [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/" + key],
                environment: setup.environment
            ).checked().output.trimmingCharacters(in: .newlines)
            return ["--trailer", printed]
        }
        try setup.repo.repo.run(
            ["git", "commit", "-qam", "let the auditor approve"] + trailers, environment: setup.environment
        ).checked()
        #expect(try setup.repo.cardigan("verify", environment: setup.environment).status == 0)
        // Judged by the policy at its commit: the auditor, refused before, now counts.
        let auditor = try setup.approve(with: "auditor")
        #expect(auditor.status == 0 && auditor.output.contains("1 of 2 approvals"), "\(auditor.output)\(auditor.error)")
        let verified = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verified.status == 0, "\(verified.output)")
    }

    @Test func aBadGroupIsALocatedErrorAndLosesNothing() throws {
        let setup = try ApprovalRepo(policy: Self.policy(), listed: Self.listed)
        let good = try setup.repo.read(".cardigan.yaml")
        let bad = good.replacingOccurrences(of: "[group:model-risk]", with: "[group:model-risks]")
        try setup.repo.write(".cardigan.yaml", bad)
        let approve = try setup.approve(with: "risk")
        #expect(approve.status == 2, "\(approve.output)\(approve.error)")
        #expect(
            approve.error.contains(".cardigan.yaml:9:20: error: unknown group 'model-risks'")
                && approve.error.contains("groups are 'model-risk'"), "\(approve.error)")
        #expect(try setup.repo.read(".cardigan.yaml") == bad, "the file is left as written")
        #expect(try setup.repo.git("status", "--porcelain") == " M .cardigan.yaml\n")
    }
}
