import Foundation
import TestSupport
import Testing

/// A card repository whose policy needs two signed approvals for High-risk cards, its keys, and
/// (for the server tests) a bare server with the pre-receive hook.
final class ApprovalRepo {
    let repo: CardRepo
    let keys: SSHTestKeys
    /// The server pushed to, kept alive as long as the clone.
    let server: ScratchRepository?
    var environment: [String: String] { keys.environment }

    /// Card `credit` (High risk) at version 1 in PendingReview, authored by author@example.com
    /// (the repository's identity); keys `risk`, `validator`, `author` are listed, `stranger` not.
    init(server: ScratchRepository? = nil) throws {
        repo = try CardRepo()
        keys = try SSHTestKeys()
        self.server = server
        for name in ["risk", "validator", "author", "stranger"] { try keys.make(name, type: "ed25519") }
        try repo.write(
            ".cardigan/allowed_signers",
            """
            risk@example.com \(try keys.publicKey("risk"))
            validator@example.com \(try keys.publicKey("validator"))
            author@example.com \(try keys.publicKey("author"))

            """)
        try repo.write(
            ".cardigan.yaml",
            """
            approval:
              signers: .cardigan/allowed_signers
              rules:
                - cards: "*"
                  risk: [High]
                  approvers: 2
                - cards: "*"
                  approvers: 1

            """)
        try repo.git("add", ".cardigan.yaml", ".cardigan/allowed_signers")
        try repo.git("commit", "-q", "-m", "approval policy")
        try repo.write("cards/credit.yaml", CardRepo.card("credit", risk: "High"))
        try repo.cardigan("commit", "-m", "credit card", environment: environment).checked()
        try repo.cardigan("status", "credit", "PendingReview", environment: environment).checked()
        if let server {
            try repo.git("remote", "add", "origin", server.path)
            try repo.git("push", "-q", "--follow-tags", "origin", "main")
        }
    }

    /// `cardigan approve credit --key <key>`.
    func approve(with key: String, _ more: String...) throws -> ProcessResult {
        try repo.repo.run(
            [PackagePaths.cardigan, "approve", "credit", "--key", keys.folder + "/" + key] + more,
            environment: environment)
    }

    /// A trailer value signed by `key` as `principal` for (card, version, digest), made with
    /// `ssh-keygen` directly: what someone bypassing cardigan could write.
    func forgedApproval(
        key: String, principal: String, card: String = "credit", version: Int = 1, date: String = "2026-11-30T12:00:00Z"
    ) throws -> String {
        let statement = """
            cardigan approval
            card: \(card)
            version: \(version)
            digest: \(try digest())
            status: Approved
            principal: \(principal)
            date: \(date)

            """
        let armored = try keys.sign(statement, key: key, namespace: "cardigan-approval")
        let base64 = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let listed = try ProcessResult.run(
            ["ssh-keygen", "-l", "-E", "sha256", "-f", keys.folder + "/" + key + ".pub"], in: keys.folder,
            environment: environment
        ).checked().output
        let fingerprint = listed.split(separator: " ")[1]
        return "\(principal) \(fingerprint) \(date) \(base64)"
    }

    /// The digest of `credit` as the last commit records it.
    func digest() throws -> String {
        try repo.git("log", "-1", "--format=%(trailers:key=Card-Digest,valueonly)", "--", "cards/credit.yaml")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A plain `git commit` recording `approvals` of credit v1, moving it to Approved when asked.
    func commitByHand(approvals: [String], moveToApproved: Bool) throws {
        if moveToApproved {
            try repo.edit("cards/credit.yaml", replacing: "status: PendingReview", with: "status: Approved")
            try repo.git("add", "cards/credit.yaml")
        }
        var message = "approved by hand\n\nCard: credit\nCard-Version: 1\nCard-Digest: \(try digest())\n"
        message += "Card-Status: \(moveToApproved ? "Approved" : "PendingReview")\n"
        message += "Card-Change: \(moveToApproved ? "status" : "approval")\n"
        message += approvals.map { "Card-Approval: " + $0 + "\n" }.joined()
        try repo.git("commit", "-q", "--allow-empty", "-m", message)
    }
}

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
        let stranger = try setup.approve(with: "stranger")
        #expect(stranger.status != 0)
        #expect(stranger.error.contains("is not in '.cardigan/allowed_signers'"), "\(stranger.error)")
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
                "cards/credit.yaml:1:1: error: version 1 of 'credit' moved to Approved with 1 of the 2 valid approvals")
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

