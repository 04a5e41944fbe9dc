import Foundation

/// Policies read so far, by the object ids of `.cardigan.yaml` and the signers file: a
/// history of 1,000 approvals under one policy parses it once.
final class PolicyCache {
    /// Parsed `.cardigan.yaml` files by blob id.
    var byConfig: [String: Result<CardiganConfig, CardiganError>] = [:]
    /// Policies by the blob ids of their two files.
    var byIdentity: [String: PolicyState] = [:]
    /// Policies by commit id.
    var byCommit: [String: PolicyState] = [:]
    /// Who authored a commit (emails and signing keys), by commit id.
    var authors: [String: [String]] = [:]
}

extension CardStore {
    /// The approval policy in force at `commit`: the `approval:` section of the commit's own
    /// `.cardigan.yaml` and the allowed signers file it names, as the commit holds them.
    func policyState(at commit: ObjectID, cache: PolicyCache = PolicyCache()) throws -> PolicyState {
        guard let configID = try repository.blobID(at: CardiganConfig.fileName, inCommit: commit) else { return .none }
        let config: CardiganConfig
        if let known = cache.byConfig[configID.hex] {
            switch known {
            case .success(let value): config = value
            case .failure(let error): return .invalid(Self.reason(error))
            }
        } else {
            do {
                config = try CardiganConfig.parse(
                    Data(try repository.readBlob(configID)), path: CardiganConfig.fileName)
                cache.byConfig[configID.hex] = .success(config)
            } catch let error as CardiganError {
                cache.byConfig[configID.hex] = .failure(error)
                return .invalid(Self.reason(error))
            }
        }
        guard let settings = config.approval else { return .none }
        guard let signersID = try repository.blobID(at: settings.signersPath, inCommit: commit) else {
            return .invalid("the allowed signers file '\(settings.signersPath)' it names is not in the commit")
        }
        let identity = configID.hex + " " + signersID.hex
        if let known = cache.byIdentity[identity] { return known }
        let signers = AllowedSigners(text: String(decoding: try repository.readBlob(signersID), as: UTF8.self))
        let state: PolicyState
        if let problem = signers.problems.first {
            state = .refused(
                ApprovalPolicy(settings: settings, signers: signers, identity: identity), line: problem.line,
                message: problem.message)
        } else {
            state = .active(ApprovalPolicy(settings: settings, signers: signers, identity: identity))
        }
        cache.byIdentity[identity] = state
        return state
    }

    /// `error` as the reason a policy cannot be used, without its rule id: the finding or error
    /// that carries the reason names the rule itself.
    static func reason(_ error: CardiganError) -> String {
        var plain = error
        plain.ruleID = nil
        return plain.description
    }

    /// The approval rules' ledger for a walk of the history; approvals recorded before the walk are read
    /// from `base` (a pull request's base), none for a whole history.
    func approvalLedger(base: ObjectID?) -> ApprovalLedger {
        let cache = PolicyCache()
        return ApprovalLedger(
            context: ApprovalContext(
                policy: { commit in
                    if let known = cache.byCommit[commit] { return known }
                    guard let id = ObjectID(hex: commit) else { return .none }
                    let state: PolicyState
                    do {
                        state = try self.policyState(at: id, cache: cache)
                    } catch {
                        state = .invalid("the commit cannot be read: \(error)")
                    }
                    cache.byCommit[commit] = state
                    return state
                },
                policyChange: { commit in
                    guard let id = ObjectID(hex: commit) else { return nil }
                    return try? self.policyChange(at: id)
                },
                authors: { commit in
                    if let known = cache.authors[commit] { return known }
                    let found = ObjectID(hex: commit).flatMap { try? self.authorship(of: $0) } ?? []
                    cache.authors[commit] = found
                    return found
                },
                earlier: { card, version in
                    guard let base else { return [] }
                    return ((try? self.recordedApprovals(of: card, version: version, head: base)) ?? []).map {
                        ($0.approval, $0.commit.hex)
                    }
                },
                configError: { commit in
                    // Read by `policy` first, which keeps each configuration's parse by its blob.
                    guard let id = ObjectID(hex: commit),
                        let config = try? self.repository.blobID(at: CardiganConfig.fileName, inCommit: id),
                        case .failure(let error)? = cache.byConfig[config.hex]
                    else { return nil }
                    return error
                }))
    }

