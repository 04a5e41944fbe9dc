import Foundation

/// What `cardigan commit` or `cardigan status` did.
public struct CommitResult: Sendable {
    /// The records written, one per changed card; empty when nothing changed.
    public var records: [CardRecord] = []
    /// The commit made, if any.
    public var commit: String?
    /// The version tags created.
    public var tags: [String] = []
    /// The link tags created (`model-packages/<group>/<version>`).
    public var linkTags: [String] = []
    /// New links to create with the commit: card → package and its ARN.
    var newLinks: [String: (package: ModelPackage, arn: String?)] = [:]
    /// Things the user should know (a status rewritten to Draft, a retry after a race).
    public var notes: [String] = []
    /// Problems that stopped the commit; nothing was written when there are any.
    public var findings: [Finding] = []
}

extension CardStore {
    /// The most times a commit is recomputed after another process moved the branch first.
    static let commitAttempts = 20

    /// `cardigan commit [<name>…] -m <message>`: one commit for the changed cards (all changed
    /// cards when `names` is empty). Each semantic change is version N+1 with its tag, a status
    /// change alone is a status commit, a comment-only edit is a commit without a new version.
    /// An invalid card, a deleted versioned card or an illegal status move stops everything
    /// before anything is written.
    ///
    /// When another process moves the branch between reading and the compare-and-swap update,
    /// nothing of ours is on the branch yet: the whole commit is recomputed from the new head, up
    /// to ``commitAttempts`` times, so concurrent commits never share or skip a version number.
    public func commit(names: [String], message: String) throws -> CommitResult {
        try commit(names: names, message: message, linking: nil)
    }

