import CardiganHTTP
import CardiganKit
import Foundation
import TestSupport

/// A card repository whose `.cardigan.yaml` names a SageMaker registry served by moto, and the
/// environment the `cardigan` binary runs in: its own HOME, test credentials, the emulator's
/// endpoint. Every output is kept so a test can search all of it for the secret.
final class RegistryFixture {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYsecret0"
    let moto: MotoServer
    let repo: CardRepo
    let home: String
    private(set) var outputs: [String] = []

    init(configure: Bool = true) throws {
        moto = try MotoServer()
        repo = try CardRepo()
        home = repo.path + "/.home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try repo.write(".gitignore", ".home/\n")
        if configure { try configureRegistry() }
    }

    /// Writes the registry section into `.cardigan.yaml` and commits it with git.
    func configureRegistry(endpoint: String? = nil) throws {
        var text =
            "registry:\n  kind: sagemaker\n  region: eu-west-1\n  max_attempts: 2\n  max_retry_seconds: 5\n  timeout: 5\n"
        if let endpoint { text += "  endpoint: \(endpoint)\n" }
        try repo.write(".cardigan.yaml", text)
        try repo.git("add", ".cardigan.yaml", ".gitignore")
        try repo.git("commit", "-q", "-m", "registry")
    }

    var environment: [String: String] {
        [
            "HOME": home, "GIT_CONFIG_GLOBAL": home + "/.gitconfig", "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": Self.secret, "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "", "AWS_REGION": "",
            "AWS_DEFAULT_REGION": "", "AWS_ENDPOINT_URL": "", "AWS_ENDPOINT_URL_SAGEMAKER": moto.endpoint,
            "AWS_CONFIG_FILE": "", "AWS_SHARED_CREDENTIALS_FILE": "",
        ]
    }

    /// Runs `cardigan` with the fixture's environment (and `extra` on top).
    @discardableResult
    func cardigan(_ arguments: String..., extra: [String: String] = [:]) throws -> ProcessResult {
        let result = try repo.repo.run(
            [PackagePaths.cardigan] + arguments, environment: environment.merging(extra) { $1 })
        outputs.append(result.output + result.error)
        return result
    }

    /// A committed card `name` from the full template.
    func card(_ name: String) throws {
        try cardigan("new", name, "--template", "full").checked()
        try cardigan("commit", name, "-m", "\(name) card").checked()
    }

    /// What must not change when a command fails: the branch, the tags, the working tree.
    func gitState() throws -> String {
        try repo.git("rev-parse", "HEAD") + repo.git("for-each-ref", "refs/tags") + repo.git("status", "--porcelain")
            + repo.git("diff")
    }

    /// The SageMaker adapter in this process over `transport`, as the binary would make it.
    func registry(transport: any HTTPTransport, pageSize: Int = 100) throws -> SageMakerRegistry {
        let settings = try AWSSettings.resolve(
            configuredRegion: "eu-west-1", configuredEndpoint: nil, environment: environment)
        return SageMakerRegistry(
            client: try SageMakerClient(
                settings: settings, transport: transport, retry: RetryPolicy(maxAttempts: 1), clock: .system),
            pageSize: pageSize)
    }
}

/// Counts the requests of each operation it carries over the real HTTP transport, and can cut
/// the connection after a number of requests (a run stopped half way).
final class CountingTransport: HTTPTransport, @unchecked Sendable {
    private let inner = AsyncHTTPTransport()
    private let lock = NSLock()
    private var sent: [String] = []
    private let failAfter: Int?

    init(failAfter: Int? = nil) {
        self.failAfter = failAfter
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let count = lock.withLock {
            sent.append((request.header("X-Amz-Target") ?? "").replacingOccurrences(of: "SageMaker.", with: ""))
            return sent.count
        }
        if let failAfter, count > failAfter { throw TransportError.interrupted("cut off by the test") }
        return try inner.send(request)
    }

    var operations: [String] { lock.withLock { sent } }
}
