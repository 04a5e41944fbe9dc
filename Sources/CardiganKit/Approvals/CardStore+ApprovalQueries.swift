import Foundation

extension CardStore {
    /// The valid signed approvals of `version` of card `name` on the current branch, oldest
    /// first: each judged by the policy in force at the commit that records it, a second one by
    /// the same principal or key left out. What `show` and the exports name.
    public func approvals(of name: String, version: Int) throws -> [Approval] {
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch),
            let (record, made) = try versionCommit(of: name, version: version, head: head)
        else { return [] }
        let recorded = try recordedApprovals(of: name, version: version, head: head)
        guard !recorded.isEmpty else { return [] }
        let authors = try authorship(of: made)
        let root = try repository.blob(at: path(of: name), inCommit: made)
            .flatMap { SafeYAMLLoader.load(Data($0), path: path(of: name)).root }
        let risk = root?["intended_uses"]?["risk_rating"]?.stringValue
        // Approvals sign the digest in the current canonical form, as verify's ledger judges them.
        let subject = ApprovalSubject(
            card: name, version: version, digest: root.map { CardDigest.of($0) } ?? record.digest, risk: risk,
            authors: authors)
        let cache = PolicyCache()
        var valid: [Approval] = []
        for (approval, commit) in recorded {
            guard let policy = try policyState(at: commit, cache: cache).policy,
                ApprovalCheck.problems(of: approval, for: subject, under: policy).isEmpty,
                ApprovalCheck.duplicate(approval, of: subject, among: valid) == nil
            else { continue }
            valid.append(approval)
        }
        return valid
    }
}
