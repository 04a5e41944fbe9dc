import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The approvals a change of the approval policy itself needs, as pure facts: the strictest
/// rule's number of distinct signers of the policy before it, each counted once.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct PolicyChangeTests {
    let keys: SSHTestKeys
    let old: ApprovalPolicy
    let configDigest = "sha256:" + String(repeating: "ab", count: 32)
    let signersDigest = "sha256:" + String(repeating: "cd", count: 32)

    init() throws {
        // A local first: the closure below must not capture `self` before it is whole.
        let keys = try SSHTestKeys()
        self.keys = keys
        for name in ["risk", "validator"] { try keys.make(name, type: "ed25519") }
        let signers = try ["risk", "validator"].map { "\($0)@example.com \(try keys.publicKey($0))" }
        // The loosest rule first: the strictest, not the first, sets what a policy change needs.
        let config = """
            approval:
              signers: .cardigan/allowed_signers
              rules:
                - cards: "sandbox-*"
                  approvers: 1
                - cards: "*"
                  risk: [High]
                  approvers: 2
            """
        let settings = try #require(try CardiganConfig.parse(Data(config.utf8), path: ".cardigan.yaml").approval)
        old = ApprovalPolicy(
            settings: settings, signers: AllowedSigners(text: signers.joined(separator: "\n")), identity: "old")
    }

    /// A `Policy-Approval:` of the new files by key `key` as `principal`, signed at `date`.
    func approval(by key: String, as principal: String, date: String = "2026-11-30T12:00:00Z") throws -> Approval {
        let statement = PolicyChange.statement(
            configDigest: configDigest, signersDigest: signersDigest, principal: principal, date: date)
        let signature = try SSHSigner(keyFile: keys.folder + "/" + key).sign(
            Array(statement.utf8), namespace: Approval.namespace)
        return Approval(
            principal: principal, fingerprint: signature.publicKey.fingerprint, date: date, signature: signature.base64)
    }

    func change(_ approvals: [Approval]) -> PolicyChange {
        PolicyChange(
            configDigest: configDigest, signersDigest: signersDigest, approvals: approvals,
            author: "author@example.com")
    }

    @Test func needsAsManySignersAsTheStrictestRule() throws {
        let one = change([try approval(by: "risk", as: "risk@example.com")]).problems(under: old)
        #expect(one.map(\.ruleID) == [.policyUnapproved])
        #expect(one.first?.message.contains("with 1 of the 2 valid approvals") == true, "\(one)")
        let two = change([
            try approval(by: "risk", as: "risk@example.com"),
            try approval(by: "validator", as: "validator@example.com"),
        ])
        #expect(two.problems(under: old).isEmpty)
    }

    @Test func aSignerWhoSignsTwiceCountsOnce() throws {
        let twice = change([
            try approval(by: "risk", as: "risk@example.com"),
            try approval(by: "risk", as: "risk@example.com", date: "2026-11-30T13:00:00Z"),
        ])
        let problems = twice.problems(under: old)
        #expect(problems.map(\.ruleID) == [.policyUnapproved])
        #expect(problems.first?.message.contains("with 1 of the 2 valid approvals") == true, "\(problems)")
    }
}
