/// The state of one card as the history up to some commit has it.
struct CardState: Sendable {
    /// The current version; 0 for a card that exists but was never versioned.
    var version: Int
    /// The digest of the card file in the tree.
    var digest: String?
    /// Its digest in the legacy canonical form, when that differs.
    var legacyDigest: String? = nil
    /// The status in the tree.
    var status: CardStatus?
    /// The blob id of the card file in the tree.
    var blob: String
    /// `model_overview.model_name` as first versioned.
    var modelName: String?
    /// The commit of the current version.
    var versionCommit: String?
    /// The model package the card documents, once linked.
    var modelPackage: String?
    /// The digest of the card's `model_package_details` in the tree.
    var packageDetails: String?
}

extension CardState {
    /// The digest in `form`: what a record made in that form names.
    func digest(in form: CanonicalForm) -> String? { form == .legacy ? (legacyDigest ?? digest) : digest }
}

/// A version made on the branch: what `verify` expects a version tag to say.
struct VersionEvent: Sendable, Hashable {
    var card: String
    var version: Int
    var commit: String
    var digest: String
    var status: CardStatus
    var modelPackage: String?
}

/// What one commit holds that the rules look at.
struct CommitFacts: Sendable {
    var id: String
    var parents: [String]
    var records: [CardRecord]
    var trailerProblems: [String]
}

/// The history rules (records, versions, names, statuses and links; see ``RuleID``), applied commit by commit in topological order: each
/// commit's card files are compared with the state its parents left, and what changed must be
/// what its trailers record.
struct HistoryRules {
    let cardsDirectory: String
    private(set) var findings: [Finding] = []
    private(set) var versions: [VersionEvent] = []
    private(set) var links: [LinkEvent] = []
    /// Versions that say the registry refreshed their `model_package_details`: believed only
    /// when nothing else in the card changed, which the caller checks from the two blobs
    /// (``CardStore/checkRegistryRefreshes(_:)``).
    var registryRefreshes: [RegistryRefresh] = []
    /// `<card>@<commit>` of every record whose trailers contradict the commit's tree: no tag is
    /// ever made (or re-made by `--repair`) from such a record.
    var contradicted: Set<String> = []
    /// The approval rules' ledger so far; nil when approvals are not checked.
    var approvalLedger: ApprovalLedger?
    /// Every card that held each model name in any state so far: the cards a new card's model
    /// name is checked against, instead of every card of the state (10,000 new cards each
    /// compared with every card was a hundred million comparisons).
    private var modelNameHolders: [String: Set<String>] = [:]

    init(cardsDirectory: String) {
        self.cardsDirectory = cardsDirectory
    }

    /// Applies `commit` to `state` (what its parents left): `changes` maps each card file the
    /// commit added, changed or deleted (nil) to its blob; `snapshot` reads a blob.
    mutating func apply(
        _ commit: CommitFacts, to state: inout [String: CardState], changes: [String: String?],
        snapshot: (String) -> CardSnapshot
    ) {
        for problem in commit.trailerProblems {
            report(.recordMalformed, problem, card: nil, commit: commit.id)
        }
        applyPolicyChange(commit)
        var recordsByCard: [String: CardRecord] = [:]
        for record in commit.records {
            if recordsByCard[record.card] != nil {
                report(
                    .recordMalformed, "the trailers record card '\(record.card)' twice", card: record.card,
                    commit: commit.id)
            }
            recordsByCard[record.card] = record
        }
        let names = Set(changes.keys).union(recordsByCard.keys).sorted()
        for name in names {
            let record = recordsByCard[name]
            let before = state[name]
            defer {
                if let model = state[name]?.modelName { modelNameHolders[model, default: []].insert(name) }
                applyApprovals(
                    name, before: before, after: state[name], record: record, commit: commit,
                    risk: state[name].flatMap { snapshot($0.blob).riskRating })
            }
            let blob: String? = changes.keys.contains(name) ? changes[name] ?? nil : state[name]?.blob
            switch (state[name], blob) {
            case (nil, nil):
                report(
                    .recordMismatch, "the trailers record card '\(name)', but the commit has no such card",
                    card: name, commit: commit.id,
                    hint: Self.recordHint)
            case (let previous?, nil):
                if previous.version > 0 {
                    report(
                        .cardDeleted, "versioned card '\(name)' was deleted or renamed", card: name,
                        commit: commit.id,
                        hint: "a versioned card is never deleted; archive it with 'cardigan status \(name) Archived'")
                }
                state[name] = nil
            case (nil, let blob?):
                let card = snapshot(blob)
                if let model = card.modelName,
                    let owner = modelNameHolders[model]?.filter({ $0 != name && state[$0]?.modelName == model }).min()
                {
                    report(
                        .modelNameTaken,
                        "model name '\(model)' of '\(name)' is already documented by card '\(owner)'; one card per model",
                        card: name, commit: commit.id, pointer: "/model_overview/model_name",
                        hint:
                            "a new model version is a new model: give it its own model_name ('cardigan clone --model-name')"
                    )
                }
                state[name] = added(name, blob: blob, record: record, commit: commit, snapshot: card)
            case (let previous?, let blob?) where previous.blob == blob:
                if let record,
                    !(record.version == previous.version && record.digest == previous.digest(in: record.canonicalForm))
                {
                    contradicted.insert("\(name)@\(commit.id)")
                    report(
                        .recordMismatch,
                        "the trailers record version \(record.version) of '\(name)', but the card did not change",
                        card: name, commit: commit.id,
                        hint: Self.recordHint)
                } else if let record {
                    checkRecord(record, matches: snapshot(blob), commit: commit)
                }
            case (let previous?, let blob?):
                state[name] = changed(
                    name, from: previous, blob: blob, record: record, commit: commit, snapshot: snapshot(blob))
            }
        }
    }

