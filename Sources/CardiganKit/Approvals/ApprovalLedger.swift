import Foundation

/// What the approval rules need from the repository while the history rules walk it.
struct ApprovalContext {
    /// The policy in force at a commit (hex id).
    var policy: (String) -> PolicyState
    /// The facts of the policy change a commit makes, read when its policy differs from its
    /// parents'.
    var policyChange: (String) -> PolicyChange?
    /// The author email addresses of a commit: who authored a version's content.
    var authors: (String) -> [String]
    /// The approvals of a card version recorded before the walked commits (a pull request's
    /// base), each with its commit.
    var earlier: (String, Int) -> [(approval: Approval, commit: String)]
    /// Why the `.cardigan.yaml` of a commit cannot be read, located in it; nil when it can.
    var configError: (String) -> CardiganError? = { _ in nil }
}

/// The approvals accepted so far for each card version, as the history rules walk the commits:
/// each approval is judged by the policy in force at the commit that records it, and a move to
/// Approved by the policy at the move.
struct ApprovalLedger {
    /// What the ledger reads from the repository.
    let context: ApprovalContext
    private var accepted: [String: [Approval]] = [:]
    private var primed: Set<String> = []

    /// An empty ledger reading through `context`.
    init(context: ApprovalContext) {
        self.context = context
    }

    /// Judges `approvals`, recorded for `subject` in `commit`; returns their problems and keeps
    /// the valid ones.
    mutating func note(_ approvals: [Approval], for subject: ApprovalSubject, commit: String) -> [ApprovalProblem] {
        prime(subject)
        switch context.policy(commit) {
        case .none:
            return []
        case .invalid, .refused:
            return [Self.policyProblem(context.policy(commit).unusableReason ?? "")]
        case .active(let policy):
            var problems: [ApprovalProblem] = []
            for approval in approvals {
                problems += accept(approval, for: subject, under: policy)
            }
            return problems
        }
    }

    /// The problem of a move of `subject` to Approved in `commit`, judged by the policy there.
    mutating func move(of subject: ApprovalSubject, commit: String) -> ApprovalProblem? {
        prime(subject)
        switch context.policy(commit) {
        case .none: return nil
        case .invalid, .refused: return Self.policyProblem(context.policy(commit).unusableReason ?? "")
        case .active(let policy):
            return ApprovalCheck.moveProblem(of: subject, accepted: accepted[key(subject)] ?? [], under: policy)
        }
    }

    private mutating func accept(_ approval: Approval, for subject: ApprovalSubject, under policy: ApprovalPolicy)
        -> [ApprovalProblem]
    {
        let problems = ApprovalCheck.problems(of: approval, for: subject, under: policy)
        guard problems.isEmpty else { return problems }
        let known = accepted[key(subject)] ?? []
        if let duplicate = ApprovalCheck.duplicate(approval, of: subject, among: known) { return [duplicate] }
        accepted[key(subject), default: []].append(approval)
        return []
    }

    /// Takes in the approvals recorded before the walk, once per version; their problems were
    /// reported when they were pushed, so only the valid ones count here.
    private mutating func prime(_ subject: ApprovalSubject) {
        guard primed.insert(key(subject)).inserted else { return }
        for (approval, commit) in context.earlier(subject.card, subject.version) {
            if let policy = context.policy(commit).policy {
                _ = accept(approval, for: subject, under: policy)
            }
        }
    }

    private func key(_ subject: ApprovalSubject) -> String { "\(subject.card)/\(subject.version)" }

    private static func policyProblem(_ message: String) -> ApprovalProblem {
        ApprovalProblem(
            ruleID: .approvalPolicy, message: "the approval policy cannot be used: \(message)",
            hint: "fix '.cardigan.yaml' or the allowed signers file it names")
    }
}

