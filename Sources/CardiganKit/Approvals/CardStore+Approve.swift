import Foundation

extension CardStore {
    /// `cardigan approve <name>`: a signed approval of the card's latest version, which must be
    /// PendingReview. The statement (card, version, digest, status Approved, principal, date) is
    /// signed with `signer` in the namespace ``Approval/namespace`` and recorded in a commit on
    /// the current branch; when the policy's threshold is reached, that commit moves the card to
    /// Approved. An approval the policy would refuse (a key it does not allow, a principal the
    /// rule does not name, the version's own author, a second approval by one principal, a
    /// policy whose own change was not approved) is refused before anything is signed or written.
    public func approve(_ name: String, message: String?, signer: SSHSigner, principal chosen: String?) throws
        -> CommitResult
    {
        if let problem = CardName.problem(with: name) { throw CardiganError(problem) }
        try requireWorkingTree()
        let lock = try CommitLock(gitDirectory: repository.gitDirectory)
        defer { withExtendedLifetime(lock) {} }
        let path = path(of: name)
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch),
            let committed = try repository.blob(at: path, inCommit: head),
            let last = try lookup.lastRecord(of: name, head: head)?.record
        else {
            throw CardiganError("card '\(name)' has no committed version", hint: "commit it first")
        }
        let state = try policyState(at: head)
        if let reason = state.unusableReason {
            throw Self.unusablePolicy(reason, at: head, location: state.unusableLocation)
        }
        guard case .active(let policy) = state else {
            throw CardiganError(
                "the repository has no approval policy at \(head.short)",
                location: Location(path: CardiganConfig.fileName),
                hint:
                    "add an 'approval:' section to .cardigan.yaml (see README, Approvals), or use 'cardigan status \(name) Approved'"
            )
        }
        // A policy that came in without the approvals of the one before it approves nothing.
        if let unapproved = try unapprovedPolicyChange(head: head) { return CommitResult(findings: [unapproved]) }
        let absolute = workspace.rootPath + "/" + path
        guard CardFileReader.contents(absolute) == committed else {
            return CommitResult(findings: [
                Finding(
                    ruleID: .uncommittedEdits, message: "card '\(name)' has uncommitted changes",
                    location: Location(path: path),
                    hint: "an approval is of a committed version; commit or restore the file first")
            ])
        }
        guard last.status == .pendingReview else {
            throw CardiganError(
                "version \(last.version) of '\(name)' is \(last.status.rawValue), not PendingReview",
                hint: last.status == .draft
                    ? "move it to review first: 'cardigan status \(name) PendingReview'"
                    : "only a version in review is approved")
        }
        guard let root = SafeYAMLLoader.load(Data(committed), path: path).root else {
            throw CardiganError("card '\(name)' on the branch is not readable", location: Location(path: path))
        }
        let risk = root["intended_uses"]?["risk_rating"]?.stringValue
        // A rule its signers can never meet (a first policy committed past the hook) approves
        // nothing: no signature is collected towards a threshold it cannot reach.
        if let rule = policy.settings.rule(for: name, risk: risk), let unreachable = policy.unreachableFinding(of: rule)
        {
            throw CardiganError(
                "the approval policy at \(head.short) cannot be used: \(unreachable.message)",
                location: unreachable.location, hint: unreachable.hint, ruleID: .approvalPolicy)
        }
        // The digest in the current canonical form (RFC 8785), as verify's ledger judges it,
        // whatever form the version's record was written in.
        let digest = CardDigest.of(root)
        var authors: [String] = []
        if let (_, made) = try versionCommit(of: name, version: last.version, head: head) {
            authors = try authorship(of: made)
        }
        let subject = ApprovalSubject(
            card: name, version: last.version, digest: digest, risk: risk, authors: authors)
        // A key the policy does not list is a refusal under the approval rules, like every other one.
        guard
            !policy.signers.principalPatterns(for: signer.publicKey, namespace: Approval.namespace, date: Date())
                .isEmpty
        else {
            return CommitResult(findings: [Self.unlistedKey(signer.publicKey, policy: policy, card: name)])
        }
        let principal = try choosePrincipal(chosen, key: signer.publicKey, policy: policy)

        let date = Approval.dateText()
        let statement = Approval.statement(
            card: name, version: last.version, digest: digest, principal: principal, date: date)
        let signature = try signer.sign(Array(statement.utf8), namespace: Approval.namespace)
        let approval = Approval(
            principal: principal, fingerprint: signature.publicKey.fingerprint, date: date,
            signature: signature.base64)

