/// A model registry behind the links: SageMaker's Model Registry, or another behind the same
/// interface (MLflow's). The registry commands talk only to this protocol; an adapter maps its
/// registry's names and answers onto these registry-neutral values.
public protocol ModelRegistry: Sendable {
    /// How findings and messages name the registry, e.g. `SageMaker (eu-west-1)`.
    var displayName: String { get }

    /// Every version of package group `group`, oldest first, read page by page; empty when the
    /// registry has no such group.
    func packageVersions(inGroup group: String) throws -> [RegistryPackageSummary]

    /// One package version with the `model_package_details` to write into its card; nil when
    /// the registry has no such version.
    func packageVersion(_ package: ModelPackage) throws -> RegistryPackageVersion?

    /// What the registry holds of card `name` (its latest published content and status); nil
    /// when it has never been published.
    func publishedCard(named name: String) throws -> PublishedCard?

    /// The digest of what ``publish(_:)`` would send for the card `root`, comparable to
    /// ``PublishedCard/contentDigest``.
    func contentDigest(of root: ValueNode) -> String

    /// Publishes one step of a card's history: its first version, a later version's content, or
    /// a status change.
    func publish(_ step: CardPublication) throws

    /// What the registry holds as the card of package version `package` (nil when nothing),
    /// and whether the registry returns it at all.
    func packageCard(of package: RegistryPackageVersion) throws -> PublishedCard?

    /// The digest ``packageCard(of:)`` reports for the card `root`.
    func packageCardDigest(of root: ValueNode) -> String

    /// Sets the card of package version `package` to the card `root` with `status`.
    func setPackageCard(of package: RegistryPackageVersion, root: ValueNode, status: CardStatus) throws

    /// Where the registry keeps a card (default: cards of their own, ``CardPlacement/ownCards``).
    var cardPlacement: CardPlacement { get }

    /// Whether the registry shows the card's markdown export (MLflow: as the model version's
    /// description), so that `registry push` renders it for each step; default false (SageMaker
    /// takes the content JSON only, and rendering it there would be work for nothing).
    var publishesMarkdown: Bool { get }

    /// What the registry holds of card `name` whose history is `steps` (oldest first; the
    /// default asks ``publishedCard(named:)``): an adapter that keeps the card on the linked
    /// package version reads it there and tells its own writes from edits made in the registry.
    func publishedCard(named name: String, steps: [CardPublication]) throws -> PublishedCard?

    /// The package named `text` (`<group>/<version>`), refused with this registry's naming
    /// advice when its names cannot be a card's link (default: ``ModelPackage/init(parsing:)``).
    func package(parsing text: String) throws -> ModelPackage
}

/// Where a registry keeps the cards cardigan publishes.
public enum CardPlacement: Sendable {
    /// Cards of their own, with their own versions (SageMaker model cards): every step of a
    /// card's history is published, and the linked package version gets its own copy.
    case ownCards
    /// On the linked package version itself (MLflow: its tags and description): only the newest
    /// step is written, and a card without a link is not published.
    case onPackageVersion
}

extension ModelRegistry {
    /// Cards of their own.
    public var cardPlacement: CardPlacement { .ownCards }

    /// No markdown.
    public var publishesMarkdown: Bool { false }

    /// ``publishedCard(named:)``.
    public func publishedCard(named name: String, steps: [CardPublication]) throws -> PublishedCard? {
        try publishedCard(named: name)
    }

    /// ``ModelPackage/init(parsing:)``.
    public func package(parsing text: String) throws -> ModelPackage { try ModelPackage(parsing: text) }
}

/// One package version as a group listing shows it.
public struct RegistryPackageSummary: Sendable, Hashable {
    /// The package version.
    public var package: ModelPackage
    /// The registry's identifier (SageMaker: the ARN).
    public var identifier: String
    /// The approval status as the registry writes it (`Approved`, `PendingManualApproval`, …).
    public var approvalStatus: String?
    /// Whether the registry approves this version for deployment.
    public var isApprovedForDeployment: Bool

    /// A summary.
    public init(package: ModelPackage, identifier: String, approvalStatus: String?, isApprovedForDeployment: Bool) {
        self.package = package
        self.identifier = identifier
        self.approvalStatus = approvalStatus
        self.isApprovedForDeployment = isApprovedForDeployment
    }
}

/// One package version in full.
public struct RegistryPackageVersion: Sendable {
    /// Its summary.
    public var summary: RegistryPackageSummary
    /// The card's `model_package_details`, filled from the registry.
    public var details: ValueNode

    /// A package version.
    public init(summary: RegistryPackageSummary, details: ValueNode) {
        self.summary = summary
        self.details = details
    }
}

/// A card as a registry holds it.
public struct PublishedCard: Sendable, Equatable {
    /// The digest of its content (see ``ModelRegistry/contentDigest(of:)``); nil when the
    /// registry returned no content.
    public var contentDigest: String?
    /// Its status.
    public var status: CardStatus?
    /// The registry's own version number of it, when it has one.
    public var registryVersion: Int?

    /// A published card.
    public init(contentDigest: String?, status: CardStatus?, registryVersion: Int?) {
        self.contentDigest = contentDigest
        self.status = status
        self.registryVersion = registryVersion
    }
}

/// One step of publishing a card's git history to a registry.
public struct CardPublication: Sendable {
    /// What the step does.
    public enum Kind: String, Sendable {
        /// The card's first publication.
        case create
        /// A new version's content (and its status).
        case content
        /// A status change only.
        case status
    }

    /// What the step does.
    public var kind: Kind
    /// The card's name.
    public var card: String
    /// The card version in git.
    public var version: Int
    /// The card as of that step.
    public var root: ValueNode
    /// The status after the step.
    public var status: CardStatus
    /// The card's digest as recorded in git.
    public var digest: String?
    /// The commit that recorded the step.
    public var commit: String?
    /// The linked package version, when the card is linked.
    public var package: ModelPackage?
    /// The card's markdown export as of the step (what MLflow's UI shows as the description);
    /// nil for a registry that does not show it (``ModelRegistry/publishesMarkdown``).
    public var markdown: String?

    /// A step.
    public init(kind: Kind, card: String, version: Int, root: ValueNode, status: CardStatus) {
        self.kind = kind
        self.card = card
        self.version = version
        self.root = root
        self.status = status
    }
}
