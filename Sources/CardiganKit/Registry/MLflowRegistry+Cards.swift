import Foundation

/// The card on an MLflow model version: what a registry user sees there. Tags `model_card`
/// (the card's name), `model_card_version`, `model_card_status`, `model_card_commit`,
/// `model_card_digest` (the card's digest, as recorded in git) and
/// `model_card_description_sha256`; the description is the card's markdown export, which
/// MLflow's UI renders, and a description the version had before (the card holds it) is kept in
/// `model_card_replaced_description`. The registered model gets the tag `model_card`.
///
/// `model_card_digest` is written last and removed first, so a complete write is told from a
/// run cut off half way (which the next push redoes), and a description edited in MLflow from
/// cardigan's own (its SHA-256 no longer matches): drift, never overwritten.
extension MLflowRegistry {
    static let digestTag = "model_card_digest"
    static let descriptionHashTag = "model_card_description_sha256"
    static let replacedDescriptionTag = "model_card_replaced_description"

    /// `sha256:` of `text`'s UTF-8.
    static func sha256(_ text: String) -> String { "sha256:" + CardDigest.sha256Hex(Data(text.utf8)) }

    /// Whether the version's description is the one cardigan last wrote.
    static func isCardDescription(_ item: ValueNode) -> Bool {
        guard let written = tags(item)[descriptionHashTag] else { return false }
        return written == sha256(item["description"]?.stringValue ?? "")
    }

    /// The model version's own description as the card `root` holds it (filled by `link`).
    static func recordedDescription(_ root: ValueNode) -> String? {
        root["model_package_details"]?["mlflow_model_version"]?["description"]?.stringValue
    }

    /// The linked model version, which must exist.
    func linkedVersion(_ package: ModelPackage) throws -> ValueNode {
        guard let item = try modelVersion(package) else {
            throw CardiganError(
                "model version '\(package)' does not exist in \(displayName)",
                hint: "register it, or link the card to a version MLflow has")
        }
        return item
    }

    public func publishedCard(named name: String, steps: [CardPublication]) throws -> PublishedCard? {
        guard let last = steps.last, let package = last.package else { return nil }
        let item = try linkedVersion(package)
        let tags = Self.tags(item)
        let description = item["description"]?.stringValue ?? ""
        let status = tags["model_card_status"].flatMap(CardStatus.init(rawValue:))
        if let owner = tags["model_card"], owner != name {
            return PublishedCard(contentDigest: "card " + owner, status: status, registryVersion: nil)
        }
        if let digest = tags[Self.digestTag] {
            guard Self.isCardDescription(item) else {
                return PublishedCard(contentDigest: Self.sha256(description), status: status, registryVersion: nil)
            }
            return PublishedCard(
                contentDigest: digest, status: status, registryVersion: tags["model_card_version"].flatMap { Int($0) })
        }
        // Nothing complete of cardigan's yet: the version's own description (which the card
        // holds), or a write cut off half way, is replaced; anything else is an edit.
        if description.isEmpty || description == Self.recordedDescription(last.root)
            || steps.contains(where: { $0.markdown == description })
        {
            return nil
        }
        return PublishedCard(contentDigest: Self.sha256(description), status: status, registryVersion: nil)
    }

    /// The card `name` as the model version carrying it (tag `model_card`) says; nil when none does.
    public func publishedCard(named name: String) throws -> PublishedCard? {
        let found = try client.get("model-versions/search", [("filter", "tags.model_card = '\(name)'")])
        guard let item = found["model_versions"]?.elements?.first, let digest = Self.tags(item)[Self.digestTag] else {
            return nil
        }
        let tags = Self.tags(item)
        return PublishedCard(
            contentDigest: Self.isCardDescription(item)
                ? digest : Self.sha256(item["description"]?.stringValue ?? ""),
            status: tags["model_card_status"].flatMap(CardStatus.init(rawValue:)),
            registryVersion: tags["model_card_version"].flatMap { Int($0) })
    }

    /// The card's digest, as git records it and the tag `model_card_digest` holds it.
    public func contentDigest(of root: ValueNode) -> String { CardDigest.of(root) }

    /// Writes the card as of `step` onto its model version, and its name onto the registered model.
    public func publish(_ step: CardPublication) throws {
        guard let package = step.package else {
            throw CardiganError("card '\(step.card)' is not linked to a model version; link it to publish it")
        }
        guard let markdown = step.markdown else {
            throw CardiganError(
                "card '\(step.card)' v\(step.version) has no markdown export to write as the description")
        }
        let item = try linkedVersion(package)
        let tags = Self.tags(item)
        let version = String(package.version)
        func setTag(_ key: String, _ value: String) throws {
            _ = try client.post(
                "model-versions/set-tag",
                .object([
                    ("name", .text(package.group)), ("version", .text(version)), ("key", .text(key)),
                    ("value", .text(value)),
                ]))
        }
        let description = item["description"]?.stringValue ?? ""
        if tags[Self.replacedDescriptionTag] == nil, !description.isEmpty,
            description == Self.recordedDescription(step.root)
        {
            try setTag(Self.replacedDescriptionTag, description)
        }
        if tags[Self.digestTag] != nil {
            _ = try client.send(
                "DELETE", "model-versions/delete-tag",
                .object([("name", .text(package.group)), ("version", .text(version)), ("key", .text(Self.digestTag))]))
        }
        try setTag("model_card", step.card)
        try setTag("model_card_version", String(step.version))
        try setTag("model_card_status", step.status.rawValue)
        try setTag("model_card_commit", step.commit ?? "")
        try setTag(Self.descriptionHashTag, Self.sha256(markdown))
        _ = try client.send(
            "PATCH", "model-versions/update",
            .object([("name", .text(package.group)), ("version", .text(version)), ("description", .text(markdown))]))
        _ = try client.post(
            "registered-models/set-tag",
            .object([("name", .text(package.group)), ("key", .text("model_card")), ("value", .text(step.card))]))
        try setTag(Self.digestTag, contentDigest(of: step.root))
    }

    /// The card on the model version, as its tags say (nil when cardigan wrote none).
    public func packageCard(of package: RegistryPackageVersion) throws -> PublishedCard? {
        guard let item = try modelVersion(package.summary.package) else { return nil }
        let tags = Self.tags(item)
        guard let digest = tags[Self.digestTag] else { return nil }
        return PublishedCard(
            contentDigest: digest, status: tags["model_card_status"].flatMap(CardStatus.init(rawValue:)),
            registryVersion: tags["model_card_version"].flatMap { Int($0) })
    }

    /// The card's digest: the model version's card is the card itself.
    public func packageCardDigest(of root: ValueNode) -> String { CardDigest.of(root) }

    /// Refused: MLflow keeps the card on the model version itself, which ``publish(_:)`` writes
    /// with the card's name, version and markdown export; there is no second copy to set.
    public func setPackageCard(of package: RegistryPackageVersion, root: ValueNode, status: CardStatus) throws {
        throw CardiganError(
            "MLflow keeps the card on model version '\(package.summary.package)' itself",
            hint: "'cardigan registry push <card>' writes it there")
    }
}
