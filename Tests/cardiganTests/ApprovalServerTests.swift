import Foundation
import TestSupport
import Testing

/// Rule 9 on the git server: a real `git push` to a bare repository with the pre-receive hook.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalServerTests {
    private func setUp() throws -> (PushFixture, ApprovalRepo) {
        let fixture = try PushFixture()
        return (fixture, try ApprovalRepo(pushingTo: fixture))
    }

    private func expectPushRefused(_ setup: ApprovalRepo, rule: String, at line: String? = nil, _ text: String) throws {
        let push = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(push.status != 0, "the push was accepted")
        #expect(
            push.error.contains("remote: cards/credit.yaml\(line.map { ":" + $0 } ?? ""): error: ")
                && push.error.contains("[\(rule)]")
                && push.error.contains(text), "\(push.error)")
    }

    @Test func acceptsTwoValidApprovals() throws {
        let (fixture, setup) = try setUp()
        try setup.approve(with: "risk").checked()
        try setup.approve(with: "validator").checked()
        let push = try setup.repo.repo.run(["git", "push", "origin", "main"], environment: setup.environment)
        #expect(push.status == 0, "\(push.error)")
        #expect(
            try fixture.server.git("log", "-1", "--format=%s", "main").contains(
                "Approve credit v1 (validator@example.com)"))
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
        try expectPushRefused(setup, rule: "approval-missing", at: "2:9", "with 1 of the 2 valid approvals")
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
