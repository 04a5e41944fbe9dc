import Foundation

extension CardStore {
    /// The sections a clone carries over from its source by default.
    public static let defaultCarriedSections = ["business_details", "intended_uses", "additional_information"]

    /// The fields of `model_overview` that identify one model version; a clone leaves them out.
    public static let versionSpecificOverviewFields = [
        "model_id", "model_version", "model_artifact", "inference_environment",
    ]

    /// `cardigan clone <source> <name> --model-package <group>/<version>`: a new card for the
    /// next model version. From the source's latest version it carries `business_details`,
    /// `intended_uses` and `additional_information` (`carry` adds sections, `skip` removes them)
    /// and `model_overview` without the fields that identify the old model version; training and
    /// evaluation start empty. With a `template`, the template's own non-empty fields win and
    /// only its empty ones are filled. Status Draft, linked to `package`, committed as version 1
    /// with a `Cloned-From` trailer, unless `commit` is false (then the file is only written).
    /// The new card documents a new model, so it has its own `modelName` (one card per model).
    /// It starts from `from`: the latest version, a given one, or the latest Approved one.
    public func clone(
        _ source: String, as name: String, package: ModelPackage, modelName: String, from: CloneOrigin = .latest,
        arn: String? = nil, approvalStatus: ModelApprovalStatus? = nil, carry: [String] = [], skip: [String] = [],
        template: String? = nil, commit shouldCommit: Bool = true, registryDetails: ValueNode? = nil
    ) throws -> (path: String, result: CommitResult) {
        let file = try NewCardFile(name: name, in: workspace)
        let path = file.path
        if modelName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CardiganError("the new card's --model-name is empty")
        }
        if let arn, let problem = package.problem(withARN: arn) { throw CardiganError(problem) }
        try requireNameNeverUsed(name)
        let sections = Set(Self.defaultCarriedSections + carry).subtracting(skip)
        for section in carry + skip where !Self.carriableSections.contains(section) {
            throw CardiganError(
                "'\(section)' is not a section that can be carried",
                hint: "sections: \(Self.carriableSections.joined(separator: ", "))")
        }
        if let problem = try linkProblem(for: package) {
            return (
                path,
                CommitResult(findings: [Finding(ruleID: .link, message: problem, location: Location(path: path))])
            )
        }
        let view = try cloneSource(source, from: from)
        if let sourceModel = view.root["model_overview"]?["model_name"]?.stringValue, sourceModel == modelName {
            throw CardiganError(
                "model name '\(modelName)' is the model of card '\(source)'; one card per model",
                hint: "give the new model version's own name with --model-name")
        }
        if let other = try cardNaming(model: modelName) {
            throw CardiganError(
                "model name '\(modelName)' is already documented by card '\(other)'; one card per model",
                hint: "give the new model version's own name with --model-name")
        }
        var templateRoot: ValueNode?
        if let template {
            let text = try workspace.templateText("cards/\(template).yaml").replacingOccurrences(
                of: "{{name}}", with: name)
            templateRoot = SafeYAMLLoader.load(Data(text.utf8), path: "templates/cards/\(template).yaml").root
        }
        var members: [ValueNode.Member] = [
            member("name", ValueNode(.string(name))), member("status", ValueNode(.string(CardStatus.draft.rawValue))),
        ]
        var overview =
            view.root["model_overview"]?.members?.filter { !Self.versionSpecificOverviewFields.contains($0.key) } ?? []
        if let index = overview.firstIndex(where: { $0.key == "model_name" }) {
            overview[index].value = ValueNode(.string(modelName))
        } else {
            overview.insert(member("model_name", ValueNode(.string(modelName))), at: 0)
        }
        if let own = templateRoot?["model_overview"] {
            overview = Self.fillingEmpty(own, from: ValueNode(.object(overview))).members ?? overview
        }
        members.append(member("model_overview", ValueNode(.object(overview))))
        for section in Self.carriableSections where section != "model_overview" {
            let own = templateRoot?[section]
            let carried = sections.contains(section) ? view.root[section] : nil
            let value: ValueNode? =
                switch (own, carried) {
                case (let own?, let carried?): Self.fillingEmpty(own, from: carried)
                case (let own?, nil): own
                case (nil, let carried?): carried
                case (nil, nil): nil
                }
            if let value { members.append(member(section, value)) }
        }
        members.append(
            member(
                "model_package_details",
                registryDetails ?? Self.packageDetails(package, arn: arn, approvalStatus: approvalStatus, keeping: nil))
        )
        let header = "# Cloned from \(source) v\(view.record.version) for model package \(package) by cardigan clone.\n"
        let text = header + YAMLEmitter.text(of: ValueNode(.object(members)))
        let check = CardValidator(schema: try workspace.loadSchema()).validate(Data(text.utf8), path: path)
        guard check.isValid else { return (path, CommitResult(findings: check.findings)) }
        try file.write(text)
        guard shouldCommit else {
            return (path, CommitResult(notes: ["wrote \(path); commit it with 'cardigan commit \(name) -m <message>'"]))
        }
        do {
            let result = try commit(
                names: [name],
                message: "Clone \(source) v\(view.record.version) as \(name) for model package \(package)",
                linking: LinkIntent(
                    card: name, package: package, arn: registryDetails?["model_package_arn"]?.stringValue ?? arn,
                    clonedFrom: "\(source)/v\(view.record.version)",
                    source: registryDetails == nil ? PackageDetailsRule.clone : PackageDetailsRule.registry))
            if result.commit == nil { file.remove() }
            return (path, result)
        } catch {
            file.remove()  // nothing was committed: leave no half-made card
            throw error
        }
    }

    /// The version of `source` a clone starts from.
    private func cloneSource(_ source: String, from origin: CloneOrigin) throws -> CardVersionView {
        switch origin {
        case .latest: return try show(source, version: nil)
        case .version(let version): return try show(source, version: version)
        case .latestApproved:
            let timelines = VersionTimeline.timelines(from: try auditTrail(of: source))
            guard let approved = VersionTimeline.latestApproved(in: timelines) else {
                throw CardiganError(
                    "card '\(source)' has no Approved version",
                    hint: "clone its latest version (leave out --approved) or approve a version first")
            }
            return try show(source, version: approved.version)
        }
    }

    /// Sections `--carry` may name.
    public static let carriableSections = [
        "model_overview", "intended_uses", "business_details", "training_details", "evaluation_details",
        "additional_information",
    ]

    /// `own` with its empty fields (absent, null, "", [], {}) filled from `carried`, recursively
    /// through objects; a non-empty field of `own` wins.
    static func fillingEmpty(_ own: ValueNode, from carried: ValueNode) -> ValueNode {
        guard case .object(var members) = own.kind, case .object(let sourceMembers) = carried.kind else {
            return isEmpty(own) ? carried : own
        }
        for sourceMember in sourceMembers {
            if let index = members.firstIndex(where: { $0.key == sourceMember.key }) {
                members[index].value = fillingEmpty(members[index].value, from: sourceMember.value)
            } else {
                members.append(sourceMember)
            }
        }
        return ValueNode(.object(members), at: own.position)
    }

    private static func isEmpty(_ node: ValueNode) -> Bool {
        switch node.kind {
        case .null: return true
        case .string(let string): return string.trimmingCharacters(in: .whitespaces).isEmpty
        case .array(let elements): return elements.isEmpty
        case .object(let members): return members.isEmpty
        default: return false
        }
    }

    private func member(_ key: String, _ value: ValueNode) -> ValueNode.Member {
        ValueNode.Member(key: key, keyPosition: .start, value: value)
    }
}

/// The version of the source card a clone starts from.
public enum CloneOrigin: Sendable, Equatable {
    /// The source's latest version.
    case latest
    /// A given version.
    case version(Int)
    /// The source's latest version whose status is Approved.
    case latestApproved
}