extension HistoryRules {
    /// `policy-unapproved`, the approval rule for the policy itself: a commit whose policy differs from every parent's must
    /// carry approvals under the first parent's policy, or its usable lines when a signers line
    /// there is refused (fail closed: a refused line never lets a later change in unapproved).
    /// The first policy (none before it) is trusted as committed — when it can be used: a
    /// policy that comes in broken is `approval-policy` wherever it comes in, the first one
    /// too (a checkpoint pins the first policy with the history): with a refused signers line
    /// at that line, unreadable settings at the change, and a rule no signers can meet at the rule.
    mutating func applyPolicyChange(_ commit: CommitFacts) {
        guard let ledger = approvalLedger else { return }
        let now = ledger.context.policy(commit.id)
        let before = commit.parents.map { ledger.context.policy($0) }
        guard !before.contains(where: { $0.isSamePolicy(as: now) }) else { return }
        if case .refused = now, let reason = now.unusableReason {
            let location = now.unusableLocation
            report(
                .approvalPolicy, "the approval policy cannot be used: \(reason)", card: nil, commit: commit.id,
                hint: "remove or fix the line, in a commit approved under the policy in force",
                path: location.path, position: location.position)
        } else if case .invalid(let reason) = now {
            let error = ledger.context.configError(commit.id)
            let location = error?.location ?? ledger.context.policyChange(commit.id)?.location
            report(
                .approvalPolicy, "the approval policy cannot be used: \(error?.message ?? reason)", card: nil,
                commit: commit.id,
                hint: error?.hint
                    ?? "fix '.cardigan.yaml' or the allowed signers file it names, in a commit approved under the policy in force",
                path: location?.path ?? CardiganConfig.fileName, position: location?.position)
        }
        if let unreachable = now.judge?.unreachableFinding {
            report(
                unreachable.ruleID, unreachable.message, card: nil, commit: commit.id, hint: unreachable.hint,
                path: unreachable.location?.path, position: unreachable.location?.position)
        }
        guard let parent = commit.parents.first, let old = ledger.context.policy(parent).judge else { return }
        guard let change = ledger.context.policyChange(commit.id) else { return }
        for problem in change.problems(under: old) {
            report(
                problem.ruleID, problem.message, card: nil, commit: commit.id, hint: problem.hint,
                path: change.location.path, position: change.location.position)
        }
    }

    /// The approval rules for card `name` in `commit`: the approvals its record carries, and a move from
    /// `before` to `after` that reaches Approved without a new version. Most changes are
    /// neither, and cost two comparisons; `risk` is read only when needed.
    mutating func applyApprovals(
        _ name: String, before: CardState?, after: CardState?, record: CardRecord?, commit: CommitFacts,
        risk: @autoclosure () -> String?
    ) {
        guard approvalLedger != nil, let after, let digest = after.digest else { return }
        let approvals = record?.approvals ?? []
        let isMove =
            after.status == .approved && before.map { $0.status != .approved && $0.version == after.version } == true
        guard !approvals.isEmpty || isMove else { return }
        var subject = ApprovalSubject(card: name, version: after.version, digest: digest, risk: risk(), authors: [])
        var problems: [ApprovalProblem] = []
        if !approvals.isEmpty {
            // Mutated in place through the optional: a copy would copy every approval so far.
            subject.authors = after.versionCommit.map { approvalLedger?.context.authors($0) ?? [] } ?? []
            problems += approvalLedger?.note(approvals, for: subject, commit: commit.id) ?? []
        }
        if isMove, let problem = approvalLedger?.move(of: subject, commit: commit.id) {
            problems.append(problem)
        }
        for problem in problems {
            // A move short of approvals is located at the status that moved, as `status` and
            // the hooks locate it; the other problems are in the commit's trailers.
            let pointer = problem.ruleID == .approvalMissing ? "/status" : ""
            report(problem.ruleID, problem.message, card: name, commit: commit.id, pointer: pointer, hint: problem.hint)
        }
    }
}
