import Foundation

/// The `registry:` section of `.cardigan.yaml`: which model registry stands behind the links.
///
/// ```yaml
/// registry:
///   kind: sagemaker          # the one kind so far
///   region: eu-west-1        # else AWS_REGION / AWS_DEFAULT_REGION / the profile's region
///   endpoint: https://…      # else AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL
///   max_attempts: 3          # tries of one request (throttling, 5xx, broken connections)
///   max_retry_seconds: 60    # the most time one request may take with its retries
///   timeout: 30              # seconds to wait for one answer
/// ```
///
/// or MLflow's Model Registry:
///
/// ```yaml
/// registry:
///   kind: mlflow
///   uri: http://127.0.0.1:5000     # else MLFLOW_TRACKING_URI
///   approved_alias: champion       # or a list; default: champion, production
///   approved_tag: deploy=approved  # a model version tag that also approves it
/// ```
public struct RegistryConfig: Sendable, Equatable {
    /// The kinds of registry cardigan talks to.
    public enum Kind: String, Sendable, CaseIterable {
        /// Amazon SageMaker's Model Registry and model cards.
        case sagemaker
        /// MLflow's Model Registry (registered models and their versions).
        case mlflow
    }

    /// The kind.
    public var kind: Kind
    /// The region, when set here.
    public var region: String?
    /// The endpoint URL, when set here.
    public var endpoint: String?
    /// How requests are retried.
    public var retry = RetryPolicy()
    /// MLflow: the tracking server's URI, when set here.
    public var uri: String?
    /// MLflow: the aliases that approve a model version for deployment.
    public var approvedAliases = ["champion", "production"]
    /// MLflow: a model version tag (key and value) that approves it for deployment, if any.
    public var approvedTag: (key: String, value: String)?

    /// The settings of one kind only, with the kind they belong to.
    static let kindSettings: [String: Kind] = [
        "region": .sagemaker, "endpoint": .sagemaker, "uri": .mlflow, "approved_alias": .mlflow,
        "approved_tag": .mlflow,
    ]

    public static func == (lhs: RegistryConfig, rhs: RegistryConfig) -> Bool {
        lhs.kind == rhs.kind && lhs.region == rhs.region && lhs.endpoint == rhs.endpoint && lhs.retry == rhs.retry
            && lhs.uri == rhs.uri && lhs.approvedAliases == rhs.approvedAliases
            && lhs.approvedTag?.key == rhs.approvedTag?.key && lhs.approvedTag?.value == rhs.approvedTag?.value
    }

    /// A configuration of `kind`.
    public init(kind: Kind) {
        self.kind = kind
    }

    private static let keys = [
        "kind", "region", "endpoint", "max_attempts", "max_retry_seconds", "timeout", "uri", "approved_alias",
        "approved_tag",
    ]

    /// Reads the section `node` of the file `path`.
    static func parse(_ node: ValueNode, path: String) throws -> RegistryConfig {
        guard let members = node.members else {
            throw CardiganError(
                "'registry' must be a mapping with 'kind', not \(node.displayText)",
                location: Location(path: path, position: node.position, pointer: "/registry"))
        }
        func location(_ member: ValueNode.Member) -> Location {
            Location(path: path, position: member.value.position, pointer: "/registry/" + member.key)
        }
        guard let kindMember = members.first(where: { $0.key == "kind" }) else {
            throw CardiganError(
                "'registry' has no 'kind'",
                location: Location(path: path, position: node.position, pointer: "/registry"),
                hint: "kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let kind = kindMember.value.stringValue.flatMap(Kind.init(rawValue:)) else {
            throw CardiganError(
                "unknown registry kind \(kindMember.value.displayText)", location: location(kindMember),
                hint: "kinds: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var config = RegistryConfig(kind: kind)
        for member in members where member.key != "kind" {
            guard keys.contains(member.key) else {
                let suggestion = Suggestion.closest(to: member.key, in: keys).map { "did you mean '\($0)'?" }
                throw CardiganError(
                    "unknown registry setting '\(member.key)'",
                    location: Location(path: path, position: member.keyPosition, pointer: "/registry/" + member.key),
                    hint: suggestion ?? "settings are \(keys.map { "'\($0)'" }.joined(separator: ", "))")
            }
            if let owner = kindSettings[member.key], owner != kind {
                throw CardiganError(
                    "'registry.\(member.key)' is a setting of kind '\(owner.rawValue)', not of '\(kind.rawValue)'",
                    location: Location(path: path, position: member.keyPosition, pointer: "/registry/" + member.key))
            }
            switch member.key {
            case "uri", "approved_alias", "approved_tag":
                try config.parseMLflowSetting(member, location: location(member))
            case "region", "endpoint":
                guard let text = member.value.stringValue, !text.isEmpty else {
                    throw CardiganError(
                        "'registry.\(member.key)' must be a non-empty string, not \(member.value.displayText)",
                        location: location(member))
                }
                if member.key == "region" {
                    config.region = text
                } else {
                    _ = try HTTPEndpoint(
                        parsing: text, source: "'registry.endpoint'", location: location(member),
                        credentialsHint: AWSSettings.credentialsHint)
                    config.endpoint = text
                }
            case "max_attempts":
                guard let value = member.value.intValue, (1...20).contains(value) else {
                    throw CardiganError(
                        "'registry.max_attempts' must be a whole number from 1 to 20, not \(member.value.displayText)",
                        location: location(member))
                }
                config.retry.maxAttempts = value
            default:
                guard let value = member.value.numberValue, value > 0, value <= 3600 else {
                    throw CardiganError(
                        "'registry.\(member.key)' must be a number of seconds above 0 and at most 3600, not \(member.value.displayText)",
                        location: location(member))
                }
                if member.key == "timeout" {
                    config.retry.timeout = value
                } else {
                    config.retry.maxTotalSeconds = value
                }
            }
        }
        return config
    }

    /// The registry this configuration names, talking through `transport`.
    public func connect(
        environment: [String: String], transport: any HTTPTransport, clock: RegistryClock = .system
    ) throws -> any ModelRegistry {
        switch kind {
        case .sagemaker:
            let settings = try AWSSettings.resolve(
                configuredRegion: region, configuredEndpoint: endpoint, environment: environment)
            return SageMakerRegistry(
                client: try SageMakerClient(settings: settings, transport: transport, retry: retry, clock: clock))
        case .mlflow:
            let settings = try MLflowSettings.resolve(configuredURI: uri, environment: environment)
            return MLflowRegistry(
                client: try MLflowClient(settings: settings, transport: transport, retry: retry, clock: clock),
                approval: MLflowApproval(aliases: approvedAliases, tag: approvedTag))
        }
    }
}
