import Foundation

extension CardStore {
    /// `findings` placed at their field in the card `bytes`; at the section, else the file, when
    /// the field is not there.
    private func located(_ findings: [Finding], in bytes: [UInt8], path: String) -> [Finding] {
        guard let root = SafeYAMLLoader.load(Data(bytes), path: path).root else { return findings }
        return findings.map { finding in
            guard var location = finding.location, location.position == nil else { return finding }
            let node =
                JSONPointer.node(at: location.pointer, in: root)
                ?? JSONPointer.node(at: "/model_package_details", in: root)
            guard let node else { return finding }
            location.position = node.position
            var placed = finding
            placed.location = location
            return placed
        }
    }

    /// `cardigan link <name> --model-package <group>/<version>`: writes `model_package_details`
    /// into the card, commits it as a new version and tags that commit
    /// `model-packages/<group>/<version>`. Refused, with nothing written: a package version
    /// already linked (to any card), a card that already documents another package, an archived
    /// card, a card with uncommitted changes, an ARN that names another package.
    ///
    /// With a `registry`, the package version must exist there and `model_package_details` is
    /// filled from it (then `arn` and `approvalStatus` must be nil: the registry says them).
    public func link(
        _ name: String, to package: ModelPackage, arn: String?, approvalStatus: ModelApprovalStatus?, message: String?,
        registry: RegistryPackageDetails? = nil
    ) throws -> CommitResult {
        if let problem = CardName.problem(with: name) { throw CardiganError(problem) }
        if registry != nil, arn != nil || approvalStatus != nil {
            throw CardiganError(
                "with a registry configured, the package's ARN and approval status come from the registry",
                hint: "leave out --arn and --approval-status")
        }
        if let arn, let problem = package.problem(withARN: arn) { throw CardiganError(problem) }
        let path = path(of: name)
        let absolute = workspace.rootPath + "/" + path
        let branch = try currentBranch()
        guard let head = try repository.resolve(branch),
            let committed = try repository.blob(at: path, inCommit: head),
            let previous = try lookup.lastRecord(of: name, head: head)?.record
        else {
            throw CardiganError(
                "card '\(name)' has no committed version",
                hint: "commit it first: 'cardigan commit \(name) -m <message>'")
        }
        guard CardFileReader.contents(absolute) == committed else {
            return CommitResult(findings: [
                Finding(
                    ruleID: .uncommittedEdits, message: "card '\(name)' has uncommitted changes",
                    location: Location(path: path), hint: "commit them first, so the link's version holds only the link"
                )
            ])
        }
        if previous.status == .archived {
            return CommitResult(findings: [
                Finding(
                    ruleID: .link, message: "card '\(name)' is archived and changes no more",
                    location: Location(path: path), hint: "clone it for the new model version")
            ])
        }
        if let old = previous.modelPackage {
            let message =
                old == package.description
                ? "card '\(name)' is already linked to model package '\(old)'"
                : "card '\(name)' already documents model package '\(old)'; a card documents one model version"
            let finding = CommitPlanner.linkFinding(
                at: path, message,
                hint: old == package.description
                    ? nil
                    : "clone it: 'cardigan clone \(name) <new-name> --model-package \(package) --model-name <model>'")
            return CommitResult(findings: located([finding], in: committed, path: path))
        }
        if let problem = try linkProblem(for: package) {
            return CommitResult(
                findings: [
                    Finding(ruleID: .link, message: problem, location: Location(path: path))
                ])
        }
        guard let root = SafeYAMLLoader.load(Data(committed), path: path).root else {
            throw CardiganError("card '\(name)' on the branch is not readable", location: Location(path: path))
        }
        var details = Self.packageDetails(
            package, arn: arn, approvalStatus: approvalStatus, keeping: root["model_package_details"])
        var arn = arn
        if let registry {
            guard let found = try registry.lookUp(package) else {
                return CommitResult(findings: [
                    CommitPlanner.linkFinding(at: path, registry.missingMessage(package), hint: registry.missingHint)
                ])
            }
            details = found.details
            arn = found.details["model_package_arn"]?.stringValue
        }
        let text = TopLevelBlockEditor.setting(
            "model_package_details", to: details, in: String(decoding: committed, as: UTF8.self), root: root)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: absolute))
            let result = try commit(
                names: [name], message: message ?? "Link \(name) to model package \(package)",
                linking: LinkIntent(card: name, package: package, arn: arn))
            if result.commit == nil { try Data(committed).write(to: URL(fileURLWithPath: absolute)) }
            return result
        } catch {
            try? Data(committed).write(to: URL(fileURLWithPath: absolute))
            throw error
        }
    }

    /// `model_package_details` naming `package`, keeping other fields a card already had there.
    static func packageDetails(
        _ package: ModelPackage, arn: String?, approvalStatus: ModelApprovalStatus?, keeping existing: ValueNode?
    ) -> ValueNode {
        let written: [(String, ValueNode.Kind?)] = [
            ("model_package_group_name", .string(package.group)),
            ("model_package_version", .integer(package.version)),
            ("model_package_arn", arn.map { .string($0) }),
            ("model_approval_status", approvalStatus.map { .string($0.rawValue) }),
        ]
        var members = (existing?.members ?? []).filter { member in
            !written.contains { $0.0 == member.key && $0.1 != nil }
        }
        for (key, kind) in written {
            guard let kind else { continue }
            members.append(ValueNode.Member(key: key, keyPosition: .start, value: ValueNode(kind)))
        }
        return ValueNode(.object(members))
    }
}
