import Foundation

/// What approves an MLflow model version for deployment (MLflow's stages are deprecated): any of
/// `aliases` pointing at it, or the tag `tag` with its value.
public struct MLflowApproval: Sendable {
    /// The aliases that approve (default `champion`, `production`).
    public var aliases: [String]
    /// A tag key and value that approve, if any.
    public var tag: (key: String, value: String)?

    /// A rule.
    public init(aliases: [String] = ["champion", "production"], tag: (key: String, value: String)? = nil) {
        self.aliases = aliases
        self.tag = tag
    }

    /// Whether a model version with these aliases and tags is approved.
    func approves(aliases versionAliases: [String], tags: [String: String]) -> Bool {
        if versionAliases.contains(where: aliases.contains) { return true }
        if let tag, tags[tag.key] == tag.value { return true }
        return false
    }
}

/// MLflow's Model Registry behind ``ModelRegistry``: a package group is a registered model, a
/// package version a model version. Versions are listed with `model-versions/search` page by
/// page, read with `model-versions/get`; the card goes onto the model version (tags and
/// description, see `MLflowRegistry+Cards.swift`).
public struct MLflowRegistry: ModelRegistry {
    /// The API client.
    public let client: MLflowClient
    /// What approves a version for deployment.
    public var approval: MLflowApproval
    /// Model versions asked for per search page.
    public var pageSize: Int

    /// An adapter over `client`.
    public init(client: MLflowClient, approval: MLflowApproval = MLflowApproval(), pageSize: Int = 100) {
        self.client = client
        self.approval = approval
        self.pageSize = max(1, min(1000, pageSize))
    }

    /// `MLflow (http://127.0.0.1:5000)`.
    public var displayName: String { "MLflow (\(client.settings.uri))" }

    /// The card lives on the model version.
    public var cardPlacement: CardPlacement { .onPackageVersion }

    /// The model version's description is the card's markdown export.
    public var publishesMarkdown: Bool { true }

    /// Tag keys cardigan writes; they are the card's, not the model version's details.
    static let cardTagPrefix = "model_card"