/// Rule 9 on the git server: a real `git push` to a bare repository with the pre-receive hook.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalServerTests {
    private func setUp() throws -> (ScratchRepository, ApprovalRepo) {
        let server = try ScratchRepository(bare: true)
        try ProcessResult.run([PackagePaths.cardigan, "hook", "install", "--server"], in: server.path).checked()
        let setup = try ApprovalRepo(server: server)
        return (server, setup)
    }

    private func expectPushRefused(_ setup: ApprovalRepo, rule: String, _ text: String) throws {
        let push = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(push.status != 0, "the push was accepted")
        #expect(push.error.contains("[\(rule)]") && push.error.contains(text), "\(push.error)")
    }

    @Test func acceptsTwoValidApprovals() throws {
        let (server, setup) = try setUp()
        try setup.approve(with: "risk").checked()
        try setup.approve(with: "validator").checked()
        let push = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(push.status == 0, "\(push.error)")
        #expect(
            try server.git("log", "-1", "--format=%s", "main").contains("Approve credit v1 (validator@example.com)"))
    }

    @Test func refusesAnApprovalByAnUnlistedKey() throws {
        let (_, setup) = try setUp()
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "stranger", principal: "risk@example.com")], moveToApproved: false
        )
        try expectPushRefused(setup, rule: "approval-key", "'risk@example.com' (key SHA256:")
    }

    @Test func refusesASelfApproval() throws {
        let (_, setup) = try setUp()
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "author", principal: "author@example.com")], moveToApproved: false
        )
        try expectPushRefused(setup, rule: "approval-self", "authored a content change of version 1 of 'credit'")
    }

    @Test func refusesAMoveBelowTheThreshold() throws {
        let (_, setup) = try setUp()
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "risk", principal: "risk@example.com")], moveToApproved: true)
        try expectPushRefused(setup, rule: "approval-missing", "with 1 of the 2 valid approvals")
    }

    @Test func refusesAReplayedSignature() throws {
        let (_, setup) = try setUp()
        let replayed = try setup.forgedApproval(key: "risk", principal: "risk@example.com", card: "credit-eu")
        try setup.commitByHand(
            approvals: [replayed, try setup.forgedApproval(key: "validator", principal: "validator@example.com")],
            moveToApproved: true)
        try expectPushRefused(setup, rule: "approval-signature", "does not approve version 1 of 'credit'")
    }
}

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

    private func policyApproval(_ setup: ApprovalRepo, key: String) throws -> ProcessResult {
        try setup.repo.repo.run(
            [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/" + key],
            environment: setup.environment)
    }

    @Test func refusesAPolicyChangeWithoutApprovals() throws {
        let setup = try ApprovalRepo()
        try addStranger(setup)
        try setup.repo.git("commit", "-qam", "let a stranger sign")
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                ".cardigan.yaml:1:1: error: the approval policy changed with 0 of the 2 valid approvals the policy in force before it needs"
            ) && verify.output.contains("[policy-unapproved]"), "\(verify.output)")
    }

    @Test func acceptsAPolicyChangeApprovedByTheSignersItReplaces() throws {
        let setup = try ApprovalRepo()
        try addStranger(setup)
        let risk = try policyApproval(setup, key: "risk").checked().output.trimmingCharacters(in: .newlines)
        let validator = try policyApproval(setup, key: "validator").checked().output.trimmingCharacters(
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
        let stale = try policyApproval(setup, key: "risk")
        #expect(stale.status == 2 && stale.error.contains("there is no change to approve"), "\(stale.error)")
        try addStranger(setup)
        let risk = try policyApproval(setup, key: "risk").checked().output.trimmingCharacters(in: .newlines)
        let newcomer = try setup.repo.repo.run(
            [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/stranger"],
            environment: setup.environment)
        #expect(newcomer.status != 0, "a signer the change adds cannot approve it")
        // Approved for one file, then the file changed again before the commit.
        let validator = try policyApproval(setup, key: "validator").checked().output.trimmingCharacters(
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
        let server = try ScratchRepository(bare: true)
        try ProcessResult.run([PackagePaths.cardigan, "hook", "install", "--server"], in: server.path).checked()
        let setup = try ApprovalRepo(server: server)
        try addStranger(setup)
        try setup.repo.git("commit", "-qam", "let a stranger sign")
        let push = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(push.status != 0)
        #expect(push.error.contains("[policy-unapproved]"), "\(push.error)")
    }
}

/// Signing the way git does: `user.signingkey` under `gpg.format=ssh`, with the private half in
/// ssh-agent, and findings of approvals recorded by hand.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen, ssh-agent and ssh-add (openssh-client)"))
struct ApprovalSigningKeyTests {
    @Test func signsWithGitsSigningKeyHeldInSSHAgent() throws {
        let setup = try ApprovalRepo()
        let socket = setup.keys.folder + "/agent.sock"
        let agent = Process()
        agent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        agent.arguments = ["ssh-agent", "-D", "-a", socket]
        agent.standardOutput = FileHandle.nullDevice
        agent.standardError = FileHandle.nullDevice
        try agent.run()
        defer {
            // The agent we started, by its process id; SIGKILL because a child of the test
            // process inherits its blocked SIGTERM.
            kill(agent.processIdentifier, SIGKILL)
            agent.waitUntilExit()
        }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) { usleep(20_000) }
        var environment = setup.environment
        environment["SSH_AUTH_SOCK"] = socket
        try ProcessResult.run(
            ["ssh-add", "-q", setup.keys.folder + "/risk"], in: setup.keys.folder, environment: environment
        ).checked()
        // Only the agent holds the private half now.
        try FileManager.default.removeItem(atPath: setup.keys.folder + "/risk")
        try setup.repo.git("config", "gpg.format", "ssh")
        try setup.repo.git("config", "user.signingkey", "key::" + (try setup.keys.publicKey("risk")))
        let approved = try setup.repo.cardigan("approve", "credit", environment: environment)
        #expect(approved.status == 0, "\(approved.output)\(approved.error)")
        #expect(approved.output.contains("approved by risk@example.com (SHA256:"), "\(approved.output)")
        // Without the agent the same setting cannot sign, and says why.
        environment["SSH_AUTH_SOCK"] = setup.keys.folder + "/no-agent.sock"
        let without = try setup.repo.cardigan("approve", "credit", environment: environment)
        #expect(without.status == 2)
        #expect(without.error.contains("its private half must be in ssh-agent"), "\(without.error)")
    }

    @Test func verifyReportsTwoApprovalsByOnePrincipal() throws {
        let setup = try ApprovalRepo()
        let first = try setup.forgedApproval(key: "risk", principal: "risk@example.com")
        // The same principal again, with another date: a second signature, not a second approver.
        let second = try setup.forgedApproval(key: "risk", principal: "risk@example.com", date: "2026-11-30T13:00:00Z")
        try setup.commitByHand(approvals: [first, second], moveToApproved: true)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                "cards/credit.yaml:1:1: error: version 1 of 'credit' is approved twice by one principal")
                && verify.output.contains("[approval-duplicate]"), "\(verify.output)")
        #expect(verify.output.contains("[approval-missing]"), "one principal twice is still one approval")
    }

    @Test func verifyReportsAnUnreadablePolicy() throws {
        let setup = try ApprovalRepo()
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(".cardigan/allowed_signers", signers + "not a signer line\n")
        try setup.repo.git(
            "commit", "-qam", "broken signers", "--trailer",
            "Policy-Approval: "
                + (try setup.repo.repo.run(
                    [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/risk"],
                    environment: setup.environment
                ).checked().output.trimmingCharacters(in: .newlines).dropFirst("Policy-Approval: ".count)),
            "--trailer",
            "Policy-Approval: "
                + (try setup.repo.repo.run(
                    [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/validator"],
                    environment: setup.environment
                ).checked().output.trimmingCharacters(in: .newlines).dropFirst("Policy-Approval: ".count)))
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "risk", principal: "risk@example.com")], moveToApproved: false)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                "cards/credit.yaml:1:1: error: the approval policy cannot be used: .cardigan/allowed_signers:4:")
                && verify.output.contains("[approval-policy]"), "\(verify.output)")
        #expect(!verify.output.contains("[policy-unapproved]"), "the change itself was approved: \(verify.output)")
    }
}
