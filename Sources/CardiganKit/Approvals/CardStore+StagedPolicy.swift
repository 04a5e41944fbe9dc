import Foundation

extension CardStore {
    /// The approval policy a `git commit` would bring in, refused by the pre-commit hook before
    /// it is committed, as `verify` would report it after (`approval-policy`): when the index's
    /// `.cardigan.yaml` or the signers file it names differs from the head's, settings that
    /// cannot be read, a signers file that is not staged or has a refused line, and a rule that
    /// no signers can meet are each refused where they are written. The first policy too: it is
    /// trusted as committed only when it can be used.
    ///
    /// Unchanged files are known by their ids (the index's entry against the head's tree), so a
    /// commit that leaves the policy alone reads only the small `.cardigan.yaml` blob.
    func stagedPolicyFindings(in index: StagedIndex, head: ObjectID?) throws -> [Finding] {
        guard let configID = index.entryID(CardiganConfig.fileName) else { return [] }
        let committed = { (path: String) in try head.flatMap { try self.repository.blobID(at: path, inCommit: $0) } }
        let configChanged = try committed(CardiganConfig.fileName) != configID
        let settings: ApprovalSettings
        do {
            let config = try repository.readBlob(configID)
            guard let approval = try CardiganConfig.parse(Data(config), path: CardiganConfig.fileName).approval
            else { return [] }
            settings = approval
        } catch let error as CardiganError {
            guard configChanged else { return [] }
            return [
                Finding(
                    ruleID: error.ruleID ?? .approvalPolicy, message: error.message, location: error.location,
                    hint: error.hint)
            ]
        }
        let signersID = index.entryID(settings.signersPath)
        guard try configChanged || committed(settings.signersPath) != signersID else { return [] }
        guard let signersID else {
            return [
                Finding(
                    ruleID: .approvalPolicy,
                    message:
                        "the allowed signers file '\(settings.signersPath)' that the approval policy names is not staged",
                    location: Location(path: CardiganConfig.fileName),
                    hint: "add it: git add \(settings.signersPath)")
            ]
        }
        let signers = try repository.readBlob(signersID)
        let allowed = AllowedSigners(text: String(decoding: signers, as: UTF8.self))
        guard allowed.problems.isEmpty else {
            return allowed.problemFindings(
                at: settings.signersPath, message: { "the approval policy cannot be used: \($0)" },
                hint: "remove or fix the line")
        }
        let policy = ApprovalPolicy(settings: settings, signers: allowed, identity: "")
        return policy.unreachableFinding.map { [$0] } ?? []
    }
}