    /// Every version of registered model `group`: `model-versions/search` page by page, and, as
    /// search answers carry no aliases, one `registered-models/get` for the model's aliases when
    /// aliases approve (so requests grow with pages and models, not with versions).
    public func packageVersions(inGroup group: String) throws -> [RegistryPackageSummary] {
        var items: [ValueNode] = []
        var token: String?
        repeat {
            var query = [("filter", "name='\(group)'"), ("max_results", String(pageSize))]
            if let token { query.append(("page_token", token)) }
            let answer = try client.get("model-versions/search", query)
            items += (answer["model_versions"]?.elements ?? []).filter { $0["name"]?.stringValue == group }
            token = answer["next_page_token"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        var aliases: [String: [String]] = [:]
        if !items.isEmpty, !approval.aliases.isEmpty {
            do {
                let model = try client.get("registered-models/get", [("name", group)])["registered_model"]
                for entry in model?["aliases"]?.elements ?? [] {
                    guard let alias = entry["alias"]?.stringValue, let version = entry["version"]?.stringValue else {
                        continue
                    }
                    aliases[version, default: []].append(alias)
                }
            } catch let error as RegistryServiceError where error.type == "RESOURCE_DOES_NOT_EXIST" {
                return []
            }
        }
        return items.compactMap { item in
            summary(group, item, aliases: item["version"]?.stringValue.flatMap { aliases[$0] } ?? [])
        }.sorted { $0.package < $1.package }
    }

    public func packageVersion(_ package: ModelPackage) throws -> RegistryPackageVersion? {
        guard let item = try modelVersion(package), let summary = summary(package.group, item) else { return nil }
        return RegistryPackageVersion(summary: summary, details: details(package, item, summary: summary))
    }

    /// The `model_version` of `model-versions/get`; nil when MLflow has no such version.
    func modelVersion(_ package: ModelPackage) throws -> ValueNode? {
        do {
            return try client.get(
                "model-versions/get", [("name", package.group), ("version", String(package.version))])["model_version"]
        } catch let error as RegistryServiceError where error.type == "RESOURCE_DOES_NOT_EXIST" {
            return nil
        }
    }

    /// A listing's entry (`aliases` besides those the entry carries); nil for a version number
    /// cardigan cannot name.
    func summary(_ group: String, _ item: ValueNode, aliases: [String] = []) -> RegistryPackageSummary? {
        guard let text = item["version"]?.stringValue ?? item["version"]?.intValue.map(String.init),
            let package = try? ModelPackage(group: group, versionText: text)
        else { return nil }
        let approved = approval.approves(aliases: Self.aliases(item) + aliases, tags: Self.tags(item))
        return RegistryPackageSummary(
            package: package, identifier: "models:/\(group)/\(package.version)",
            approvalStatus: approved ? "Approved" : "PendingManualApproval", isApprovedForDeployment: approved)
    }

    /// The version's aliases.
    static func aliases(_ item: ValueNode) -> [String] { item["aliases"]?.elements?.compactMap(\.stringValue) ?? [] }

    /// The version's tags, by key.
    static func tags(_ item: ValueNode) -> [String: String] {
        var tags: [String: String] = [:]
        for tag in item["tags"]?.elements ?? [] {
            if let key = tag["key"]?.stringValue { tags[key] = tag["value"]?.stringValue ?? "" }
        }
        return tags
    }

    /// `model_package_details` from a model version: the group, version, status and approval in
    /// the fields every card has, MLflow's own in `mlflow_model_version`. The description is
    /// the version's own: when it is a card cardigan pushed, the one it replaced.
    func details(_ package: ModelPackage, _ item: ValueNode, summary: RegistryPackageSummary) -> ValueNode {
        let tags = Self.tags(item)
        var description = item["description"]?.stringValue
        if Self.isCardDescription(item) { description = tags[Self.replacedDescriptionTag] }
        let status = item["status"]?.stringValue
        let packageStatus = ["READY": "Completed", "PENDING_REGISTRATION": "Pending", "FAILED_REGISTRATION": "Failed"]
        let created = item["creation_timestamp"]?.intValue.map { milliseconds -> String in
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        }
        let user = item["user_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let ownTags = tags.filter { !$0.key.hasPrefix(Self.cardTagPrefix) }.sorted { $0.key < $1.key }
        let aliases = Self.aliases(item).sorted()
        let mlflow = ValueNode.object([
            ("model_uri", .text(summary.identifier)),
            ("source", .text(item["source"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })),
            ("run_id", .text(item["run_id"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })),
            ("status", .text(status)), ("creation_time", .text(created)), ("user_id", .text(user)),
            ("description", .text(description.flatMap { $0.isEmpty ? nil : $0 })),
            ("aliases", aliases.isEmpty ? nil : ValueNode(.array(aliases.map { ValueNode(.string($0)) }))),
            (
                "tags",
                ownTags.isEmpty
                    ? nil
                    : ValueNode(
                        .object(
                            ownTags.map {
                                ValueNode.Member(key: $0.key, keyPosition: .start, value: ValueNode(.string($0.value)))
                            }))
            ),
        ])
        return .object([
            ("model_package_group_name", .text(package.group)),
            ("model_package_version", .int(package.version)),
            ("model_package_status", .text(status.flatMap { packageStatus[$0] })),
            ("model_approval_status", .text(summary.approvalStatus)),
            (
                "created_by",
                user.flatMap { name -> ValueNode? in
                    name.count <= 63 ? .object([("user_profile_name", .text(name))]) : nil
                }
            ),
            ("mlflow_model_version", mlflow),
        ])
    }

    /// A registered model name is a package group only when it can be a link tag's name
    /// (`model-packages/<group>/<version>`): anything else is refused, never mapped.
    public func package(parsing text: String) throws -> ModelPackage {
        guard let slash = text.lastIndex(of: "/") else { return try ModelPackage(parsing: text) }
        let name = String(text[..<slash])
        if let problem = ModelPackage.problem(withGroup: name) {
            throw CardiganError(
                "MLflow registered model '\(name)' cannot name a card's link (the tag 'model-packages/<group>/<version>'): \(problem)",
                hint:
                    "name the registered model with ASCII letters, digits and hyphens (at most 63, e.g. 'customer-churn'): rename it in MLflow (registered-models/rename) and link '<new-name>/<version>'"
            )
        }
        return try ModelPackage(parsing: text)
    }
}
