import Foundation

/// Checks cards: safe YAML, then the JSON Schema, then the rules a schema cannot say (the name
/// equals the file name, the content's size). Collects every finding; never stops at the first.
public struct CardValidator: Sendable {
    /// The largest content allowed, in characters of its canonical JSON (SageMaker's limit).
    public static let maximumContentCharacters = 100_000

    /// The schema cards are checked against.
    public let schema: JSONSchema

    /// Creates a validator for `schema`.
    public init(schema: JSONSchema) {
        self.schema = schema
    }

    /// Checks the card whose bytes are `data`; `path` names it in findings and gives the name
    /// the card must have (the file name without `.yaml`).
    public func validate(_ data: Data, path: String) -> CardCheck {
        let loaded = SafeYAMLLoader.load(data, path: path, checksYAML11: true)
        guard let root = loaded.root else { return CardCheck(path: path, root: nil, findings: loaded.findings) }
        var findings = loaded.findings + loaded.warnings
        let (sizeFinding, contentSize, canonical) = contentSizeRule(root, path: path)
        // Content over the limit is refused as a whole: its schema findings would add nothing a
        // writer needs, and explaining every key of a hostile file is what makes it expensive.
        if contentSize <= Self.maximumContentCharacters {
            // A refused node (an anchor, a too-deep value) stands in the tree as null; the
            // schema's view of that null would be a second, wrong error at the same place.
            let refused = Set(loaded.findings.compactMap { $0.location?.position })
            for violation in schema.validate(root) where !refused.contains(violation.position) {
                let (message, hint) = Self.explained(violation, in: root)
                findings.append(
                    Finding(
                        ruleID: RuleID(violation.keyword), message: message,
                        location: Location(
                            path: path, position: violation.position, pointer: violation.pointer,
                            end: violation.end),
                        hint: hint))
            }
        }
        findings += cardRules(root, path: path)
        if let sizeFinding { findings.append(sizeFinding) }
        return CardCheck(
            path: path, root: root, findings: Self.capped(findings.sorted(), path: path),
            digest: canonical.map { CardDigest.of(canonicalJSON: $0) })
    }

    /// The most findings reported for one file; the rest are counted in one last finding.
    public static let maximumFindingsPerFile = 100

    /// `findings` cut to ``maximumFindingsPerFile``, with a finding that counts the rest (an
    /// error when any of them is one, so the verdict never changes).
    static func capped(_ findings: [Finding], path: String) -> [Finding] {
        guard findings.count > maximumFindingsPerFile else { return findings }
        let rest = findings[maximumFindingsPerFile...]
        let errors = rest.count { $0.severity == .error }
        var kept = Array(findings[..<maximumFindingsPerFile])
        kept.append(
            Finding(
                ruleID: .tooManyFindings, severity: errors > 0 ? .error : .warning,
                message: "\(rest.count) more findings in this file are not listed (\(errors) of them errors)",
                location: Location(path: path, position: rest.first?.location?.position),
                hint: "fix the ones above and validate again"))
        return kept
    }

    /// The size finding, the content's size and its canonical JSON (what the digest hashes,
    /// made once for both).
    private func contentSizeRule(_ root: ValueNode, path: String) -> (Finding?, Int, [UInt8]?) {
        guard case .object = root.kind else { return (nil, 0, nil) }
        let canonical = CanonicalJSON.bytes(of: CardDigest.content(of: root))
        // A character is at least one UTF-8 byte: within the limit in bytes is within it in
        // characters, and only a content over it in bytes needs its characters counted.
        let contentSize =
            canonical.count <= Self.maximumContentCharacters
            ? canonical.count : String(decoding: canonical, as: UTF8.self).count
        guard contentSize > Self.maximumContentCharacters else { return (nil, contentSize, canonical) }
        return (
            Finding(
                ruleID: .cardContentSize,
                message:
                    "the content is \(contentSize) characters, more than the limit of \(Self.maximumContentCharacters)",
                location: Location(path: path),
                hint: "shorten long text fields; keep detail in linked documents"),
            contentSize, canonical
        )
    }