    /// Notes the model names of `state`, a state the rules did not make (a pull request's base).
    mutating func noteModelNames(of state: [String: CardState]) {
        for (name, card) in state {
            if let model = card.modelName { modelNameHolders[model, default: []].insert(name) }
        }
    }

    /// The state a merge commit starts from: for each card, the parent state with the highest
    /// version; `tree` is the merge's own card files, which settle a tie.
    mutating func merge(_ parentStates: [[String: CardState]], commit: String, tree: [String: String]) -> [String:
        CardState]
    {
        guard var merged = parentStates.first else { return [:] }
        for other in parentStates.dropFirst() {
            for (name, theirs) in other {
                guard let ours = merged[name] else {
                    merged[name] = theirs
                    continue
                }
                if theirs.version > ours.version {
                    merged[name] = theirs
                } else if theirs.version == ours.version, theirs.versionCommit != ours.versionCommit, ours.version > 0 {
                    report(
                        .versionDuplicate,
                        "version \(ours.version) of '\(name)' was made twice, in \(short(ours.versionCommit)) and \(short(theirs.versionCommit))",
                        card: name, commit: commit,
                        hint: "the branches made the same version separately; make a new version after the merge")
                } else if theirs.version == ours.version, theirs.blob == tree[name] {
                    merged[name] = theirs  // same version: the merge kept their status change
                }
            }
        }
        return merged
    }

    private mutating func added(
        _ name: String, blob: String, record: CardRecord?, commit: CommitFacts, snapshot: CardSnapshot
    ) -> CardState {
        checkFile(name, snapshot: snapshot, commit: commit)
        guard let record else {
            report(
                .unversionedChange, "card '\(name)' was added without a version record", card: name,
                commit: commit.id,
                hint: "cards are added with 'cardigan commit', which records version 1")
            return CardState(
                version: 0, digest: snapshot.digest, legacyDigest: snapshot.legacyDigest, status: snapshot.status,
                blob: blob, modelName: snapshot.modelName)
        }
        if record.version != 1 {
            report(
                .versionSequence, "card '\(name)' starts at version \(record.version), not 1", card: name,
                commit: commit.id)
        }
        checkRecord(record, matches: snapshot, commit: commit)
        checkBirth(record, commit: commit)
        versions.append(event(record, commit: commit))
        noteLink(name, from: nil, to: snapshot.modelPackage, record: record, commit: commit)
        return CardState(
            version: record.version, digest: snapshot.digest, legacyDigest: snapshot.legacyDigest,
            status: snapshot.status, blob: blob,
            modelName: snapshot.modelName, versionCommit: commit.id, modelPackage: snapshot.modelPackage,
            packageDetails: snapshot.packageDetails)
    }