        var ledger = approvalLedger(base: head)
        if let problem = ledger.note([approval], for: subject, commit: head.hex).first {
            return CommitResult(findings: [finding(problem, card: name)])
        }
        var record = last
        record.approvals = [approval]
        var plan = CommitPlan()
        if ledger.move(of: subject, commit: head.hex) == nil {
            record.status = .approved
            record.change = .status
            plan.files[path] = Array(
                StatusEditor.setStatus(.approved, in: String(decoding: committed, as: UTF8.self), root: root).utf8)
        } else {
            record.change = .approval
            let rule = policy.settings.rule(for: name, risk: risk)
            let count = try recordedApprovals(of: name, version: last.version, head: head).count + 1
            plan.notes.append(
                "\(count) of \(rule?.approvers ?? 1) approvals; '\(name)' stays PendingReview until the rest approve")
        }
        plan.records = [record]
        let text = message ?? "Approve \(name) v\(last.version) (\(principal))"
        return try write(plan, branch: branch, head: head, message: text)
    }

    /// The principal to approve as: `chosen` when given, else the git identity's email, else the
    /// only principal the signers file names for the key; refused when the policy would not
    /// accept it.
    private func choosePrincipal(_ chosen: String?, key: SSHPublicKey, policy: ApprovalPolicy) throws -> String {
        let patterns = policy.signers.principalPatterns(for: key, namespace: Approval.namespace, date: Date())
        let named = patterns.filter { !$0.hasPrefix("!") && !$0.contains("*") && !$0.contains("?") }
        guard !patterns.isEmpty else {
            let refusal = Self.unlistedKey(key, policy: policy, card: nil)
            throw CardiganError(
                refusal.message, location: refusal.location, hint: refusal.hint, ruleID: refusal.ruleID)
        }
        let email = try? signature(.author).email
        let principal =
            chosen ?? email.flatMap { email in named.first { $0.lowercased() == email.lowercased() } }
            ?? (named.count == 1 ? named.first : nil)
        guard let principal, !principal.contains(" ") else {
            throw CardiganError(
                "key \(key.fingerprint) signs for \(named.map { "'\($0)'" }.joined(separator: ", ")); say which with --principal"
            )
        }
        return principal
    }

    /// `cardigan approve --policy`: a signed approval of the policy files in the working tree
    /// (`.cardigan.yaml` and the allowed signers file it names) by a signer of the policy in
    /// force at the branch head. Returns the `Policy-Approval:` trailer for the commit that
    /// makes the change; nothing is committed. An approval verify would refuse as the change's
    /// own author's (the identity git commits with here) is refused before anything is signed.
    public func approvePolicy(signer: SSHSigner, principal chosen: String?) throws -> PolicyApprovalResult {
        try requireWorkingTree()
        let branch = try currentBranch()
        let head = try repository.resolve(branch)
        let state = try head.map { try policyState(at: $0) }
        // A refused signers line at the head allows nothing; its usable lines judge the change
        // (the one that fixes the line, too). Any other unusable policy approves nothing.
        if let head, let state, state.judge == nil, let reason = state.unusableReason {
            throw Self.unusablePolicy(reason, at: head, location: state.unusableLocation)
        }
        guard let head, let old = state?.judge else {
            throw CardiganError(
                "no approval policy is in force at the branch head: the first policy is trusted as committed",
                hint: "commit it; 'cardigan checkpoint' then pins it with the history")
        }
        let new = try policyDigests { path in
            FileManager.default.contents(atPath: workspace.rootPath + "/" + path).map { [UInt8]($0) }
        }
        let committed = try policyDigests { try repository.blob(at: $0, inCommit: head) }
        guard new != committed else {
            throw CardiganError(
                "the policy files in the working tree are the ones at \(head.short); there is no change to approve",
                hint: "edit '.cardigan.yaml' or '\(old.settings.signersPath)' first")
        }
        let refused = try workingTreePolicyRefusals()
        if !refused.isEmpty { return PolicyApprovalResult(findings: refused) }
        let principal = try choosePrincipal(chosen, key: signer.publicKey, policy: old)
        if let author = try? signature(.author).email,
            let problem = PolicyChange.selfApproval(
                principal: principal, fingerprint: signer.publicKey.fingerprint, author: author)
        {
            return PolicyApprovalResult(findings: [
                Finding(
                    ruleID: problem.ruleID, message: problem.message,
                    location: Location(path: CardiganConfig.fileName), hint: problem.hint)
            ])
        }
        let date = Approval.dateText()
        let statement = PolicyChange.statement(
            configDigest: new.config, signersDigest: new.signers, principal: principal, date: date)
        let signature = try signer.sign(Array(statement.utf8), namespace: Approval.namespace)
        let approval = Approval(
            principal: principal, fingerprint: signature.publicKey.fingerprint, date: date,
            signature: signature.base64)
        return PolicyApprovalResult(trailer: PolicyChange.trailerKey + ": " + approval.trailerValue)
    }

    /// The refusal of `key`, which may not sign approvals now: the signers file's line for it
    /// and why (expired, not valid yet, another namespace), else that the file does not list it.
    static func unlistedKey(_ key: SSHPublicKey, policy: ApprovalPolicy, card: String?) -> Finding {
        let file = policy.settings.signersPath
        let what = card.map { " '\($0)'" } ?? ""
        guard let (entry, reason) = policy.signers.refusal(of: key, namespace: Approval.namespace, date: Date())
        else {
            return Finding(
                ruleID: .approvalKey,
                message: "key \(key.fingerprint) is not in '\(file)' for approvals: it cannot approve\(what)",
                location: Location(path: file),
                hint: "an allowed signer adds it there, in a commit approved under the policy in force")
        }
        let principals = entry.principals.map { "'\($0)'" }.joined(separator: ", ")
        return Finding(
            ruleID: .approvalKey,
            message: "key \(key.fingerprint) of \(principals) \(reason): it cannot approve\(what)",
            location: Location(path: file, position: SourcePosition(line: entry.line, column: 1)),
            hint:
                "a new line for the key (or a new key) is added to '\(file)' in a commit approved under the policy in force"
        )
    }

    /// The error of an approval policy that cannot be used at `head`, with the reason, under the
    /// rule `verify` reports it with.
    static func unusablePolicy(
        _ reason: String, at head: ObjectID, location: Location = Location(path: CardiganConfig.fileName)
    ) -> CardiganError {
        CardiganError(
            "the approval policy at \(head.short) cannot be used: \(reason)",
            location: location,
            hint: "fix '.cardigan.yaml' or the allowed signers file it names, in a commit approved under the policy",
            ruleID: .approvalPolicy)
    }

    /// `problem` as a finding on card `name`.
    func finding(_ problem: ApprovalProblem, card name: String) -> Finding {
        Finding(
            ruleID: problem.ruleID, message: problem.message, location: Location(path: path(of: name)),
            hint: problem.hint)
    }
}

