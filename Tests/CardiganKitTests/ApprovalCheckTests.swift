import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Rule 9 as pure functions: each refusal from facts alone, and the valid case beside it.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalCheckTests {
    let keys: SSHTestKeys
    let policy: ApprovalPolicy
    let subject = ApprovalSubject(
        card: "credit-risk", version: 3, digest: "sha256:" + String(repeating: "cd", count: 32), risk: "High",
        authors: ["author@example.com"])

    init() throws {
        keys = try SSHTestKeys()
        for name in ["risk", "validator", "author", "stranger"] { try keys.make(name, type: "ed25519") }
        let signers = """
            # who may sign approvals
            risk@example.com \(try keys.publicKey("risk"))
            validator@example.com namespaces="cardigan-approval" \(try keys.publicKey("validator"))
            author@example.com \(try keys.publicKey("author"))
            """
        let config = """
            approval:
              signers: .cardigan/allowed_signers
              rules:
                - cards: "credit-*"
                  risk: [High]
                  approvers: 2
                  principals: [risk@example.com, validator@example.com, author@example.com]
                - cards: "*"
                  approvers: 1
            """
        let settings = try #require(try CardiganConfig.parse(Data(config.utf8), path: ".cardigan.yaml").approval)
        policy = ApprovalPolicy(settings: settings, signers: AllowedSigners(text: signers), identity: "test")
    }

    /// An approval of `subject` (or of `signed`, to make a replay) by key `key` as `principal`.
    func approval(by key: String, as principal: String, signing signed: ApprovalSubject? = nil) throws -> Approval {
        let what = signed ?? subject
        let date = "2026-11-30T12:00:00Z"
        let statement = Approval.statement(
            card: what.card, version: what.version, digest: what.digest, principal: principal, date: date)
        let signature = try SSHSigner(keyFile: keys.folder + "/" + key).sign(
            Array(statement.utf8), namespace: Approval.namespace)
        return Approval(
            principal: principal, fingerprint: signature.publicKey.fingerprint, date: date, signature: signature.base64)
    }

    @Test func acceptsAnApprovalByAnAllowedKey() throws {
        #expect(
            ApprovalCheck.problems(of: try approval(by: "risk", as: "risk@example.com"), for: subject, under: policy)
                .isEmpty)
        #expect(
            ApprovalCheck.problems(
                of: try approval(by: "validator", as: "validator@example.com"), for: subject, under: policy
            )
            .isEmpty)
    }

    @Test func refusesAKeyThePolicyDoesNotList() throws {
        let problems = ApprovalCheck.problems(
            of: try approval(by: "stranger", as: "risk@example.com"), for: subject, under: policy)
        #expect(problems.map(\.ruleID) == [.approvalKey])
        #expect(problems.first?.message.contains("'risk@example.com' (key SHA256:") == true)
        #expect(problems.first?.message.contains("version 3 of 'credit-risk'") == true)
    }

    @Test func refusesAPrincipalTheRuleDoesNotName() throws {
        let narrow = ApprovalSettings(
            signersPath: "s",
            rules: [.init(cards: "*", risk: nil, approvers: 1, principals: ["validator@example.com"], line: 4)])
        let restricted = ApprovalPolicy(settings: narrow, signers: policy.signers, identity: "narrow")
        let problems = ApprovalCheck.problems(
            of: try approval(by: "risk", as: "risk@example.com"), for: subject, under: restricted)
        #expect(problems.map(\.ruleID) == [.approvalKey])
        #expect(problems.first?.message.contains("may not approve version 3 of 'credit-risk'") == true)
    }

    @Test func acceptsAMemberOfTheRulesGroupAndRefusesAnyoneElse() throws {
        let config = """
            approval:
              signers: .cardigan/allowed_signers
              groups:
                model-risk: [risk@example.com, validator@example.com]
              rules:
                - cards: "*"
                  approvers: 2
                  principals: [group:model-risk]
            """
        let settings = try #require(try CardiganConfig.parse(Data(config.utf8), path: ".cardigan.yaml").approval)
        let grouped = ApprovalPolicy(settings: settings, signers: policy.signers, identity: "grouped")
        let member = try approval(by: "validator", as: "validator@example.com")
        #expect(ApprovalCheck.problems(of: member, for: subject, under: grouped).isEmpty)
        // `stranger`'s key is not listed: the key and the group both refuse. `author` is listed
        // but not in the group (and wrote the version).
        var outsider = subject
        outsider.authors = []
        let problems = ApprovalCheck.problems(
            of: try approval(by: "author", as: "author@example.com"), for: outsider, under: grouped)
        #expect(problems.map(\.ruleID) == [.approvalKey])
        let message = try #require(problems.first?.message)
        #expect(message.hasPrefix("'author@example.com' (key SHA256:"), "\(message)")
        #expect(
            message.contains(
                "may not approve version 3 of 'credit-risk': the approval rule at .cardigan.yaml line 6 allows group 'model-risk' ('risk@example.com', 'validator@example.com')"
            ), "\(message)")
        // Two approvals by one member count once toward the threshold of distinct principals.
        let again = try approval(by: "validator", as: "validator@example.com")
        #expect(ApprovalCheck.duplicate(again, of: subject, among: [member])?.ruleID == .approvalDuplicate)
        #expect(
            ApprovalCheck.moveProblem(of: subject, accepted: [member], under: grouped)?.ruleID == .approvalMissing)
        let both = [member, try approval(by: "risk", as: "risk@example.com")]
        #expect(ApprovalCheck.moveProblem(of: subject, accepted: both, under: grouped) == nil)
    }

    @Test func refusesASignatureReplayedFromAnotherVersionCardOrDigest() throws {
        var other = subject
        other.version = 2
        var otherCard = subject
        otherCard.card = "credit-risk-eu"
        var otherDigest = subject
        otherDigest.digest = "sha256:" + String(repeating: "ef", count: 32)
        for signed in [other, otherCard, otherDigest] {
            let replayed = try approval(by: "risk", as: "risk@example.com", signing: signed)
            let problems = ApprovalCheck.problems(of: replayed, for: subject, under: policy)
            #expect(problems.map(\.ruleID) == [.approvalSignature])
            #expect(problems.first?.message.contains("does not approve version 3 of 'credit-risk'") == true)
        }
    }

    @Test func refusesAnApprovalClaimingAnotherPrincipalOrKey() throws {
        var claimed = try approval(by: "risk", as: "risk@example.com")
        claimed.principal = "validator@example.com"  // the signed statement names risk@
        #expect(
            ApprovalCheck.problems(of: claimed, for: subject, under: policy).map(\.ruleID) == [.approvalSignature])
        var otherKey = try approval(by: "risk", as: "risk@example.com")
        otherKey.fingerprint = try approval(by: "validator", as: "validator@example.com").fingerprint
        #expect(
            ApprovalCheck.problems(of: otherKey, for: subject, under: policy).map(\.ruleID) == [.approvalSignature])
    }

    @Test func refusesTheVersionsOwnAuthor() throws {
        let problems = ApprovalCheck.problems(
            of: try approval(by: "author", as: "author@example.com"), for: subject, under: policy)
        #expect(problems.map(\.ruleID) == [.approvalSelf])
        #expect(problems.first?.message.contains("authored a content change of version 3 of 'credit-risk'") == true)
    }

    @Test func refusesTwoApprovalsByOnePrincipalOrKey() throws {
        let first = try approval(by: "risk", as: "risk@example.com")
        let again = try approval(by: "risk", as: "risk@example.com")
        #expect(ApprovalCheck.duplicate(again, of: subject, among: [first])?.ruleID == .approvalDuplicate)
        #expect(ApprovalCheck.duplicate(again, of: subject, among: []) == nil)
    }

    @Test func oneApproverCountsOnceWhateverKeyOrSpellingTheyUse() throws {
        let first = try approval(by: "risk", as: "risk@example.com")
        // The same principal with a second key, and in capitals: still one principal.
        for again in [
            try approval(by: "stranger", as: "risk@example.com"), try approval(by: "risk", as: "Risk@Example.com"),
        ] {
            let problem = ApprovalCheck.duplicate(again, of: subject, among: [first])
            #expect(problem?.ruleID == .approvalDuplicate)
            #expect(
                problem?.message.contains("approved twice by one principal") == true, "\(String(describing: problem))")
        }
        // One key signing as a second principal: still one signer.
        let otherName = ApprovalCheck.duplicate(
            try approval(by: "risk", as: "validator@example.com"), of: subject, among: [first])
        #expect(otherName?.message.contains("approved twice by one key") == true, "\(String(describing: otherName))")
        // The twin: another principal with their own key.
        #expect(
            ApprovalCheck.duplicate(
                try approval(by: "validator", as: "validator@example.com"), of: subject, among: [first])
                == nil)
    }

    @Test func refusesAMoveBelowTheThreshold() throws {
        let one = [try approval(by: "risk", as: "risk@example.com")]
        let problem = ApprovalCheck.moveProblem(of: subject, accepted: one, under: policy)
        #expect(problem?.ruleID == .approvalMissing)
        #expect(problem?.message.contains("with 1 of the 2 valid approvals") == true)
        let two = one + [try approval(by: "validator", as: "validator@example.com")]
        #expect(ApprovalCheck.moveProblem(of: subject, accepted: two, under: policy) == nil)
        var low = subject
        low.risk = "Low"
        #expect(ApprovalCheck.moveProblem(of: low, accepted: one, under: policy) == nil, "the second rule needs one")
        // The hint counts the principals in the singular when the rule needs one.
        #expect(problem?.hint?.hasSuffix("by 2 distinct allowed principals") == true, "\(String(describing: problem))")
        let none = ApprovalCheck.moveProblem(of: low, accepted: [], under: policy)
        #expect(none?.hint?.hasSuffix("by 1 distinct allowed principal") == true, "\(String(describing: none))")
    }

    @Test func readsAllowedSignersOptionsPatternsAndBadLines() throws {
        let key = try keys.publicKey("risk")
        let signers = AllowedSigners(
            text: """
                *@example.com,!intern@example.com valid-after="20260101",valid-before="20270101Z" \(key)
                "quoted@example.org" namespaces="git" \(key)
                broken line
                """)
        let parsed = try SSHPublicKey(text: key)
        let inside = try #require(
            Approval(principal: "p", fingerprint: "SHA256:x", date: "2026-06-01T00:00:00Z", signature: "").time)
        #expect(signers.allows("ann@example.com", key: parsed, namespace: Approval.namespace, date: inside))
        #expect(!signers.allows("intern@example.com", key: parsed, namespace: Approval.namespace, date: inside))
        #expect(
            !signers.allows(
                "ann@example.com", key: parsed, namespace: Approval.namespace, date: Date(timeIntervalSince1970: 0)))
        #expect(!signers.allows("quoted@example.org", key: parsed, namespace: Approval.namespace, date: inside))
        #expect(signers.allows("quoted@example.org", key: parsed, namespace: "git", date: inside))
        #expect(signers.problems.map(\.line) == [3])
    }

    @Test func refusesAnApprovalSectionWithMistakesAtItsLine() throws {
        let text = """
            approval:
              signers: .cardigan/allowed_signers
              rules:
                - cards: "*"
                  approvers: two
            """
        #expect {
            _ = try CardiganConfig.parse(Data(text.utf8), path: ".cardigan.yaml")
        } throws: { error in
            let error = error as? CardiganError
            return error?.location?.position?.line == 5 && error?.message.contains("'approvers'") == true
        }
    }
}

/// Approval dates, read by hand, agree with Foundation's ISO 8601 reading.
@Suite struct ApprovalDateTests {
    @Test(arguments: ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-11-30T13:08:07Z", "2100-03-01T00:00:00Z"])
    func readsDatesAsFoundationDoes(text: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let approval = Approval(principal: "p", fingerprint: "SHA256:x", date: text, signature: "")
        #expect(approval.time == formatter.date(from: text))
    }

    @Test(arguments: ["2026-11-30T13:08:07", "2026-13-01T00:00:00Z", "2026-11-30 13:08:07Z", "20261130T130807Z"])
    func refusesOtherForms(text: String) {
        #expect(Approval(principal: "p", fingerprint: "SHA256:x", date: text, signature: "").time == nil)
    }
}