    private mutating func changed(
        _ name: String, from previous: CardState, blob: String, record: CardRecord?, commit: CommitFacts,
        snapshot: CardSnapshot
    ) -> CardState {
        checkFile(name, snapshot: snapshot, commit: commit)
        var next = previous
        next.blob = blob
        next.digest = snapshot.digest
        next.legacyDigest = snapshot.legacyDigest
        next.status = snapshot.status
        next.packageDetails = snapshot.packageDetails
        let moves = transitions(of: name)
        report(moves.modelNameChange(from: previous.modelName, to: snapshot.modelName), commit: commit.id)
        // A record made in the legacy form judged the change in that form.
        let form = record?.canonicalForm ?? .rfc8785
        if snapshot.digest(in: form) != previous.digest(in: form) {
            report(moves.contentChange(after: previous.status), commit: commit.id)
            guard let record, record.change == .version else {
                report(
                    .unversionedChange,
                    "card '\(name)' changed without a new version (still version \(previous.version))",
                    card: name, commit: commit.id,
                    hint: "change cards with 'cardigan commit', or install the hooks ('cardigan hook install')")
                return next
            }
            if record.version != previous.version + 1 {
                report(
                    .versionSequence,
                    "the trailers record version \(record.version) of '\(name)', but the next version is \(previous.version + 1)",
                    card: name, commit: commit.id)
            }
            checkRecord(record, matches: snapshot, commit: commit)
            checkBirth(record, commit: commit)
            checkPackageDetails(name, from: previous, to: snapshot, blob: blob, record: record, commit: commit)
            versions.append(event(record, commit: commit))
            noteLink(name, from: previous.modelPackage, to: snapshot.modelPackage, record: record, commit: commit)
            next.modelPackage = snapshot.modelPackage ?? previous.modelPackage
            next.version = record.version
            next.versionCommit = commit.id
            if next.modelName == nil { next.modelName = snapshot.modelName }
        } else if snapshot.status != previous.status {
            if let from = previous.status, let to = snapshot.status {
                report(moves.statusChange(from: from, to: to), commit: commit.id)
            }
            if let record {
                checkRecord(record, matches: snapshot, commit: commit)
                if record.version != previous.version {
                    report(
                        .versionSequence,
                        "a status change of '\(name)' records version \(record.version), not \(previous.version)",
                        card: name, commit: commit.id)
                }
            } else {
                report(
                    .unversionedChange,
                    "status of '\(name)' changed from \(previous.status?.rawValue ?? "none") to \(snapshot.status?.rawValue ?? "none") without a status record",
                    card: name, commit: commit.id, hint: "change a status with 'cardigan status \(name) <status>'")
            }
        } else if let record {
            checkRecord(record, matches: snapshot, commit: commit)
        }
        return next
    }

    /// `link-changed`: a card links one model package version, once; the version that first names it
    /// is the link, which a `model-packages/` tag must record.
    private mutating func noteLink(
        _ name: String, from old: String?, to new: String?, record: CardRecord, commit: CommitFacts
    ) {
        guard let new, new != old else {
            if old != nil, new == nil {
                report(
                    .linkChanged, "card '\(name)' no longer names its model package '\(old ?? "")'", card: name,
                    commit: commit.id, pointer: "")
            }
            return
        }
        if let old {
            report(
                .linkChanged, "card '\(name)' changed its model package from '\(old)' to '\(new)'", card: name,
                commit: commit.id, pointer: "/model_package_details/model_package_version",
                hint: "a card documents one model version; clone it for the next one")
            return
        }
        links.append(LinkEvent(package: new, card: name, version: record.version, commit: commit.id))
    }

    private mutating func checkFile(_ name: String, snapshot: CardSnapshot, commit: CommitFacts) {
        report(
            transitions(of: name).approval(status: snapshot.status, packageApproval: snapshot.packageApproval),
            commit: commit.id)
        if let problem = snapshot.problem {
            report(.invalidCard, "card '\(name)' is not valid: \(problem)", card: name, commit: commit.id)
        }
        if let fileName = snapshot.name, fileName != name {
            report(
                .nameChanged, "card file '\(name)' says name '\(fileName)'", card: name, commit: commit.id,
                pointer: "/name", hint: "a card's name is its file name and never changes")
        }
    }

    private mutating func checkBirth(_ record: CardRecord, commit: CommitFacts) {
        report(transitions(of: record.card).birth(version: record.version, status: record.status), commit: commit.id)
    }

    /// The transition checks of card `name`, shared with `commit` and the hooks.
    private func transitions(of name: String) -> CardTransitions {
        CardTransitions(card: name, path: CardPaths.path(of: name, in: cardsDirectory))
    }

    /// Records `finding`, when there is one, as found in `commit`.
    private mutating func report(_ finding: Finding?, commit: String?) {
        guard var finding else { return }
        finding.commit = commit
        findings.append(finding)
    }

    private func event(_ record: CardRecord, commit: CommitFacts) -> VersionEvent {
        VersionEvent(
            card: record.card, version: record.version, commit: commit.id, digest: record.digest, status: record.status,
            modelPackage: record.modelPackage)
    }

    private func short(_ id: String?) -> String { id.map { String($0.prefix(12)) } ?? "?" }

    /// Records a finding. `pointer` names the field the rule is about, so that `check` can
    /// place it on its line in the pull request's version of the card; `position` places a
    /// finding about a file that is no card (`path`) on its line.
    mutating func report(
        _ rule: RuleID, _ message: String, card: String?, commit: String?, pointer: String = "", hint: String? = nil,
        path: String? = nil, position: SourcePosition? = nil
    ) {
        findings.append(
            Finding(
                ruleID: rule, message: message,
                location: card.map { Location(path: CardPaths.path(of: $0, in: cardsDirectory), pointer: pointer) }
                    ?? path.map { Location(path: $0, position: position) },
                hint: hint, commit: commit))
    }
}
