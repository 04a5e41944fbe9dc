import Foundation

/// Decides what committing some cards records, before anything is written: per changed card a
/// version, status or format record whose move ``CardTransitions`` checks, its link and
/// `model_package_details` checks, the approval gate, and one card per `model_name`. `commit`
/// plans from the working tree, the hooks from the index; the result is a ``CommitPlan``.
struct CommitPlanner {
    /// What one card's change records: the record (nil when nothing is recorded), the bytes to
    /// commit when they differ from the file's, and what stops or accompanies it.
    struct Decision {
        /// The record, nil when the change is refused or is no change.
        var record: CardRecord?
        /// The bytes to commit instead of the file's (a status rewritten to Draft).
        var bytes: [UInt8]?
        /// What stops the commit.
        var findings: [Finding] = []
        /// What the user should know.
        var notes: [String] = []
    }

    /// The card repository: context only.
    let store: CardStore
    /// The head of the branch the commit goes on; nil on a branch without commits.
    let head: ObjectID?
    /// The link that `link` or `clone` is making, the one change of `model_package_details`
    /// allowed on a versioned card.
    var linking: LinkIntent? = nil
    /// Per card, who wrote its `model_package_details` in this commit (the trailer
    /// `Package-Details-Source` of a new version).
    var detailsSource: [String: String] = [:]
    /// Whether a new version's Approved status is rewritten to Draft in the committed bytes
    /// (`commit`), rather than refused (the hooks, which commit the index as it is). It also
    /// says the validator is the branch's schema, the one of the commit's own tree.
    var canRewrite: Bool
    /// The groups the link tags name, listed once for this plan: another process may link
    /// between two attempts of a commit, and each attempt plans anew.
    let linkedGroups: LinkedGroups

    /// A planner for a commit on `head`.
    init(
        store: CardStore, head: ObjectID?, linking: LinkIntent? = nil, detailsSource: [String: String] = [:],
        canRewrite: Bool
    ) {
        self.store = store
        self.head = head
        self.linking = linking
        self.detailsSource = detailsSource
        self.canRewrite = canRewrite
        linkedGroups = LinkedGroups(repository: store.repository)
    }

    /// What committing `candidates` would record, reading each card's new bytes from `content`
    /// (nil: no such file). `named`: the user named the cards, so a card that exists nowhere is
    /// an error rather than no change.
    func plan(candidates: [String], named: Bool, content: (String) -> [UInt8]?) throws -> CommitPlan {
        var plan = CommitPlan()
        let validator = try store.commitValidator(head: head, fromTree: canRewrite, notes: &plan.notes)
        var newCards: [(name: String, root: ValueNode, path: String)] = []
        var roots: [String: ValueNode] = [:]
        let readers = BlobReaders(gitDirectory: store.repository.gitDirectory)
        var start = 0
        while start < candidates.count {
            // A chunk at a time: its files and blob ids are read in order, its committed blobs
            // read and its cards parsed and checked on every core, then decided in order; only
            // one chunk's trees are held at once.
            let chunk = candidates[start..<min(start + Self.chunkSize, candidates.count)]
            start = chunk.endIndex
            var inputs: [PreparedCard.Input] = []
            for name in chunk {
                let path = store.path(of: name)
                let working = content(path)
                let committed = try head.flatMap { try store.repository.blobID(at: path, inCommit: $0) }
                if working == nil, committed == nil, named {
                    throw CardiganError(
                        "no card '\(name)' (no file '\(path)')",
                        hint: "'cardigan list' shows the cards; 'cardigan new' makes one")
                }
                inputs.append(PreparedCard.Input(name: name, path: path, working: working, committedID: committed))
            }
            let prepared = try PreparedCard.all(
                inputs, validator: validator, readers: readers, readOnCaller: store.repository.readBlob)
            for card in prepared {
                try add(card, to: &plan, newCards: &newCards, roots: &roots)
            }
        }
        if !newCards.isEmpty {
            let others = try store.modelNames(at: head, except: Set(newCards.map(\.name)))
            plan.findings += ModelNameRule.check(newCards, others: others)
        }
        plan.findings = plan.findings.map { Self.placed($0, in: roots) }
        if !plan.findings.isEmpty { plan.records = [] }
        return plan
    }

    /// The most cards read and checked together (some 20 MB of files and trees at most).
    static let chunkSize = 512