    /// Who authored `commit`, for four eyes: the author's email and, when the commit carries a
    /// valid SSH signature (git's `gpgsig`), the signing key's fingerprint.
    func authorship(of commit: ObjectID) throws -> [String] {
        var authors = [try repository.commit(commit).author.email]
        if let signed = try repository.commitSignature(commit),
            let signature = try? SSHSignature(armored: signed.signature),
            signature.isValid(for: Array(signed.signedData.utf8), namespace: "git")
        {
            authors.append(signature.publicKey.fingerprint)
        }
        return authors
    }

    /// The facts of the policy change `commit` makes: the digests of its policy files and the
    /// `Policy-Approval:` trailers it carries.
    func policyChange(at commit: ObjectID) throws -> PolicyChange {
        let info = try repository.commit(commit)
        let approvals = try repository.trailers(of: info.message).filter { $0.key == PolicyChange.trailerKey }
            .compactMap { Approval(trailerValue: $0.value) }
        let digests = try policyDigests { try repository.blob(at: $0, inCommit: commit) }
        var change = PolicyChange(
            configDigest: digests.config, signersDigest: digests.signers, approvals: approvals,
            author: info.author.email)
        change.location = (try? policyChangeLocation(at: commit)) ?? change.location
        return change
    }

    /// `sha256:` digests of `.cardigan.yaml` and the signers file it names, read with `read`
    /// (a commit's tree, or the working tree); `none` for a file that is not there.
    func policyDigests(_ read: (String) throws -> [UInt8]?) throws -> (config: String, signers: String) {
        guard let config = try read(CardiganConfig.fileName) else { return ("none", "none") }
        let digest = { (bytes: [UInt8]) in "sha256:" + CardDigest.sha256Hex(Data(bytes)) }
        let settings = (try? CardiganConfig.parse(Data(config), path: CardiganConfig.fileName))?.approval
        let signers = try settings.flatMap { try read($0.signersPath) }
        return (digest(config), signers.map(digest) ?? "none")
    }

    /// The approvals of `version` of card `name` recorded from its version commit up to `head`,
    /// oldest first, each with its commit: read along first parents back to the version commit.
    func recordedApprovals(of name: String, version: Int, head: ObjectID) throws -> [(
        approval: Approval, commit: ObjectID
    )] {
        var found: [(approval: Approval, commit: ObjectID)] = []
        var current: ObjectID? = head
        while let id = current {
            let commit = try repository.commit(id)
            let records = try lookup.records(in: commit, of: name)
            for record in records.reversed() where record.version == version {
                found += record.approvals.reversed().map { ($0, id) }
            }
            if records.contains(where: { $0.version < version || ($0.version == version && $0.change == .version) }) {
                break
            }
            current = commit.parents.first
        }
        return found.reversed()
    }
}

extension CardStore {
    /// What stops `commit`, `status` and the hooks from recording `record` of a card of risk
    /// `risk`: when a rule of the approval policy covers the card, a move to Approved is made by
    /// `cardigan approve` alone, with its signatures.
    func approvalGate(_ record: CardRecord, previous: CardRecord?, head: ObjectID?, risk: String?) throws
        -> [Finding]
    {
        guard record.status == .approved, record.change == .status, previous?.status != .approved, let head,
            case .active(let policy) = try policyState(at: head),
            let rule = policy.settings.rule(for: record.card, risk: risk)
        else { return [] }
        return [
            Finding(
                ruleID: .approvalMissing,
                message:
                    "version \(record.version) of '\(record.card)' cannot move to Approved without signed approvals (the policy in .cardigan.yaml)",
                location: Location(path: path(of: record.card), pointer: "/status"),
                hint:
                    "\(Counted.text(rule.approvers, "approver")) \(rule.approvers == 1 ? "runs" : "each run") 'cardigan approve \(record.card)'; the last approval moves it to Approved"
            )
        ]
    }
}