    private func cardRules(_ root: ValueNode, path: String) -> [Finding] {
        guard case .object = root.kind else { return [] }
        var findings: [Finding] = []
        let fileName = (path as NSString).lastPathComponent
        let expectedName = CardPaths.cardName(forFileName: fileName)
        if let expectedName, let problem = CardName.problem(with: expectedName) {
            findings.append(
                Finding(
                    ruleID: .cardFileName, message: "file name: \(problem)", location: Location(path: path),
                    hint: "rename the file; the name of a card is its identity"))
        } else if let expectedName, let nameNode = root["name"], let name = nameNode.stringValue, name != expectedName {
            findings.append(
                Finding(
                    ruleID: .cardName,
                    message:
                        "name '\(DisplayText.quoted(name))' differs from the file name '\(DisplayText.quoted(fileName))'",
                    location: Location(path: path, position: nameNode.position, pointer: "/name"),
                    hint: "a card's name is its file name: write 'name: \(expectedName)'"))
        }
        if let finding = Self.arnFinding(root, path: path) { findings.append(finding) }
        return findings
    }
}

extension CardValidator {
    /// The message and hint of `violation` of card `root`: the schema's own, except for a card
    /// without `status`, which a newcomer meets first (a card written by hand, or from an
    /// older template). It is refused, not read as Draft: the file is the card, and a record
    /// whose status the file does not say could not be reviewed from the file. `validate`,
    /// `commit` and the hooks all check through here, so they say it alike.
    static func explained(_ violation: SchemaViolation, in root: ValueNode) -> (String, String?) {
        guard violation.keyword == .required, violation.pointer.isEmpty, root["status"] == nil,
            violation.message.hasSuffix("'status'")
        else { return (violation.message, violation.hint) }
        // A misspelt key keeps the schema's hint (`is 'stauts' a misspelling of 'status'?`).
        return (
            "the card has no 'status'",
            violation.hint
                ?? "add 'status: Draft' below 'name:' (a new card starts as Draft; 'commit' records the status the file says)"
        )
    }

    /// An ARN in `model_package_details` must name the group and version beside it.
    static func arnFinding(_ root: ValueNode, path: String) -> Finding? {
        let details = root["model_package_details"]
        guard let arnNode = details?["model_package_arn"], let arn = arnNode.stringValue else { return nil }
        guard let group = details?["model_package_group_name"]?.stringValue,
            case .integer(let version)? = details?["model_package_version"]?.kind,
            let package = try? ModelPackage(group: group, versionText: String(version))
        else {
            return Finding(
                ruleID: .packageArnMismatch,
                message:
                    "'model_package_arn' is given without a valid model_package_group_name and model_package_version",
                location: Location(
                    path: path, position: arnNode.position, pointer: "/model_package_details/model_package_arn"),
                hint: "model_package_details is written by 'cardigan link' and 'cardigan clone'")
        }
        guard let problem = package.problem(withARN: arn) else { return nil }
        return Finding(
            ruleID: .packageArnMismatch, message: problem,
            location: Location(
                path: path, position: arnNode.position, pointer: "/model_package_details/model_package_arn"),
            hint:
                "an ARN names the linked group and version: '…:model-package/\(package.group.lowercased())/\(package.version)'"
        )
    }
}

/// What checking one card found.
public struct CardCheck: Sendable {
    /// The card's path as given.
    public var path: String
    /// The card's tree, when its YAML could be read.
    public var root: ValueNode?
    /// Every finding, sorted by position.
    public var findings: [Finding]

    /// The digest of the card's content (``CardDigest``), from the canonical JSON the size rule
    /// made; nil when the YAML could not be read or is not a mapping.
    public var digest: String? = nil

    /// Whether the card has no errors.
    public var isValid: Bool { root != nil && findings.errorCount == 0 }
}
