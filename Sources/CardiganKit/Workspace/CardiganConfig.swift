import Foundation

/// The optional `.cardigan.yaml` at a repository's root.
///
/// ```yaml
/// branch: main          # the protected branch whose history is the record
/// cards: cards          # the folder of card files
/// schema: builtin:model-card/1   # a built-in schema by name and version, or a file of the repository
/// templates: templates  # a repository's own templates override the built-in ones
/// fsync: true           # flush objects and references to disk before they count (default)
/// ```
public struct CardiganConfig: Sendable, Equatable {
    /// The file name.
    public static let fileName = ".cardigan.yaml"

    /// The protected branch.
    public var branch = "main"
    /// The folder of card files, relative to the root.
    public var cardsDirectory = "cards"
    /// The schema file relative to the root, or nil for the built-in schema.
    public var schemaPath: String?
    /// The folder of templates, relative to the root.
    public var templatesDirectory = "templates"
    /// Whether object and reference writes are fsynced (libgit2's `GIT_OPT_ENABLE_FSYNC_GITDIR`).
    public var fsync = true
    /// The `approval:` section: approvals are signatures (see ``ApprovalSettings``); nil when
    /// absent, and a move to Approved is a plain status change.
    public var approval: ApprovalSettings?
    /// The model registry behind the links (`registry:`), nil when none is configured.
    public var registry: RegistryConfig?

    /// The defaults.
    public init() {}

    private static let keys = ["branch", "cards", "schema", "templates", "fsync", "approval", "registry"]

    /// Reads the configuration from `data`; `path` names the file in errors.
    public static func parse(_ data: Data, path: String) throws -> CardiganConfig {
        let loaded = SafeYAMLLoader.load(data, path: path)
        if let finding = loaded.findings.first(where: { $0.ruleID != .yamlEmpty }) {
            throw CardiganError(finding.message, location: finding.location, hint: finding.hint)
        }
        var config = CardiganConfig()
        guard let root = loaded.root else { return config }
        guard let members = root.members else {
            throw CardiganError(
                "the configuration must be a mapping", location: Location(path: path, position: root.position))
        }
        for member in members {
            let location = Location(path: path, position: member.value.position, pointer: "/" + member.key)
            guard keys.contains(member.key) else {
                let suggestion = Suggestion.closest(to: member.key, in: keys).map { "did you mean '\($0)'?" }
                throw CardiganError(
                    "unknown setting '\(member.key)'", location: Location(path: path, position: member.keyPosition),
                    hint: suggestion ?? "settings are \(keys.map { "'\($0)'" }.joined(separator: ", "))")
            }
            if member.key == "fsync" {
                guard case .bool(let enabled) = member.value.kind else {
                    throw CardiganError(
                        "'fsync' must be true or false, not \(member.value.displayText)", location: location)
                }
                config.fsync = enabled
                continue
            }
            if member.key == "approval" {
                config.approval = try ApprovalSettings.parse(member.value, path: path)
                continue
            }
            if member.key == "registry" {
                config.registry = try RegistryConfig.parse(member.value, path: path)
                continue
            }
            guard let value = member.value.stringValue, !value.isEmpty else {
                throw CardiganError(
                    "'\(member.key)' must be a non-empty string, not \(member.value.displayText)", location: location)
            }
            if value.hasPrefix("/") || value.split(separator: "/").contains("..") {
                if member.key != "branch" {
                    throw CardiganError(
                        "'\(member.key)' must be a path inside the repository, not '\(value)'", location: location)
                }
            }
            switch member.key {
            case "branch": config.branch = value
            case "cards": config.cardsDirectory = value
            case "schema": config.schemaPath = value
            default: config.templatesDirectory = value
            }
        }
        return config
    }
}
