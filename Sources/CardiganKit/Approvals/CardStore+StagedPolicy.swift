import Foundation

extension CardStore {
    /// The approval policy a `git commit` would bring in, refused by the pre-commit hook before
    /// it is committed, as `verify` would report it after (`approval-policy`): when the index's
    /// `.cardigan.yaml` or the signers file it names differs from the head's, settings that
    /// cannot be read, a signers file that is not staged or has a refused line, and a rule that
    /// no signers can meet are each refused where they are written. The first policy too: it is
    /// trusted as committed only when it can be used.
    func stagedPolicyFindings(indexFile: String?) throws -> [Finding] {
        let head = try repository.resolve(try currentBranch())
        let staged = { (path: String) in try self.repository.indexBlob(for: path, indexFile: indexFile) }
        let committed = { (path: String) in try head.flatMap { try self.repository.blob(at: path, inCommit: $0) } }
        guard let config = try staged(CardiganConfig.fileName) else { return [] }
        let settings: ApprovalSettings
        do {
            guard let approval = try CardiganConfig.parse(Data(config), path: CardiganConfig.fileName).approval
            else { return [] }
            settings = approval
        } catch let error as CardiganError {
            guard try committed(CardiganConfig.fileName) != config else { return [] }
            return [
                Finding(
                    ruleID: error.ruleID ?? .approvalPolicy, message: error.message, location: error.location,
                    hint: error.hint)
            ]
        }
        let signers = try staged(settings.signersPath)
        guard try committed(CardiganConfig.fileName) != config || committed(settings.signersPath) != signers else {
            return []
        }
        guard let signers else {
            return [
                Finding(
                    ruleID: .approvalPolicy,
                    message:
                        "the allowed signers file '\(settings.signersPath)' that the approval policy names is not staged",
                    location: Location(path: CardiganConfig.fileName),
                    hint: "add it: git add \(settings.signersPath)")
            ]
        }
        let allowed = AllowedSigners(text: String(decoding: signers, as: UTF8.self))
        if let problem = allowed.problems.first {
            return [
                Finding(
                    ruleID: .approvalPolicy, message: "the approval policy cannot be used: \(problem.message)",
                    location: Location(
                        path: settings.signersPath, position: SourcePosition(line: problem.line, column: 1)),
                    hint: "remove or fix the line")
            ]
        }
        let policy = ApprovalPolicy(settings: settings, signers: allowed, identity: "")
        return policy.unreachableFinding.map { [$0] } ?? []
    }
}
