import Foundation

extension CardStore {
    /// The valid signed approvals of `version` of card `name` on the current branch, oldest
    /// first: each judged by the policy in force at the commit that records it, a second one by
    /// the same principal or key left out. What `show` and the exports name.
    public func approvals(of name: String, version: Int) throws -> [Approval] {
        try signedApprovals(of: name, version: version)?.approvals ?? []
    }

    /// As ``approvals(of:version:)``, with the digest the approvals' statements sign (what
    /// `show --format json` names); nil when the version is not on the current branch.
    public func signedApprovals(of name: String, version: Int) throws -> VersionApprovals? {
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch),
            let (record, made) = try versionCommit(of: name, version: version, head: head)
        else { return nil }
        let root = try repository.blob(at: path(of: name), inCommit: made)
            .flatMap { SafeYAMLLoader.load(Data($0), path: path(of: name)).root }
        // Approvals sign the digest in the current canonical form, as verify's ledger judges them.
        let digest = root.map { CardDigest.of($0) } ?? record.digest
        let recorded = try recordedApprovals(of: name, version: version, head: head)
        guard !recorded.isEmpty else {
            return VersionApprovals(card: name, version: version, digest: digest, approvals: [])
        }
        let authors = try authorship(of: made)
        let risk = root?["intended_uses"]?["risk_rating"]?.stringValue
        let subject = ApprovalSubject(card: name, version: version, digest: digest, risk: risk, authors: authors)
        let cache = PolicyCache()
        var valid: [Approval] = []
        for (approval, commit) in recorded {
            guard let policy = try policyState(at: commit, cache: cache).policy,
                ApprovalCheck.problems(of: approval, for: subject, under: policy).isEmpty,
                ApprovalCheck.duplicate(approval, of: subject, among: valid) == nil
            else { continue }
            valid.append(approval)
        }
        return VersionApprovals(card: name, version: version, digest: subject.digest, approvals: valid)
    }
}
