import Foundation
import TestSupport
import Testing

/// The policy's own history: a change of the signers or rules carries approvals under the
/// policy in force before it.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalPolicyHistoryTests {
    /// Adds the `stranger` key to the signers file in the working tree.
    private func addStranger(_ setup: ApprovalRepo) throws {
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(
            ".cardigan/allowed_signers", signers + "stranger@example.com \(try setup.keys.publicKey("stranger"))\n")
    }

    @Test func refusesAPolicyChangeWithoutApprovals() throws {
        let setup = try ApprovalRepo()
        try addStranger(setup)
        try setup.repo.git("commit", "-qam", "let a stranger sign")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        // Placed at the file the change made, on the line it added (the stranger's, the 4th).
        #expect(
            verify.output.contains(
                ".cardigan/allowed_signers:4:1: error: the approval policy changed with 0 of the 2 valid approvals the policy in force before it needs"
            ) && verify.output.contains("[policy-unapproved]"), "\(verify.output)")
    }

    @Test func approveRefusesUnderAPolicyWhoseOwnChangeIsUnapproved() throws {
        // The new-user try-out: swap a signer for another in a plain commit, then approve with
        // the newcomer's key. The newcomer's approval would be judged by a policy nobody approved.
        let setup = try ApprovalRepo()
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        let swapped = signers.split(separator: "\n").filter { !$0.hasPrefix("validator@") }.joined(separator: "\n")
        try setup.repo.write(
            ".cardigan/allowed_signers", swapped + "\nstranger@example.com \(try setup.keys.publicKey("stranger"))\n")
        try setup.repo.git("commit", "-qam", "swap the validator for a stranger")
        let before = try setup.repo.git("rev-parse", "HEAD")
        let approve = try setup.approve(with: "stranger")
        #expect(approve.status == 1, "\(approve.output)\(approve.error)")
        #expect(
            approve.output.hasPrefix(
                ".cardigan/allowed_signers:3:1: error: the approval policy in force came in by commit ")
                && approve.output.contains(
                    "('swap the validator for a stranger') without the approvals of the policy before it: the approval policy changed with 0 of the 2 valid approvals"
                ) && approve.output.contains("[policy-unapproved]")
                && approve.output.contains("'cardigan approve --policy'"), "\(approve.output)")
        #expect(try setup.repo.git("rev-parse", "HEAD") == before, "nothing is written")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(
            verify.output.contains(".cardigan/allowed_signers:3:1: error: the approval policy changed with 0 of the 2")
                && !verify.output.contains(".cardigan.yaml: error"), "\(verify.output)")
        // The twin: the same swap approved by two signers of the policy before it; the
        // newcomer's approval is then taken.
        try setup.repo.git("reset", "-q", "--soft", "HEAD~1")
        let risk = try setup.approvePolicy(key: "risk").checked().output.trimmingCharacters(in: .newlines)
        let validator = try setup.approvePolicy(key: "validator").checked().output.trimmingCharacters(
            in: .newlines)
        try setup.repo.git("commit", "-qm", "swap, approved", "--trailer", risk, "--trailer", validator)
        let approved = try setup.approve(with: "stranger")
        #expect(approved.status == 0, "\(approved.output)\(approved.error)")
    }

    @Test func commentsAndOtherSettingsThatMoveThePolicysLinesAreNoPolicyChange() throws {
        let setup = try ApprovalRepo()
        let config = try setup.repo.read(".cardigan.yaml")
        try setup.repo.write(".cardigan.yaml", "# the bank's card repository\nfsync: true\n\n" + config)
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(".cardigan/allowed_signers", "# who may approve\n\n" + signers)
        try setup.repo.git("commit", "-qam", "comments")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 0, "\(verify.output)")
        // The twin: the same edit that also raises a threshold is a policy change.
        try setup.repo.write(
            ".cardigan.yaml",
            try setup.repo.read(".cardigan.yaml").replacingOccurrences(of: "approvers: 1", with: "approvers: 2"))
        try setup.repo.git("commit", "-qam", "two approvers for every card")
        let changed = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(changed.status == 1 && changed.output.contains("[policy-unapproved]"), "\(changed.output)")
    }

    @Test func acceptsAPolicyChangeApprovedByTheSignersItReplaces() throws {
        let setup = try ApprovalRepo()
        try addStranger(setup)
        let risk = try setup.approvePolicy(key: "risk").checked().output.trimmingCharacters(in: .newlines)
        let validator = try setup.approvePolicy(key: "validator").checked().output.trimmingCharacters(
            in: .newlines)
        #expect(risk.hasPrefix("Policy-Approval: risk@example.com SHA256:"), "\(risk)")
        try setup.repo.git("commit", "-qam", "let a stranger sign", "--trailer", risk, "--trailer", validator)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 0, "\(verify.output)")
        // Under the new policy the stranger approves.
        let approve = try setup.approve(with: "stranger")
        #expect(approve.status == 0, "\(approve.output)\(approve.error)")
    }

    @Test func refusesPolicyApprovalsByNewSignersOrForOtherFiles() throws {
        let setup = try ApprovalRepo()
        let stale = try setup.approvePolicy(key: "risk")
        #expect(stale.status == 2 && stale.error.contains("there is no change to approve"), "\(stale.error)")
        try addStranger(setup)
        let risk = try setup.approvePolicy(key: "risk").checked().output.trimmingCharacters(in: .newlines)
        let newcomer = try setup.repo.repo.run(
            [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/stranger"],
            environment: setup.environment)
        #expect(newcomer.status != 0, "a signer the change adds cannot approve it")
        // Approved for one file, then the file changed again before the commit.
        let validator = try setup.approvePolicy(key: "validator").checked().output.trimmingCharacters(
            in: .newlines)
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(".cardigan/allowed_signers", signers + "# one more line\n")
        try setup.repo.git("commit", "-qam", "let a stranger sign", "--trailer", risk, "--trailer", validator)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains("the policy approval by 'risk@example.com' (key SHA256:")
                && verify.output.contains("does not sign these policy files"), "\(verify.output)")
    }

    @Test func theServerRefusesAnUnapprovedPolicyChange() throws {
        let setup = try ApprovalRepo(pushingTo: try PushFixture())
        try addStranger(setup)
        try setup.repo.git("commit", "-qam", "let a stranger sign")
        let push = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(push.status != 0)
        #expect(push.error.contains("[policy-unapproved]"), "\(push.error)")
    }

    @Test func refusesAPolicyApprovalByTheChangesOwnAuthorUpFront() throws {
        // The repository commits as author@example.com, whose key is a signer: the change it
        // would commit cannot carry its own approval, which verify would refuse later.
        let setup = try ApprovalRepo()
        try addStranger(setup)
        let own = try setup.approvePolicy(key: "author")
        #expect(own.status == 1, "\(own.output)\(own.error)")
        #expect(
            own.output.hasPrefix(".cardigan.yaml: error: 'author@example.com' (key SHA256:")
                && own.output.contains(
                    "authored the policy change and cannot approve it (four eyes) [policy-unapproved]"),
            "\(own.output)")
        #expect(!own.output.contains("Policy-Approval:"), "\(own.output)")
        // The twin: another signer approves the same change.
        let risk = try setup.approvePolicy(key: "risk").checked()
        #expect(risk.output.hasPrefix("Policy-Approval: risk@example.com SHA256:"), "\(risk.output)")
    }

    @Test func anUnusablePolicyIsNamedWithItsRule() throws {
        let setup = try ApprovalRepo()
        try setup.repo.write(".cardigan.yaml", "approval:\n  signers: .cardigan/allowed_signers\n  rules: []\n")
        let broken = try setup.repo.read(".cardigan.yaml")
        try setup.repo.git("commit", "-qam", "break the policy")
        // The committed policy is judged, whatever the working tree holds.
        try setup.repo.git("checkout", "HEAD~1", "--", ".cardigan.yaml")
        let approve = try setup.repo.repo.run(
            [PackagePaths.cardigan, "approve", "credit", "--key", setup.keys.folder + "/risk"],
            environment: setup.environment)
        #expect(approve.status == 2, "\(approve.output)\(approve.error)")
        #expect(
            approve.error.contains(
                "cannot be used: .cardigan.yaml:3:10: error: 'approval.rules' must be a non-empty list")
                && approve.error.contains("[approval-policy]"), "\(approve.error)")
        #expect(approve.error.components(separatedBy: "[approval-policy]").count == 2, "\(approve.error)")
        // The working tree's settings, read by every command, carry the rule too.
        try setup.repo.write(".cardigan.yaml", broken)
        let validate = try setup.repo.cardigan("validate", environment: setup.environment)
        #expect(
            validate.status == 2
                && validate.error.hasPrefix(
                    ".cardigan.yaml:3:10: error: 'approval.rules' must be a non-empty list [approval-policy]"),
            "\(validate.error)")
        let policy = try setup.approvePolicy(key: "risk")
        #expect(policy.status == 2 && policy.error.contains("[approval-policy]"), "\(policy.error)")
    }
}