    /// Adds what committing the prepared card `card` records to `plan`, in candidate order:
    /// a card that is new gets into `newCards`, and the tree of a card with findings into `roots`.
    private func add(
        _ card: PreparedCard, to plan: inout CommitPlan,
        newCards: inout [(name: String, root: ValueNode, path: String)], roots: inout [String: ValueNode]
    ) throws {
        let (name, path, working, committed) = (card.name, card.path, card.working, card.committed)
        guard working != committed else { return }
        guard let working else {
            if committed != nil {
                plan.findings.append(
                    Finding(
                        ruleID: .cardDeleted,
                        message: "card '\(name)' was deleted; a versioned card is never deleted",
                        location: Location(path: path),
                        hint:
                            "restore it ('git checkout -- \(path)') and archive it: 'cardigan status \(name) Archived'"
                    ))
            }
            return
        }
        guard let check = card.check, check.isValid, let root = check.root else {
            plan.findings += card.check?.findings ?? []
            return
        }
        let findingsBefore = plan.findings.count
        defer {
            // A finding about a field is placed at its line below: only those cards' trees
            // are kept (a commit of 10,000 cards would otherwise hold every tree to the end).
            if plan.findings.count > findingsBefore { roots[path] = root }
        }
        let previous = try store.lookup.lastRecord(of: name, head: head)?.record
        // The committed card's tree, read once (beside the check) for the model name and
        // the package details.
        let before = { card.committedTree }
        let decision = try decide(
            name: name, root: root, digest: check.digest ?? CardDigest.of(root), working: working,
            previous: previous, committed: before)
        plan.findings += decision.findings
        plan.notes += decision.notes
        guard var record = decision.record else { return }
        if record.change == .version, record.version == 1 {
            record.clonedFrom =
                linking?.card == name ? linking?.clonedFrom : try store.clonedFrom(header: working)
        }
        switch try checkLink(of: name, record: record, previous: previous, claimed: plan.newLinks) {
        case .refused(let finding)?:
            plan.findings.append(finding)
        case .accepted(let link)?:
            // The link tag records the ARN the card names, as the hooks and `--repair` make it.
            let arn = root["model_package_details"]?["model_package_arn"]?.stringValue
            plan.newLinks[name] = PlannedLink(package: link.package, arn: arn ?? link.arn)
        case nil:
            break
        }
        let details = checkPackageDetails(
            of: name, root: root, committed: committed.map { _ in before() }, record: record,
            source: detailsSource[name] ?? (linking?.card == name ? linking?.source : nil))
        record = details.record
        if let finding = details.finding { plan.findings.append(finding) }
        if record.version == 1, record.change == .version {
            newCards.append((name, ModelNameRule.modelNameOnly(root), path))
        }
        plan.findings += try store.approvalGate(
            record, previous: previous, head: head, risk: root["intended_uses"]?["risk_rating"]?.stringValue)
        plan.files[path] = decision.bytes ?? working
        if decision.bytes == nil { plan.blobIDs[path] = card.workingID }
        plan.records.append(record)
    }

    /// Every finding about a field is shown at that field's line.
    private static func placed(_ finding: Finding, in roots: [String: ValueNode]) -> Finding {
        guard var location = finding.location, location.position == nil, !location.pointer.isEmpty,
            let root = roots[location.path], let node = JSONPointer.node(at: location.pointer, in: root)
        else { return finding }
        location.position = node.position
        var placed = finding
        placed.location = location
        return placed
    }

    /// What changed in card `name`, as a record; no record when nothing did or the change is
    /// refused. A new version whose file says Approved (or Archived) is rewritten to Draft when
    /// ``canRewrite`` allows: the decision's bytes are then the new file.
    private func decide(
        name: String, root: ValueNode, digest: String, working: [UInt8], previous: CardRecord?,
        committed: () -> ValueNode?
    ) throws -> Decision {
        let path = store.path(of: name)
        let transitions = CardTransitions(card: name, path: path)
        let statusNode = root["status"]
        let fileStatus = statusNode?.stringValue.flatMap(CardStatus.init(rawValue:)) ?? .draft
        let modelPackage = CardSnapshot.modelPackage(of: root)
        if previous == nil, committed() == nil, try store.lookup.highestTaggedVersion(of: name) != nil {
            return Decision(findings: [
                Finding(
                    ruleID: .cardDeleted,
                    message:
                        "card '\(name)' has version tags but the branch has no such card: it was deleted or renamed",
                    location: Location(path: path), hint: "cardigan verify explains what happened")
            ])
        }
        func born(_ version: Int) -> Decision {
            var decision = Decision()
            var status = fileStatus
            if !canRewrite,
                let finding = transitions.birth(
                    version: version, status: fileStatus, at: statusNode?.position)
            {
                decision.findings.append(finding)
            } else if !status.isAllowedForNewVersion {
                status = .draft
                let text = String(decoding: Data(working), as: UTF8.self)
                decision.bytes = Array(StatusEditor.setStatus(.draft, in: text, root: root).utf8)
                decision.notes.append(
                    "'\(name)' said \(fileStatus.rawValue); version \(version) is born Draft (a new version is reviewed again)"
                )
            }
            decision.record = CardRecord(
                card: name, version: version, digest: digest, status: status, change: .version,
                modelPackage: modelPackage)
            return decision
        }
        guard let previous else { return born(1) }
        if let finding = transitions.contentChange(after: previous.status) {
            return Decision(findings: [finding])
        }
        // The previous record's digest is in its own canonical form (legacy for records made
        // before RFC 8785), so the content is compared in that form.
        let previousFormDigest =
            previous.canonicalForm == .legacy
            ? CardDigest.of(canonicalJSON: CanonicalJSON.bytes(of: CardDigest.content(of: root), form: .legacy))
            : digest
        if previousFormDigest != previous.digest {
            let before = committed()
            let newName = root["model_overview"]?["model_name"]
            if let finding = transitions.modelNameChange(
                from: before?["model_overview"]?["model_name"]?.stringValue, to: newName?.stringValue,
                at: newName?.position)
            {
                return Decision(findings: [finding])
            }
            return born(previous.version + 1)
        }
        if fileStatus != previous.status {
            if let finding = transitions.statusChange(
                from: previous.status, to: fileStatus, at: statusNode?.position)
            {
                return Decision(findings: [finding])
            }
            let approval = root["model_package_details"]?["model_approval_status"]
            if let finding = transitions.approval(
                status: fileStatus, packageApproval: approval?.stringValue, at: approval?.position)
            {
                return Decision(findings: [finding])
            }
            return Decision(
                record: CardRecord(
                    card: name, version: previous.version, digest: digest, status: fileStatus, change: .status,
                    modelPackage: modelPackage))
        }
        return Decision(
            record: CardRecord(
                card: name, version: previous.version, digest: digest, status: fileStatus, change: .format,
                modelPackage: modelPackage))
    }
}
