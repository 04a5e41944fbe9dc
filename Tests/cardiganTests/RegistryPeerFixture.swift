import CardiganHTTP
import CardiganKit
import Foundation
import TestSupport

/// The registries the scenarios of `RegistryScenarioTests` run against: moto's SageMaker
/// emulation (a server per fixture) and a real MLflow tracking server (one per test run).
enum RegistryPeerKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sagemaker, mlflow

    var description: String { rawValue }

    /// Whether its peer is installed (or CI requires every tool: then a missing one fails).
    var isAvailable: Bool {
        switch self {
        case .sagemaker: return RegistryPeers.moto
        case .mlflow: return RegistryPeers.mlflow
        }
    }

    /// The kinds whose peer is installed.
    static var available: [RegistryPeerKind] { allCases.filter(\.isAvailable) }
}

/// A card repository whose `.cardigan.yaml` names a registry of `kind`, that registry's peer,
/// and the environment the `cardigan` binary runs in (its own HOME, a secret that must never be
/// printed). Model package groups get a unique suffix (`group("churn")`), as MLflow's server
/// is shared by every test.
final class RegistryPeerFixture {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYsecret0"
    let kind: RegistryPeerKind
    let repo: CardRepo
    let home: String
    private let moto: SpawnedServer?
    private let motoPort: Int
    private let mlflow: MLflowServer?
    private let suffix = String(UUID().uuidString.prefix(6)).lowercased()
    private(set) var outputs: [String] = []

    init(_ kind: RegistryPeerKind, configure: Bool = true) throws {
        self.kind = kind
        switch kind {
        case .sagemaker:
            // moto_server per fixture, in its own process group, stopped with the fixture.
            let port = try RegistryPeers.freePort()
            let server = try SpawnedServer(
                ["moto_server", "-H", "127.0.0.1", "-p", String(port)],
                log: NSTemporaryDirectory() + "cardigan-moto-\(port).log")
            let deadline = Date().addingTimeInterval(60)
            while !RegistryPeers.isListening(port) {
                guard server.isRunning, Date() < deadline else {
                    server.stop()
                    throw PeerError("moto_server did not start on port \(port): \(server.logTail)")
                }
                usleep(100_000)
            }
            moto = server
            motoPort = port
            mlflow = nil
        case .mlflow:
            moto = nil
            motoPort = 0
            mlflow = try MLflowServer.shared.get()
        }
        repo = try CardRepo()
        home = repo.path + "/.home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try repo.write(".gitignore", ".home/\n")
        if configure { try configureRegistry() }
    }

    /// `base` made unique to this fixture: `churn-1a2b3c`.
    func group(_ base: String) -> String { "\(base)-\(suffix)" }

    deinit {
        guard let moto else { return }
        moto.stop()
        try? FileManager.default.removeItem(atPath: moto.log)
    }

    /// The server's address.
    var endpoint: String { mlflow?.uri ?? "http://127.0.0.1:\(motoPort)" }

    /// How findings name the registry.
    var displayName: String { kind == .sagemaker ? "SageMaker (eu-west-1)" : "MLflow (\(endpoint))" }

    /// Writes the registry section into `.cardigan.yaml` and commits it with git.
    func configureRegistry() throws {
        let kindLines = kind == .sagemaker ? "  kind: sagemaker\n  region: eu-west-1\n" : "  kind: mlflow\n"
        try repo.write(
            ".cardigan.yaml", "registry:\n" + kindLines + "  max_attempts: 2\n  max_retry_seconds: 5\n  timeout: 5\n")
        try repo.git("add", ".cardigan.yaml", ".gitignore")
        try repo.git("commit", "-q", "-m", "registry")
    }

    /// The environment that points the registry at `endpoint` (the peer's when nil).
    func environment(endpoint: String? = nil) -> [String: String] {
        var environment = ["HOME": home, "GIT_CONFIG_GLOBAL": home + "/.gitconfig"]
        switch kind {
        case .sagemaker:
            environment.merge(
                [
                    "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": "",
                    "AWS_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_ENDPOINT_URL": "",
                    "AWS_ENDPOINT_URL_SAGEMAKER": endpoint ?? self.endpoint, "AWS_CONFIG_FILE": "",
                    "AWS_SHARED_CREDENTIALS_FILE": "",
                ]
            ) { $1 }
        case .mlflow:
            // The test server runs without sign-in and ignores the token; it must never be printed.
            environment.merge(
                [
                    "MLFLOW_TRACKING_URI": endpoint ?? self.endpoint, "MLFLOW_TRACKING_TOKEN": Self.secret,
                    "MLFLOW_TRACKING_USERNAME": "", "MLFLOW_TRACKING_PASSWORD": "",
                ]
            ) { $1 }
        }
        return environment
    }

