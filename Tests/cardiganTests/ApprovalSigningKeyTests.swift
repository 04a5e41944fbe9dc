import Foundation
import TestSupport
import Testing

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

    /// An ssh-keygen that exits without reading the statement (as it does when the agent holds no
    /// key) closed the pipe cardigan writes the statement into: cardigan must report its message,
    /// not die of SIGPIPE with nothing said (exit 13, seen under load in the test above).
    @Test func aSignerThatExitsBeforeReadingIsReportedNotASignal() throws {
        let setup = try ApprovalRepo()
        let bin = setup.keys.folder + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        // Closes its standard input first, so the statement cannot be written, then fails.
        try "#!/bin/sh\nexec 0<&-\nsleep 0.3\necho 'fake ssh-keygen: agent refused operation' >&2\nexit 1\n"
            .write(toFile: bin + "/ssh-keygen", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/ssh-keygen")
        try setup.repo.git("config", "gpg.format", "ssh")
        try setup.repo.git("config", "user.signingkey", "key::" + (try setup.keys.publicKey("risk")))
        var environment = setup.environment
        environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let approve = try setup.repo.cardigan("approve", "credit", environment: environment)
        #expect(approve.status == 2, "\(approve.status): \(approve.error)")
        #expect(approve.error.contains("fake ssh-keygen: agent refused operation"), "\(approve.error)")
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
                "cards/credit.yaml: error: version 1 of 'credit' is approved twice by one principal")
                && verify.output.contains("[approval-duplicate]"), "\(verify.output)")
        #expect(verify.output.contains("[approval-missing]"), "one principal twice is still one approval")
    }

    @Test func verifyReportsAnUnreadablePolicy() throws {
        let setup = try ApprovalRepo()
        let signers = try setup.repo.read(".cardigan/allowed_signers")
        try setup.repo.write(".cardigan/allowed_signers", signers + "not a signer line\n")
        // approve --policy will not sign a policy with an unreadable line; committed anyway.
        let refused = try setup.repo.repo.run(
            [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/risk"],
            environment: setup.environment)
        #expect(
            refused.status == 1 && refused.output.hasPrefix(".cardigan/allowed_signers:4:1: error: "),
            "\(refused.output)")
        try setup.repo.git("commit", "-qam", "broken signers")
        try setup.commitByHand(
            approvals: [try setup.forgedApproval(key: "risk", principal: "risk@example.com")], moveToApproved: false)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(verify.status == 1)
        #expect(
            verify.output.contains(
                "cards/credit.yaml: error: the approval policy cannot be used: .cardigan/allowed_signers:4:")
                && verify.output.contains("[approval-policy]"), "\(verify.output)")
        // The line itself is a finding where it is.
        #expect(
            verify.output.contains(".cardigan/allowed_signers:4:1: error: the approval policy cannot be used"),
            "\(verify.output)")
    }
}