extension CardStore {
    /// The key to sign with: `keyFile` when given, else git's `user.signingkey` under
    /// `gpg.format=ssh` (a key file, or `key::<public key>` whose private half is in ssh-agent).
    public func approvalSigner(keyFile: String?) throws -> SSHSigner {
        if let keyFile { return try SSHSigner(keyFile: keyFile) }
        let format = try repository.configString("gpg.format")
        guard let value = try repository.configString("user.signingkey"), format == "ssh" else {
            throw CardiganError(
                format != nil && format != "ssh"
                    ? "git signs with '\(format ?? "")' (gpg.format); approvals are SSH signatures"
                    : "no SSH signing key: git's user.signingkey is not set with gpg.format=ssh",
                hint:
                    "git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519.pub, or pass --key <file>"
            )
        }
        return try SSHSigner.fromGitSetting(value, home: environment["HOME"])
    }
}

extension CardStore {
    /// Why the policy files in the working tree cannot be approved, as `verify` would report
    /// the commit that brings them: every refused line of the signers file, else a rule that
    /// the signers it lists can never meet. Empty when the new policy can be used (or is not
    /// there: the comparison with the head reports that).
    func workingTreePolicyRefusals() throws -> [Finding] {
        let read = { (path: String) in FileManager.default.contents(atPath: self.workspace.rootPath + "/" + path) }
        guard let config = read(CardiganConfig.fileName),
            let settings = (try? CardiganConfig.parse(config, path: CardiganConfig.fileName))?.approval,
            let bytes = read(settings.signersPath)
        else { return [] }
        let signers = AllowedSigners(text: String(decoding: bytes, as: UTF8.self))
        guard signers.problems.isEmpty else {
            return signers.problemFindings(
                at: settings.signersPath,
                message: { "the new approval policy cannot be used: \($0); it is not approved" },
                hint: "remove or fix the line, then run 'cardigan approve --policy' again")
        }
        guard var unreachable = ApprovalPolicy(settings: settings, signers: signers, identity: "").unreachableFinding
        else { return [] }
        unreachable.message += "; it is not approved"
        unreachable.hint = unreachable.hint.map { $0 + ", then run 'cardigan approve --policy' again" }
        return [unreachable]
    }
}
