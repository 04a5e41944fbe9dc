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
        // A refused node (an anchor, a too-deep value) stands in the tree as null; the schema's
        // view of that null would be a second, wrong error at the same place.
        let refused = Set(loaded.findings.compactMap { $0.location?.position })
        for violation in schema.validate(root) where !refused.contains(violation.position) {
            findings.append(
                Finding(
                    ruleID: "schema-\(violation.keyword)", message: violation.message,
                    location: Location(
                        path: path, position: violation.position, pointer: violation.pointer, end: violation.end),
                    hint: violation.hint))
        }
        findings += cardRules(root, path: path)
        return CardCheck(path: path, root: root, findings: findings.sorted())
    }

    private func cardRules(_ root: ValueNode, path: String) -> [Finding] {
        guard case .object = root.kind else { return [] }
        var findings: [Finding] = []
        let fileName = (path as NSString).lastPathComponent
        let expectedName = CardPaths.cardName(forFileName: fileName)
        if let expectedName, let problem = CardName.problem(with: expectedName) {
            findings.append(
                Finding(
                    ruleID: "card-file-name", message: "file name: \(problem)", location: Location(path: path),
                    hint: "rename the file; the name of a card is its identity"))
        } else if let expectedName, let nameNode = root["name"], let name = nameNode.stringValue, name != expectedName {
            findings.append(
                Finding(
                    ruleID: "card-name", message: "name '\(name)' differs from the file name '\(fileName)'",
                    location: Location(path: path, position: nameNode.position, pointer: "/name"),
                    hint: "a card's name is its file name: write 'name: \(expectedName)'"))
        }
        let contentSize = CanonicalJSON.text(of: CardDigest.content(of: root)).count
        if contentSize > Self.maximumContentCharacters {
            findings.append(
                Finding(
                    ruleID: "card-content-size",
                    message:
                        "the content is \(contentSize) characters, more than the limit of \(Self.maximumContentCharacters)",
                    location: Location(path: path),
                    hint: "shorten long text fields; keep detail in linked documents"))
        }
        return findings
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

    /// Whether the card has no errors.
    public var isValid: Bool { root != nil && findings.errorCount == 0 }
}
