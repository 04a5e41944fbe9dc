import Foundation

/// A change of the approval policy itself (the `approval:` settings or the allowed signers
/// file), which must carry approvals under the policy in force before it, as a root of trust is
/// rotated. The approvals are `Policy-Approval:` trailers of the changing commit, each signing
/// ``statement(configDigest:signersDigest:principal:date:)`` over the new files' bytes.
public struct PolicyChange: Sendable, Equatable {
    /// The trailer key.
    public static let trailerKey = "Policy-Approval"

    /// `sha256:` of the new `.cardigan.yaml` bytes (`none` when the file is gone).
    public var configDigest: String
    /// `sha256:` of the new allowed signers file's bytes (`none` when there is none).
    public var signersDigest: String
    /// The approvals the changing commit carries.
    public var approvals: [Approval]
    /// Who authored the changing commit, who cannot approve it (four eyes).
    public var author: String
    /// Where the change is seen: the policy file it changed, at the first line it added.
    public var location = Location(path: CardiganConfig.fileName)

    /// Creates the facts of a change.
    public init(configDigest: String, signersDigest: String, approvals: [Approval], author: String) {
        self.configDigest = configDigest
        self.signersDigest = signersDigest
        self.approvals = approvals
        self.author = author
    }

    /// The text a policy approver signs.
    public static func statement(configDigest: String, signersDigest: String, principal: String, date: String)
        -> String
    {
        """
        cardigan policy approval
        config: \(configDigest)
        signers: \(signersDigest)
        principal: \(principal)
        date: \(date)

        """
    }

    /// The four-eyes problem of `principal` (key `fingerprint`) approving a policy change that
    /// `author` (an email) authors; nil when someone else authors it. `verify` judges a
    /// committed change by it, and `approve --policy` refuses with it before anything is signed.
    public static func selfApproval(principal: String, fingerprint: String, author: String) -> ApprovalProblem? {
        guard principal.lowercased() == author.lowercased() else { return nil }
        return ApprovalProblem(
            ruleID: .policyUnapproved,
            message: "'\(principal)' (key \(fingerprint)) authored the policy change and cannot approve it (four eyes)",
            hint: "another signer of the policy in force must approve it")
    }

    /// The problems of this change under `old`, the policy in force before it: too few valid
    /// approvals by distinct principals that `old` allows (its strictest rule's number), and
    /// each approval that is not valid. Each message names the principal and key.
    public func problems(under old: ApprovalPolicy) -> [ApprovalProblem] {
        var problems: [ApprovalProblem] = []
        var accepted: [Approval] = []
        for approval in approvals {
            let who = "'\(approval.principal)' (key \(approval.fingerprint))"
            let statement = Self.statement(
                configDigest: configDigest, signersDigest: signersDigest, principal: approval.principal,
                date: approval.date)
            guard let signature = try? SSHSignature(base64: approval.signature),
                signature.publicKey.fingerprint == approval.fingerprint,
                signature.isValid(for: Array(statement.utf8), namespace: Approval.namespace)
            else {
                problems.append(
                    ApprovalProblem(
                        ruleID: .policyUnapproved,
                        message:
                            "the policy approval by \(who) does not sign these policy files: it was made for other files, or altered",
                        hint: "approve the policy as committed: 'cardigan approve --policy'"))
                continue
            }
            if !old.signers.allows(
                approval.principal, key: signature.publicKey, namespace: Approval.namespace,
                date: approval.time ?? .distantPast)
            {
                problems.append(
                    ApprovalProblem(
                        ruleID: .policyUnapproved,
                        message:
                            "the policy approval by \(who) is not allowed by the signers of the policy in force before the change",
                        hint: "a policy change is approved by the signers it replaces"))
            } else if let problem = Self.selfApproval(
                principal: approval.principal, fingerprint: approval.fingerprint, author: author)
            {
                problems.append(problem)
            } else if !accepted.contains(where: {
                $0.principal.lowercased() == approval.principal.lowercased() || $0.fingerprint == approval.fingerprint
            }) {
                accepted.append(approval)
            }
        }
        let needed = old.settings.strictestThreshold
        if accepted.count < needed {
            problems.append(
                ApprovalProblem(
                    ruleID: .policyUnapproved,
                    message:
                        "the approval policy changed with \(accepted.count) of the \(needed) valid approvals the policy in force before it needs",
                    hint:
                        "each of \(needed) signers of the policy in force runs 'cardigan approve --policy' on the new files; the change is committed with their 'Policy-Approval:' trailers"
                ))
        }
        return problems
    }
}

/// What `cardigan approve --policy` gives: the `Policy-Approval:` trailer, or the findings that
/// refused it (nothing was signed then).
public struct PolicyApprovalResult: Sendable {
    /// The trailer line for the commit that makes the change; nil when refused.
    public var trailer: String?
    /// Why the approval was refused.
    public var findings: [Finding] = []
}
