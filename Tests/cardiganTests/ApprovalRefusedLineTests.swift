import Foundation
import TestSupport
import Testing

/// A refused line in the allowed signers file (here a 1024-bit RSA key) fails closed: it is an
/// `approval-policy` finding at its line, `approve --policy` will not sign a policy with it, and
/// a later policy change is still judged by the policy's usable lines.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalRefusedLineTests {
    /// Appends a 1024-bit RSA key's line to the signers file in the working tree.
    private func addWeakKey(_ setup: ApprovalRepo) throws {
        let path = setup.keys.folder + "/rsa1024"
        try ProcessResult.run(
            ["ssh-keygen", "-q", "-N", "", "-t", "rsa", "-b", "1024", "-C", "rsa", "-f", path],
            in: setup.keys.folder, environment: setup.environment
        ).checked()
        let key = try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .newlines)
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(".cardigan/allowed_signers", signers + "rsa@example.com \(key)\n")
    }

    /// A `Policy-Approval:` trailer for the policy files in the working tree, signed by `key`
    /// with `ssh-keygen` directly: what `approve --policy` refuses to make for a refused line.
    private func forgedPolicyApproval(_ setup: ApprovalRepo, key: String) throws -> String {
        let digest = { (path: String) in
            let sum = try ProcessResult.run(
                ["sha256sum", path], in: setup.repo.repo.path, environment: setup.environment
            ).checked().output
            return "sha256:" + (sum.split(separator: " ").first.map(String.init) ?? "")
        }
        let principal = "\(key)@example.com"
        let date = "2026-11-30T12:00:00Z"
        let statement = """
            cardigan policy approval
            config: \(try digest(".cardigan.yaml"))
            signers: \(try digest(".cardigan/allowed_signers"))
            principal: \(principal)
            date: \(date)

            """
        let armored = try setup.keys.sign(statement, key: key, namespace: "cardigan-approval")
        let base64 = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let listed = try ProcessResult.run(
            ["ssh-keygen", "-l", "-E", "sha256", "-f", setup.keys.folder + "/" + key + ".pub"],
            in: setup.keys.folder, environment: setup.environment
        ).checked().output
        return "Policy-Approval: \(principal) \(listed.split(separator: " ")[1]) \(date) \(base64)"
    }

    /// Commits the working tree's policy with forged approvals by risk and validator.
    private func commitApproved(_ setup: ApprovalRepo, _ message: String) throws {
        var trailers: [String] = []
        for key in ["risk", "validator"] { trailers += ["--trailer", try forgedPolicyApproval(setup, key: key)] }
        _ = try setup.repo.repo.run(["git", "commit", "-qam", message] + trailers).checked()
    }

    /// A new policy with a rule its signers can never meet is not signed either: `verify` would
    /// report the commit that brings it (`approval-policy` at the rule's line).
    @Test func aRuleNoSignersCanMeetIsNotSigned() throws {
        let setup = try ApprovalRepo()
        try setup.repo.edit(".cardigan.yaml", replacing: "approvers: 2", with: "approvers: 4")
        let refused = try setup.approvePolicy(key: "risk")
        #expect(refused.status == 1, "\(refused.output)\(refused.error)")
        #expect(
            refused.output.hasPrefix(
                ".cardigan.yaml:4:1: error: the approval rule at line 4 needs 4 approvers, but '.cardigan/allowed_signers' lists only 3 principals it allows"
            ) && refused.output.contains("no card it covers could ever be approved; it is not approved")
                && refused.output.contains("[approval-policy]") && !refused.output.contains("Policy-Approval:"),
            "\(refused.output)")
        // Three is met by the three listed principals: signed.
        try setup.repo.edit(".cardigan.yaml", replacing: "approvers: 4", with: "approvers: 3")
        #expect(try setup.approvePolicy(key: "risk").checked().output.hasPrefix("Policy-Approval: risk@example.com "))
    }

    /// Every refused line is reported, each at its line; a line of other words is named by
    /// the type it gives, not read as a truncated key.
    @Test func everyRefusedLineIsReported() throws {
        let setup = try ApprovalRepo()
        try addWeakKey(setup)
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(".cardigan/allowed_signers", signers + "garbage line here\n")
        let refused = try setup.approvePolicy(key: "risk")
        #expect(refused.status == 1, "\(refused.output)\(refused.error)")
        #expect(
            refused.output.contains(
                ".cardigan/allowed_signers:4:1: error: the new approval policy cannot be used: an rsa key of 1024 bits is refused"
            )
                && refused.output.contains(
                    ".cardigan/allowed_signers:5:1: error: the new approval policy cannot be used: key type 'line' is not supported (use ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa)"
                ) && !refused.output.contains("Policy-Approval:"), "\(refused.output)")
    }

    @Test func aRefusedLineIsNotSignedAndIsReportedAtItsLine() throws {
        let setup = try ApprovalRepo()
        try addWeakKey(setup)
        let refused = try setup.approvePolicy(key: "risk")
        #expect(refused.status == 1, "\(refused.output)\(refused.error)")
        #expect(
            refused.output.hasPrefix(
                ".cardigan/allowed_signers:4:1: error: the new approval policy cannot be used: an rsa key of 1024 bits is refused"
            ) && refused.output.contains("[approval-policy]") && !refused.output.contains("Policy-Approval:"),
            "\(refused.output)")
        // Approved by hand under the policy before it, the refused line is still a finding.
        try commitApproved(setup, "add weak")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1 && !verify.output.contains("[policy-unapproved]"), "\(verify.output)")
        #expect(
            verify.output.contains(
                ".cardigan/allowed_signers:4:1: error: the approval policy cannot be used: .cardigan/allowed_signers:4: an rsa key of 1024 bits is refused"
            ) && verify.output.contains("[approval-policy]"), "\(verify.output)")
        // A card approval under it is refused at the signers file's line, not at .cardigan.yaml.
        let approve = try setup.approve(with: "risk")
        #expect(approve.status == 2, "\(approve.output)\(approve.error)")
        #expect(
            approve.error.contains(".cardigan/allowed_signers:4:1: error: the approval policy at "), "\(approve.error)")
    }

    @Test func aChangeAfterARefusedLineStillNeedsApprovals() throws {
        let setup = try ApprovalRepo()
        try addWeakKey(setup)
        try commitApproved(setup, "add weak")
        // The takeover: every signer but a stranger removed, in a plain commit.
        try setup.repo.write(
            ".cardigan/allowed_signers", "stranger@example.com \(try setup.keys.publicKey("stranger"))\n")
        try setup.repo.git("commit", "-qam", "takeover: stranger only")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                ".cardigan/allowed_signers:1:1: error: the approval policy changed with 0 of the 2 valid approvals"),
            "\(verify.output)")
        // The stranger's approval is judged by a policy nobody approved: refused.
        let approve = try setup.approve(with: "stranger")
        #expect(
            approve.status == 1 && approve.output.contains("[policy-unapproved]"), "\(approve.output)\(approve.error)")
    }

    @Test func removingTheRefusedLineWithApprovalsPasses() throws {
        // The honest twin: the usable lines of the policy with the refused line approve its fix.
        let setup = try ApprovalRepo()
        let original = try setup.repo.read(".cardigan/allowed_signers")
        try addWeakKey(setup)
        try commitApproved(setup, "add weak")
        try setup.repo.write(".cardigan/allowed_signers", original)
        var trailers: [String] = []
        for key in ["risk", "validator"] {
            let approval = try setup.approvePolicy(key: key).checked()
            trailers += ["--trailer", approval.output.trimmingCharacters(in: .newlines)]
        }
        _ = try setup.repo.repo.run(["git", "commit", "-qam", "drop rsa1024"] + trailers).checked()
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(!verify.output.contains("[policy-unapproved]"), "\(verify.output)")
        let approve = try setup.approve(with: "risk")
        #expect(approve.status == 0, "\(approve.output)\(approve.error)")
    }
}