    /// The environment without any way to reach or sign in to the registry.
    var unconfiguredEnvironment: [String: String] {
        kind == .sagemaker
            ? ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""] : ["MLFLOW_TRACKING_URI": ""]
    }

    /// Runs `cardigan` with the fixture's environment (and `extra` on top).
    @discardableResult
    func cardigan(_ arguments: String..., extra: [String: String] = [:]) throws -> ProcessResult {
        let result = try repo.repo.run(
            [PackagePaths.cardigan] + arguments, environment: environment().merging(extra) { $1 })
        outputs.append(result.output + result.error)
        return result
    }

    /// A committed card `name` from the full template.
    func card(_ name: String) throws {
        try cardigan("new", name, "--template", "full").checked()
        try cardigan("commit", name, "-m", "\(name) card").checked()
    }

    /// The start of most scenarios: package group `churn-<suffix>` with version 1 in the
    /// registry, and card `churn` linked to it (v1 Draft, v2 Draft with the link). Returns the group.
    func linkedChurnCard() throws -> String {
        let churn = group("churn")
        try createGroup(churn)
        try registerVersion(churn)
        try card("churn")
        try cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        return churn
    }

    /// What must not change when a command fails: the branch, the tags, the working tree.
    func gitState() throws -> String {
        try repo.git("rev-parse", "HEAD") + repo.git("for-each-ref", "refs/tags") + repo.git("status", "--porcelain")
            + repo.git("diff")
    }

    // MARK: The registry's side, through the peer's own client (boto3, MLflow's REST API)

    /// Creates a package group (a registered model).
    func createGroup(_ group: String) throws { try setup(["group", group]) }

    /// Registers the next version of `group`.
    func registerVersion(_ group: String, description: String? = nil) throws {
        try setup(["version", group] + (description.map { [$0] } ?? []))
    }

    /// Registers `count` versions of `group`.
    func registerVersions(_ group: String, _ count: Int) throws { try setup(["versions", group, String(count)]) }

    /// Approves `version` for deployment: SageMaker's approval status, or an MLflow alias
    /// (`champion` unless said; an alias names one version, so a second approval uses another).
    func approve(_ group: String, _ version: Int, alias: String = "champion") throws {
        try setup(["approve", group, String(version)] + (kind == .mlflow ? [alias] : []))
    }

    /// What the registry shows of the cards of `group`, one line each.
    func shownCards(_ group: String) throws -> String {
        try setup(kind == .sagemaker ? ["show-cards"] : ["show-cards", group])
    }

    /// Edits, in the registry, the card of `card` on `group`'s version 1.
    func editCard(_ card: String, group: String, text: String) throws {
        try setup(kind == .sagemaker ? ["edit-card", card, text] : ["edit-card", group, "1", text])
    }

    /// An MLflow model version as MLflow returns it: its description and tags, and the tags of
    /// its registered model.
    func mlflowVersion(_ group: String, _ version: Int) throws -> (
        description: String, tags: [String: String], modelTags: [String: String]
    ) {
        let text = try setup(["version-json", group, String(version)])
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        return (
            object["description"] as? String ?? "", object["tags"] as? [String: String] ?? [:],
            object["model_tags"] as? [String: String] ?? [:]
        )
    }

    @discardableResult
    private func setup(_ arguments: [String]) throws -> String {
        switch kind {
        case .sagemaker: return try RegistryPeers.peer(["setup", endpoint] + arguments).checked().output
        case .mlflow: return try mlflow?.setup(arguments) ?? ""
        }
    }

    /// The adapter in this process over `transport`, as the binary would make it.
    func registry(transport: any HTTPTransport, pageSize: Int = 100) throws -> any ModelRegistry {
        switch kind {
        case .sagemaker:
            let settings = try AWSSettings.resolve(
                configuredRegion: "eu-west-1", configuredEndpoint: nil, environment: environment())
            return SageMakerRegistry(
                client: try SageMakerClient(
                    settings: settings, transport: transport, retry: RetryPolicy(maxAttempts: 1), clock: .system),
                pageSize: pageSize)
        case .mlflow:
            let settings = try MLflowSettings.resolve(configuredURI: nil, environment: environment())
            return MLflowRegistry(
                client: try MLflowClient(
                    settings: settings, transport: transport, retry: RetryPolicy(maxAttempts: 1), clock: .system),
                pageSize: pageSize)
        }
    }
}

/// Counts the requests it carries over the real HTTP transport by operation (SageMaker's
/// `X-Amz-Target`, MLflow's endpoint), and can cut the connection after a number of requests.
final class OperationCountingTransport: HTTPTransport, @unchecked Sendable {
    private let inner = AsyncHTTPTransport()
    private let lock = NSLock()
    private var sent: [String] = []
    private let failAfter: Int?

    init(failAfter: Int? = nil) {
        self.failAfter = failAfter
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let operation =
            request.header("X-Amz-Target")?.replacingOccurrences(of: "SageMaker.", with: "")
            ?? request.path.components(separatedBy: "/api/2.0/mlflow/").last ?? request.path
        let count = lock.withLock {
            sent.append(operation)
            return sent.count
        }
        if let failAfter, count > failAfter { throw TransportError.interrupted("cut off by the test") }
        return try inner.send(request)
    }

    var operations: [String] { lock.withLock { sent } }
}
