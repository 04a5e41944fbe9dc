import Foundation

/// What `cardigan export` can write.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Markdown from `templates/export/card.md.mustache`.
    case markdown
    /// One self-contained HTML page from `templates/export/card.html.mustache`.
    case html
    /// A PDF drawn by cardigan's own writer.
    case pdf
    /// The content JSON of a SageMaker model card (`create-model-card --content`).
    case sagemaker
    /// A Hugging Face `README.md` with YAML metadata.
    case huggingface
}

/// A card as of one version, with what traces it back to the record: what every exporter reads.
public struct ExportSource: Sendable {
    /// The card's name.
    public var name: String
    /// The version.
    public var version: Int
    /// The status recorded for that version.
    public var status: String
    /// The linked model package, `<group>/<version>`.
    public var modelPackage: String?
    /// The commit the card was read from.
    public var commit: String
    /// The card's digest.
    public var digest: String
    /// The card's tree.
    public var root: ValueNode
    /// Whether this is the uncommitted working file (`export --working-tree`), not a recorded
    /// version: `version` is then the last recorded one (0 for none) and `commit` the head's.
    public var isWorkingTree = false
    /// The version's status timeline, when read from the history: who set its status, and
    /// what superseded it.
    public var timeline: VersionTimeline?
    /// The valid signed approvals of the version, named in the footer.
    public var approvals: [Approval] = []

    /// Creates a source.
    public init(
        name: String, version: Int, status: String, modelPackage: String?, commit: String, digest: String,
        root: ValueNode
    ) {
        self.name = name
        self.version = version
        self.status = status
        self.modelPackage = modelPackage
        self.commit = commit
        self.digest = digest
        self.root = root
    }

    /// The source of a card version read from the history.
    public init(_ view: CardVersionView) {
        self.init(
            name: view.record.card, version: view.record.version, status: view.record.status.rawValue,
            modelPackage: view.record.modelPackage ?? CardSnapshot.modelPackage(of: view.root), commit: view.commit,
            digest: view.record.digest, root: view.root)
        timeline = view.timeline
    }
}

/// Renders an `ExportSource` in each format.
public enum CardExporter {
    /// The bytes of `source` in `format`; templates come from `workspace` (its own `templates/`
    /// first, then the built-in ones).
    public static func render(_ source: ExportSource, format: ExportFormat, workspace: Workspace?) throws -> [UInt8] {
        switch format {
        case .markdown:
            let template = try templateText("export/card.md.mustache", workspace: workspace)
            return Array(try TemplateRenderer.markdown(source, template: template).utf8)
        case .html:
            let template = try templateText("export/card.html.mustache", workspace: workspace)
            return Array(try TemplateRenderer.html(source, template: template).utf8)
        case .pdf:
            return CardPDF.render(CardDocument(source))
        case .sagemaker:
            return Array(SageMakerContent.json(of: source.root).utf8)
        case .huggingface:
            return Array(HuggingFaceCard.readme(source).utf8)
        }
    }

    static func templateText(_ path: String, workspace: Workspace?) throws -> String {
        if let workspace { return try workspace.templateText(path) }
        guard let text = EmbeddedTemplates.files[path] else { throw CardiganError("no built-in template '\(path)'") }
        return text
    }
}

/// A card that does not validate, where a command needs a valid one: its findings.
public struct InvalidCardError: Error, Sendable {
    /// Every finding of the card.
    public var findings: [Finding]
}
