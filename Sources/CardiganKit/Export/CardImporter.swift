import Foundation

/// What `cardigan import` did.
public struct ImportResult: Sendable {
    /// The card's path relative to the root.
    public var path: String
    /// Problems with the card it would make; nothing is written when one is an error.
    public var findings: [Finding]
    /// Whether the file was written.
    public var written: Bool
    /// The model package whose `model_package_details` the import left out (without
    /// `--keep-link`), so that committing the card does not link it by accident.
    public var droppedLink: String?
}

/// Makes cards from other platforms' formats.
public enum CardImporter {
    /// Sources `import --from` reads.
    public enum Source: String, CaseIterable, Sendable {
        /// A SageMaker model card content JSON.
        case sagemaker
    }

    /// Makes `cards/<name>.yaml` (status Draft) in `workspace` from the SageMaker content JSON
    /// `data` read from `sourcePath`. Throws for input that is no content JSON; returns
    /// findings (and writes nothing) when the card it makes does not validate.
    /// `model_package_details` is left out unless `keepLink`: the first commit of a card that
    /// names a package links it, which an import must not do by accident.
    public static func sageMaker(
        _ data: Data, sourcePath: String, name: String, workspace: Workspace, keepLink: Bool = false
    ) throws -> ImportResult {
        let file = try NewCardFile(name: name, in: workspace)
        let relativePath = file.path
        let yaml: String
        let root: ValueNode
        do {
            (yaml, root) = try card(fromSageMaker: data, sourcePath: sourcePath, name: name, keepLink: keepLink)
        } catch let error as CardiganError where error.location != nil {
            // The input is not card content: a finding in the input file (exit 1, as `validate`
            // does for a card that does not parse), not a usage error.
            let finding = Finding(
                ruleID: .importContent, message: error.message, location: error.location, hint: error.hint)
            return ImportResult(path: relativePath, findings: [finding], written: false)
        }
        let check = CardValidator(schema: try workspace.loadSchema()).validate(Data(yaml.utf8), path: relativePath)
        if !check.isValid {
            // Findings point into a file that does not exist: name the imported file instead.
            let content = (try? JSONParser.parse(data)) ?? root
            let findings = check.findings.map { finding -> Finding in
                var finding = finding
                let pointer = finding.location?.pointer ?? ""
                var position = JSONPointer.deepestNode(at: pointer, in: content).position
                if finding.ruleID == .schemaAdditionalProperties || finding.ruleID == .schemaPropertyNames,
                    let key = JSONPointer.tokens(of: pointer).last,
                    let slash = pointer.lastIndex(of: "/"),
                    let member = JSONPointer.node(at: String(pointer[..<slash]), in: content)?.member(key)
                {
                    position = member.keyPosition  // an unknown key is located at the key, as in YAML
                }
                finding.location = Location(path: sourcePath, position: position, pointer: pointer)
                return finding
            }
            return ImportResult(path: relativePath, findings: findings, written: false)
        }
        guard let loaded = check.root, CardDigest.of(loaded) == CardDigest.of(root) else {
            throw CardiganError("the card written for '\(sourcePath)' does not read back to the same content")
        }
        try file.write(yaml)
        var dropped: String?
        if !keepLink, let content = try? JSONParser.parse(data), let details = content.member("model_package_details") {
            let package = ValueNode(.object([details]))
            dropped = CardSnapshot.modelPackage(of: package) ?? "model_package_details"
        }
        return ImportResult(path: relativePath, findings: check.findings, written: true, droppedLink: dropped)
    }

    /// The YAML text and tree of the card made from a SageMaker content JSON.
    public static func card(fromSageMaker data: Data, sourcePath: String, name: String, keepLink: Bool = true) throws
        -> (String, ValueNode)
    {
        let content: ValueNode
        do {
            content = try JSONParser.parse(data)
        } catch let error as JSONParseError {
            throw CardiganError(
                "not valid JSON: \(error.message)", location: Location(path: sourcePath, position: error.position),
                hint: error.hint(in: data)
                    ?? "the input is SageMaker model card content as JSON: the 'Content' of DescribeModelCard, or what 'cardigan export --format sagemaker' writes"
            )
        }
        guard case .object(let members) = content.kind else {
            throw CardiganError(
                "the SageMaker content must be a JSON object, not \(content.typeName == "array" ? "an array" : "a " + content.typeName)",
                location: Location(path: sourcePath, position: content.position))
        }
        let size = CanonicalJSON.text(of: content).count
        if size > CardValidator.maximumContentCharacters {
            throw CardiganError(
                "the content is \(size) characters, more than SageMaker's limit of \(CardValidator.maximumContentCharacters)",
                location: Location(path: sourcePath))
        }
        for reserved in ["name", "status"] {
            if let member = content.member(reserved) {
                throw CardiganError(
                    "'\(reserved)' is not a field of SageMaker model card content",
                    location: Location(path: sourcePath, position: member.keyPosition, pointer: "/" + reserved),
                    hint: "the card's name comes from --name and its status starts as Draft")
            }
        }
        let order = ExportLabels.sections.map(\.key)
        let sorted = members.enumerated().sorted { a, b in
            let ia = order.firstIndex(of: a.element.key) ?? order.count
            let ib = order.firstIndex(of: b.element.key) ?? order.count
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element).filter { keepLink || $0.key != "model_package_details" }
        var cardMembers = [
            ValueNode.Member(key: "name", keyPosition: .start, value: ValueNode(.string(name))),
            ValueNode.Member(key: "status", keyPosition: .start, value: ValueNode(.string(CardStatus.draft.rawValue))),
        ]
        cardMembers += sorted
        let root = ValueNode(.object(cardMembers))
        let header = "# Imported from SageMaker model card content '\((sourcePath as NSString).lastPathComponent)'.\n"
        var yaml = YAMLEmitter.text(of: root)
        for member in sorted {
            // A blank line before each section, as the examples are written.
            yaml = yaml.replacingOccurrences(of: "\n" + member.key + ":", with: "\n\n" + member.key + ":")
        }
        return (header + yaml, root)
    }
}
