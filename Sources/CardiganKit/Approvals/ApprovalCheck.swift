import Foundation

/// A problem with an approval or a move to Approved: a rule id, the message and a fix.
public struct ApprovalProblem: Sendable, Equatable {
    /// `approval-signature`, `approval-key`, `approval-self`, `approval-duplicate`,
    /// `approval-missing`, `approval-policy`.
    public var ruleID: RuleID
    /// The message, naming the card, version, principal and key fingerprint.
    public var message: String
    /// How to put it right.
    public var hint: String?
}

/// What is being approved: a card version and the facts the approval rules judge it by.
public struct ApprovalSubject: Sendable, Equatable {
    /// The card.
    public var card: String
    /// The version.
    public var version: Int
    /// Its digest, as the tree holds it.
    public var digest: String
    /// Its `risk_rating`, which selects the policy's rule.
    public var risk: String?
    /// Who authored a content change of the version (four eyes): email addresses, and the
    /// `SHA256:` fingerprints of keys that signed those commits.
    public var authors: [String]

    /// Creates a subject.
    public init(card: String, version: Int, digest: String, risk: String?, authors: [String]) {
        self.card = card
        self.version = version
        self.digest = digest
        self.risk = risk
        self.authors = authors
    }
}

/// The approval rules (`approval-signature`, `approval-key`, `approval-self`,
/// `approval-duplicate`, `approval-missing`) as pure functions over facts, so each refusal can be tested without a repository.
public enum ApprovalCheck {
    /// The problems of one approval of `subject` under `policy` (empty when it is valid): the
    /// signature must be the named key's, over this card, version and digest; the key must be
    /// allowed to sign as the principal at the approval's date; the card's rule must let the
    /// principal approve; the principal must not have authored the version.
    public static func problems(of approval: Approval, for subject: ApprovalSubject, under policy: ApprovalPolicy)
        -> [ApprovalProblem]
    {
        let who = "'\(approval.principal)' (key \(approval.fingerprint))"
        let what = "version \(subject.version) of '\(subject.card)'"
        guard let signature = try? SSHSignature(base64: approval.signature) else {
            return [
                ApprovalProblem(
                    ruleID: .approvalSignature,
                    message: "the approval of \(what) by \(who) has an unreadable signature",
                    hint: "approvals are made with 'cardigan approve'")
            ]
        }
        guard signature.publicKey.fingerprint == approval.fingerprint else {
            return [
                ApprovalProblem(
                    ruleID: .approvalSignature,
                    message:
                        "the approval of \(what) by \(who) is signed by another key, \(signature.publicKey.fingerprint)",
                    hint: "a record naming another key than the one that signed was written by hand")
            ]
        }
        let statement = Approval.statement(
            card: subject.card, version: subject.version, digest: subject.digest, principal: approval.principal,
            date: approval.date)
        guard signature.isValid(for: Array(statement.utf8), namespace: Approval.namespace) else {
            return [
                ApprovalProblem(
                    ruleID: .approvalSignature,
                    message:
                        "the signature of \(who) does not approve \(what) with digest \(subject.digest.prefix(19))…: it was made for another card, version, digest or date, or altered",
                    hint:
                        "an approval cannot be copied to another version; approve this one with 'cardigan approve \(subject.card)'"
                )
            ]
        }
        var problems: [ApprovalProblem] = []
        let date = approval.time ?? .distantPast
        if !policy.signers.allows(
            approval.principal, key: signature.publicKey, namespace: Approval.namespace, date: date),
            let (entry, reason) = policy.signers.refusal(
                of: signature.publicKey, principal: approval.principal, namespace: Approval.namespace, date: date)
        {
            // The line lists the key for the principal, but not for this date or namespace.
            problems.append(
                ApprovalProblem(
                    ruleID: .approvalKey,
                    message:
                        "the approval of \(what) by \(who) is not allowed: the key \(reason) at '\(policy.settings.signersPath)' line \(entry.line)",
                    hint:
                        "a valid key for the principal is added to '\(policy.settings.signersPath)' in a commit approved under the policy in force"
                ))
        } else if !policy.signers.allows(
            approval.principal, key: signature.publicKey, namespace: Approval.namespace, date: date)
        {
            problems.append(
                ApprovalProblem(
                    ruleID: .approvalKey,
                    message:
                        "the approval of \(what) by \(who) is not allowed: '\(policy.settings.signersPath)' does not let that key sign as that principal\(approval.time == nil ? " (unreadable date '\(approval.date)')" : "")",
                    hint:
                        "add the key for the principal to '\(policy.settings.signersPath)' in a commit approved under the policy in force"
                ))
        }
        if let rule = policy.settings.rule(for: subject.card, risk: subject.risk),
            !policy.settings.allows(approval.principal, by: rule)
        {
            problems.append(
                ApprovalProblem(
                    ruleID: .approvalKey,
                    message:
                        "\(who) may not approve \(what): the approval rule at .cardigan.yaml line \(rule.line) allows \(policy.settings.describePrincipals(of: rule))",
                    hint:
                        "ask a principal the rule allows to approve; changing the rule or its groups is a policy change"
                ))
        }
        if subject.authors.contains(where: {
            $0.lowercased() == approval.principal.lowercased() || $0 == signature.publicKey.fingerprint
        }) {
            problems.append(
                ApprovalProblem(
                    ruleID: .approvalSelf,
                    message: "\(who) authored a content change of \(what) and cannot approve it (four eyes)",
                    hint: "another principal must approve it"))
        }
        return problems
    }

    /// The problem of a second approval of the same version by one principal or one key,
    /// given those accepted before it; nil when it is the first.
    public static func duplicate(_ approval: Approval, of subject: ApprovalSubject, among accepted: [Approval])
        -> ApprovalProblem?
    {
        guard
            let earlier = accepted.first(where: {
                $0.principal.lowercased() == approval.principal.lowercased() || $0.fingerprint == approval.fingerprint
            })
        else { return nil }
        let same = earlier.principal.lowercased() == approval.principal.lowercased() ? "principal" : "key"
        return ApprovalProblem(
            ruleID: .approvalDuplicate,
            message:
                "version \(subject.version) of '\(subject.card)' is approved twice by one \(same): '\(approval.principal)' (key \(approval.fingerprint)) after '\(earlier.principal)' (key \(earlier.fingerprint))",
            hint: "each approval must come from a distinct principal with its own key")
    }

    /// The problem of a move of `subject` to Approved with the approvals `accepted` (valid,
    /// distinct); nil when the policy's rule for the card is met or no rule covers it.
    public static func moveProblem(of subject: ApprovalSubject, accepted: [Approval], under policy: ApprovalPolicy)
        -> ApprovalProblem?
    {
        guard let rule = policy.settings.rule(for: subject.card, risk: subject.risk), accepted.count < rule.approvers
        else { return nil }
        let names = accepted.map { "'\($0.principal)' (key \($0.fingerprint))" }
        return ApprovalProblem(
            ruleID: .approvalMissing,
            message:
                "version \(subject.version) of '\(subject.card)' moved to Approved with \(accepted.count) of the \(rule.approvers) valid approvals its rule needs\(names.isEmpty ? "" : ": " + names.joined(separator: ", "))",
            hint:
                "approvals are signatures: 'cardigan approve \(subject.card)' by \(Counted.text(rule.approvers, "distinct allowed principal"))"
        )
    }
}
