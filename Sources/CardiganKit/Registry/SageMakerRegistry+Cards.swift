import Foundation

extension SageMakerRegistry {
    /// The most card versions walked back to find content (see ``publishedCard(named:)``).
    static let contentLookBack = 20

    public func publishedCard(named name: String) throws -> PublishedCard? {
        var answer: ValueNode
        do {
            answer = try client.call("DescribeModelCard", .object([("ModelCardName", .text(name))]))
        } catch let error as RegistryServiceError where Self.isNotFound(error) {
            return nil
        }
        let status = answer["ModelCardStatus"]?.stringValue.flatMap(CardStatus.init(rawValue:))
        let latest = answer["ModelCardVersion"]?.intValue
        // The service keeps a card's content when only its status changes; moto instead makes a
        // new card version without content. Walk back to the version that last held content.
        var version = latest
        var looked = 0
        while answer["Content"]?.stringValue == nil, let current = version, current > 1, looked < Self.contentLookBack {
            version = current - 1
            looked += 1
            answer = try client.call(
                "DescribeModelCard", .object([("ModelCardName", .text(name)), ("ModelCardVersion", .int(current - 1))]))
        }
        return PublishedCard(
            contentDigest: answer["Content"]?.stringValue.flatMap(Self.digest(ofContent:)), status: status,
            registryVersion: latest)
    }

    public func contentDigest(of root: ValueNode) -> String {
        Self.digest(ofContent: SageMakerContent.json(of: root)) ?? ""
    }

    /// `sha256:` of the canonical JSON of a content document; nil when it is not JSON.
    static func digest(ofContent content: String) -> String? {
        guard let parsed = try? JSONParser.parse(content) else { return nil }
        return "sha256:" + CardDigest.sha256Hex(Data(CanonicalJSON.bytes(of: parsed)))
    }

    public func publish(_ step: CardPublication) throws {
        let content = SageMakerContent.json(of: step.root)
        let status = ValueNode.text(step.status.rawValue)
        switch step.kind {
        case .create:
            _ = try client.call(
                "CreateModelCard",
                .object([
                    ("ModelCardName", .text(step.card)), ("Content", .text(content)), ("ModelCardStatus", status),
                ]))
        case .content:
            _ = try client.call(
                "UpdateModelCard",
                .object([
                    ("ModelCardName", .text(step.card)), ("Content", .text(content)), ("ModelCardStatus", status),
                ]))
        case .status:
            _ = try client.call(
                "UpdateModelCard", .object([("ModelCardName", .text(step.card)), ("ModelCardStatus", status)]))
        }
    }

    /// The content of a package version's own card: the sections of the model package model
    /// card schema (a package's card describes the package, so `model_overview` and
    /// `model_package_details` stay out).
    static func packageCardContent(of root: ValueNode) -> String {
        let kept = [
            "intended_uses", "business_details", "training_details", "evaluation_details", "additional_information",
        ]
        let members = root.members?.filter { kept.contains($0.key) } ?? []
        return SageMakerContent.json(of: ValueNode(.object(members)))
    }

    public func packageCard(of package: RegistryPackageVersion) throws -> PublishedCard? {
        let answer = try client.call(
            "DescribeModelPackage", .object([("ModelPackageName", .text(package.summary.identifier))]))
        guard let card = answer["ModelCard"] else { return nil }
        return PublishedCard(
            contentDigest: card["ModelCardContent"]?.stringValue.flatMap(Self.digest(ofContent:)),
            status: card["ModelCardStatus"]?.stringValue.flatMap(CardStatus.init(rawValue:)), registryVersion: nil)
    }

    /// The digest ``packageCard(of:)`` reports for the card `root`.
    public func packageCardDigest(of root: ValueNode) -> String {
        Self.digest(ofContent: Self.packageCardContent(of: root)) ?? ""
    }

    public func setPackageCard(of package: RegistryPackageVersion, root: ValueNode, status: CardStatus) throws {
        _ = try client.call(
            "UpdateModelPackage",
            .object([
                ("ModelPackageArn", .text(package.summary.identifier)),
                (
                    "ModelCard",
                    .object([
                        ("ModelCardContent", .text(Self.packageCardContent(of: root))),
                        ("ModelCardStatus", .text(status.rawValue)),
                    ])
                ),
            ]))
    }
}