    /// Commits as ``commit(names:message:)`` does; `linking` is the link that `link` or `clone`
    /// is making, the one change of `model_package_details` allowed on a versioned card.
    /// `detailsSource` names, per card, who wrote its `model_package_details` in this commit
    /// (recorded as the trailer `Package-Details-Source` of a new version).
    func commit(
        names: [String], message: String, linking: LinkIntent?, detailsSource: [String: String] = [:]
    ) throws -> CommitResult {
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CardiganError("the commit message is empty", hint: "give one with -m") }
        for name in names where CardName.problem(with: name) != nil {
            throw CardiganError(CardName.problem(with: name) ?? "", hint: "name cards without '.yaml' or folders")
        }
        try requireWorkingTree()
        let lock = try CommitLock(gitDirectory: repository.gitDirectory)
        defer { withExtendedLifetime(lock) {} }
        let recovered = try finishInterruptedCommit()
        var retries = 0
        while true {
            do {
                var result = try commitOnce(
                    names: names, message: trimmed, linking: linking, detailsSource: detailsSource)
                result.notes.insert(contentsOf: recovered, at: 0)
                if retries > 0 {
                    result.notes.append("the branch moved \(retries) time(s) while committing; recomputed")
                }
                return result
            } catch GitError.locked(let lockFile) {
                // Another git process updates the branch right now, or one was killed doing so
                // and left its lock file: wait a little, then say which file it is. A lock left
                // by an update that completed is removed (see Repository.removeCompletedLock).
                if Repository.removeCompletedLock(lockFile) { continue }
                retries += 1
                if retries >= Self.commitAttempts {
                    throw CardiganError(
                        "'\(lockFile)' exists: another git process is updating the branch, or one was killed while doing so; nothing was committed",
                        hint: "if no git process is running, delete '\(lockFile)' and run the command again")
                }
                usleep(UInt32.random(in: 5_000...40_000))
            } catch GitError.referenceMoved(let reference, let expected, let actual) {
                retries += 1
                if retries >= Self.commitAttempts {
                    throw CardiganError(
                        "'\(reference)' moved from \(expected?.short ?? "nothing") to \(actual?.short ?? "nothing") while committing; nothing was written",
                        hint: "run the command again")
                }
                usleep(UInt32.random(in: 5_000...40_000))
            }
        }
    }

    private func commitOnce(
        names: [String], message: String, linking: LinkIntent?, detailsSource: [String: String]
    ) throws -> CommitResult {
        linkedGroupsCache = nil  // another process may have linked since the last attempt
        let branch = try currentBranch()
        let head = try git { try repository.resolve(branch) }
        // What is in the cards folder but is not a card (a link, a subfolder, a bad name, a file
        // over the limit) stops the commit: skipping it would leave it out of the record silently.
        let folder = try workspace.scanCardFolder()
        guard folder.errors.isEmpty else { return CommitResult(findings: folder.errors) }
        let candidates = try names.isEmpty ? changedCardNames(head: head, folder: folder) : names
        var refused: [Finding] = []
        let (result, files) = try plan(
            candidates: candidates, named: !names.isEmpty, head: head, linking: linking,
            detailsSource: detailsSource, canRewrite: true
        ) { path in
            switch CardFileReader.read(self.workspace.rootPath + "/" + path, display: path) {
            case .bytes(let bytes): return bytes
            case .missing: return nil
            case .refused(let finding):
                refused.append(finding)
                return nil
            }
        }
        guard refused.isEmpty else { return CommitResult(findings: refused) }
        var planned = result
        guard planned.findings.isEmpty, !planned.records.isEmpty else { return planned }
        try write(files: files, result: &planned, branch: branch, head: head, message: message)
        return planned
    }

    /// What committing `candidates` would record, reading each card's new bytes from `content`
    /// (the working tree for `commit`, the index for the hooks). Returns the records, or the
    /// findings that stop the commit, and the bytes to commit per path. `canRewrite` allows a
    /// new version's Approved status to be rewritten to Draft in those bytes.
    func plan(
        candidates: [String], named: Bool, head: ObjectID?, linking: LinkIntent?,
        detailsSource: [String: String] = [:], canRewrite: Bool, content: (String) -> [UInt8]?
    ) throws -> (CommitResult, [String: [UInt8]]) {
        var result = CommitResult()
        let validator = try commitValidator(head: head, fromTree: canRewrite, notes: &result.notes)
        var files: [String: [UInt8]] = [:]
        var newCards: [(name: String, root: ValueNode, path: String)] = []
        var roots: [String: ValueNode] = [:]
        for name in candidates {
            let path = path(of: name)
            let working = content(path)
            let committed = try git { try head.flatMap { try repository.blob(at: path, inCommit: $0) } }
            if working == nil, committed == nil, named {
                throw CardiganError(
                    "no card '\(name)' (no file '\(path)')",
                    hint: "'cardigan list' shows the cards; 'cardigan new' makes one")
            }
            guard working != committed else { continue }
            guard let working else {
                if committed != nil {
                    result.findings.append(
                        Finding(
                            ruleID: .cardDeleted,
                            message: "card '\(name)' was deleted; a versioned card is never deleted",
                            location: Location(path: path),
                            hint:
                                "restore it ('git checkout -- \(path)') and archive it: 'cardigan status \(name) Archived'"
                        ))
                }
                continue
            }
            let check = validator.validate(Data(working), path: path)
            guard check.isValid, let root = check.root else {
                result.findings += check.findings
                continue
            }
            roots[path] = root
            let previous = try git { try lastRecord(of: name, head: head) }?.record
            if var decision = try decide(
                name: name, root: root, working: working, previous: previous, head: head, committed: committed,
                canRewrite: canRewrite, into: &result)
            {
                if decision.record.change == .version, decision.record.version == 1 {
                    decision.record.clonedFrom =
                        linking?.card == name ? linking?.clonedFrom : try clonedFrom(header: working)
                }
                checkLink(of: name, record: decision.record, previous: previous, linking: linking, into: &result)
                if let link = result.newLinks[name] {
                    // The link tag records the ARN the card names, as the hooks and `--repair` make it.
                    let arn = root["model_package_details"]?["model_package_arn"]?.stringValue
                    result.newLinks[name] = (link.package, arn ?? link.arn)
                }
                checkPackageDetails(
                    of: name, root: root, committed: committed, record: &decision.record,
                    source: detailsSource[name] ?? (linking?.card == name ? linking?.source : nil), into: &result)
                if decision.record.version == 1, decision.record.change == .version {
                    newCards.append((name, root, path))
                }
                result.findings += try approvalGate(
                    decision.record, previous: previous, head: head,
                    risk: root["intended_uses"]?["risk_rating"]?.stringValue)
                files[path] = decision.bytes ?? working
                result.records.append(decision.record)
            }
        }
        if !newCards.isEmpty {
            let others = try modelNames(at: head, except: Set(newCards.map(\.name)))
            result.findings += ModelNameRule.check(newCards, others: others)
        }
        // Every finding about a field is shown at that field's line.
        result.findings = result.findings.map { finding in
            guard var location = finding.location, location.position == .start, !location.pointer.isEmpty,
                let root = roots[location.path], let node = JSONPointer.node(at: location.pointer, in: root)
            else { return finding }
            location.position = node.position
            var placed = finding
            placed.location = location
            return placed
        }
        if !result.findings.isEmpty { result.records = [] }
        return (result, files)
    }

    /// What changed in card `name`, as a record; nil when nothing did. A new version whose file
    /// says Approved (or Archived) is rewritten to Draft: the returned bytes are the new file.
    private func decide(
        name: String, root: ValueNode, working: [UInt8], previous: CardRecord?, head: ObjectID?, committed: [UInt8]?,
        canRewrite: Bool, into result: inout CommitResult
    ) throws -> (record: CardRecord, bytes: [UInt8]?)? {
        let path = path(of: name)
        let digest = CardDigest.of(root)
        let fileStatus = root["status"]?.stringValue.flatMap(CardStatus.init(rawValue:)) ?? .draft
        let modelPackage = CardSnapshot.modelPackage(of: root)
        if previous == nil, committed == nil, try git({ try highestTaggedVersion(of: name) }) != nil {
            result.findings.append(
                Finding(
                    ruleID: .cardDeleted,
                    message:
                        "card '\(name)' has version tags but the branch has no such card: it was deleted or renamed",
                    location: Location(path: path), hint: "cardigan verify explains what happened"))
            return nil
        }
        func born(_ version: Int) -> (CardRecord, [UInt8]?) {
            var status = fileStatus
            var bytes: [UInt8]?
            if !status.isAllowedForNewVersion && !canRewrite {
                result.findings.append(
                    Finding(
                        ruleID: .statusMove,
                        message:
                            "version \(version) of '\(name)' would be born \(fileStatus.rawValue); a new version is born Draft or PendingReview",
                        location: Location(
                            path: path, position: root["status"]?.position ?? .start, pointer: "/status"),
                        hint: "set 'status: Draft' and stage the card again"))
            } else if !status.isAllowedForNewVersion {
                status = .draft
                let text = String(decoding: Data(working), as: UTF8.self)
                bytes = Array(StatusEditor.setStatus(.draft, in: text, root: root).utf8)
                result.notes.append(
                    "'\(name)' said \(fileStatus.rawValue); version \(version) is born Draft (a new version is reviewed again)"
                )
            }
            return (
                CardRecord(
                    card: name, version: version, digest: digest, status: status, change: .version,
                    modelPackage: modelPackage),
                bytes
            )
        }
        guard let previous else { return born(1) }
        if previous.status == .archived {
            result.findings.append(
                Finding(
                    ruleID: .statusMove, message: "card '\(name)' is archived and changes no more",
                    location: Location(path: path),
                    hint: "restore the file; to document a new model, clone the card"))
            return nil
        }
        // The previous record's digest is in its own canonical form (legacy for records made
        // before RFC 8785), so the content is compared in that form.
        let previousFormDigest =
            previous.canonicalForm == .legacy
            ? CardDigest.of(canonicalJSON: CanonicalJSON.bytes(of: CardDigest.content(of: root), form: .legacy))
            : digest
        if previousFormDigest != previous.digest {
            if let committed, let before = SafeYAMLLoader.load(Data(committed), path: path).root,
                let oldName = before["model_overview"]?["model_name"]?.stringValue,
                let newNameNode = root["model_overview"]?["model_name"], newNameNode.stringValue != oldName
            {
                result.findings.append(
                    Finding(
                        ruleID: .modelNameChanged,
                        message:
                            "'model_overview.model_name' changed from '\(oldName)' to '\(newNameNode.stringValue ?? "")'",
                        location: Location(
                            path: path, position: newNameNode.position, pointer: "/model_overview/model_name"),
                        hint: "model_name never changes; a new model is a new card ('cardigan clone')"))
                return nil
            }
            return born(previous.version + 1)
        }
        if fileStatus != previous.status {
            guard previous.status.allowsStatusChange(to: fileStatus) else {
                result.findings.append(statusMoveFinding(name: name, from: previous.status, to: fileStatus, root: root))
                return nil
            }
            let approval = root["model_package_details"]?["model_approval_status"]
            if fileStatus == .approved, approval?.stringValue == ModelApprovalStatus.rejected.rawValue {
                result.findings.append(
                    Finding(
                        ruleID: .packageRejected,
                        message:
                            "card '\(name)' cannot be Approved: its model package's approval status is Rejected",
                        location: Location(
                            path: path, position: approval?.position ?? .start,
                            pointer: "/model_package_details/model_approval_status"),
                        hint: "a card documenting a rejected model version is not approved"))
                return nil
            }
            return (
                CardRecord(
                    card: name, version: previous.version, digest: digest, status: fileStatus, change: .status,
                    modelPackage: modelPackage), nil
            )
        }
        return (
            CardRecord(
                card: name, version: previous.version, digest: digest, status: fileStatus, change: .format,
                modelPackage: modelPackage), nil
        )
    }

    func statusMoveFinding(name: String, from: CardStatus, to: CardStatus, root: ValueNode?) -> Finding {
        let position = root?["status"]?.position ?? .start
        let hint: String
        switch (from, to) {
        case (.approved, .draft): hint = "an approved card returns to Draft only with a new version: change its content"
        case (.draft, .approved): hint = "a card is approved after review: move it to PendingReview first"
        case (.archived, _): hint = "an archived card changes no more"
        default: hint = "statuses move Draft ⇄ PendingReview → Approved → Archived"
        }
        return Finding(
            ruleID: .statusMove, message: "status of '\(name)' cannot move from \(from.rawValue) to \(to.rawValue)",
            location: Location(path: path(of: name), position: position, pointer: "/status"), hint: hint)
    }

    /// Cards whose working file differs from the branch head, or that the head has and the
    /// working tree lost.
    private func changedCardNames(head: ObjectID?, folder: CardFolderScan) throws -> [String] {
        let working = Set(
            folder.cardPaths.compactMap {
                CardPaths.cardName(forFileName: ($0 as NSString).lastPathComponent)
            })
        var names = working
        if let head {
            for entry in try git({ try repository.treeEntries(at: cardsDirectory, inCommit: head) }) where entry.isBlob
            {
                if let name = CardPaths.cardName(forFileName: entry.name) { names.insert(name) }
            }
        }
        // A changed working file whose name is not a card name stays a candidate, so validation
        // reports it ('card-file-name') instead of the commit passing it over in silence.
        return names.filter { CardName.isValid($0) || working.contains($0) }.sorted()
    }

    /// The source `<card>/v<N>` named by the first line `clone --no-commit` writes
    /// (`# Cloned from <card> v<N> …`), when that version's tag exists: the first commit of the
    /// clone then records its origin as `clone` itself would.
    func clonedFrom(header bytes: [UInt8]) throws -> String? {
        let prefix = "# Cloned from "
        let firstLine = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        guard firstLine.hasPrefix(prefix) else { return nil }
        let words = firstLine.dropFirst(prefix.count).split(separator: " ")
        guard words.count >= 2, CardName.isValid(String(words[0])), words[1].hasPrefix("v"),
            let version = Int(words[1].dropFirst()), version >= 1,
            try git({ try repository.resolve(VersionTag.reference(card: String(words[0]), version: version)) }) != nil
        else { return nil }
        return "\(words[0])/v\(version)"
    }

    /// What would stop the tags of `records` from being made, checked before anything moves:
    /// the tag of each new version must not exist yet (a leftover of a rewritten history would
    /// make the tag step fail half-way), and the tag of the version before must (it starts the
    /// chain). Used by `commit` and by the hooks of a plain `git commit`.
    func tagProblems(_ records: [CardRecord]) throws -> [Finding] {
        var problems: [Finding] = []
        for record in records where record.change == .version {
            let name = VersionTag.name(card: record.card, version: record.version)
            if try git({ try repository.resolve("refs/tags/" + name) }) != nil {
                problems.append(
                    Finding(
                        ruleID: .versionTagLeftover,
                        message:
                            "tag '\(name)' already exists, but the branch's last version of '\(record.card)' is \(record.version - 1)",
                        location: Location(path: path(of: record.card)),
                        hint:
                            "version \(record.version) was made on another branch (merge it first), or the tag is left from a rewritten history; 'cardigan verify' explains it"
                    ))
            }
            guard record.version > 1 else { continue }
            let previous = VersionTag.name(card: record.card, version: record.version - 1)
            if try git({ try repository.resolve("refs/tags/" + previous) }) == nil {
                problems.append(
                    Finding(
                        ruleID: .versionTagMissing,
                        message:
                            "tag '\(previous)' is missing, so version \(record.version) cannot chain to it",
                        location: Location(path: path(of: record.card)),
                        hint: try git({ try repository.references(matching: "refs/tags/cards/*").isEmpty })
                            ? Self.fetchTagsHint
                            : "run 'cardigan verify --repair' to re-create it from the trailers, then commit again"))
            }
        }
        return problems
    }
}
