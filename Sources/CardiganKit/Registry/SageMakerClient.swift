import Foundation

/// Calls SageMaker's JSON API (`X-Amz-Target: SageMaker.<Operation>`,
/// `application/x-amz-json-1.1`), signed with SigV4, retried per its ``RetryPolicy``. Every
/// failure becomes a ``CardiganError`` that says what to do, or a ``RegistryServiceError`` for
/// the adapter to interpret (a missing resource is an answer, not a failure).
public final class SageMakerClient: Sendable {
    /// Where and with what requests go.
    public let settings: AWSSettings
    /// How failures are retried.
    public let retry: RetryPolicy
    let transport: any HTTPTransport
    let clock: RegistryClock
    let endpoint: HTTPEndpoint

    /// A client; throws when the endpoint is not an http(s) URL (see ``HTTPEndpoint``).
    public init(settings: AWSSettings, transport: any HTTPTransport, retry: RetryPolicy, clock: RegistryClock) throws {
        self.endpoint = try HTTPEndpoint(
            parsing: settings.endpoint, source: settings.endpointSource, credentialsHint: AWSSettings.credentialsHint)
        self.settings = settings
        self.transport = transport
        self.retry = retry
        self.clock = clock
    }

    /// Error types that mean "wait and try again".
    static let throttlingTypes: Set<String> = [
        "ThrottlingException", "ThrottledException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException",
        "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException", "SlowDown",
    ]

    /// Error types that mean the credentials are wrong or expired.
    static let credentialTypes: Set<String> = [
        "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch", "InvalidClientTokenId",
        "ExpiredTokenException", "ExpiredToken", "IncompleteSignature", "MissingAuthenticationToken",
    ]

    /// The unsigned request of `operation` with `input` as its body.
    func request(_ operation: String, body: [UInt8]) -> HTTPRequest {
        endpoint.request(
            "POST", path: endpoint.path.isEmpty ? "/" : endpoint.path,
            headers: [
                ("Content-Type", "application/x-amz-json-1.1"), ("X-Amz-Target", "SageMaker.\(operation)"),
            ],
            body: body, timeout: retry.timeout)
    }

    /// Calls `operation` with `input` and returns the parsed answer.
    public func call(_ operation: String, _ input: ValueNode) throws -> ValueNode {
        let body = Array(CanonicalJSON.text(of: input).utf8)
        let hint =
            "nothing was changed in git; check the endpoint and the network, or allow more with 'registry.max_attempts' and 'registry.max_retry_seconds'"
        return try retry.run("SageMaker \(operation)", endpoint: settings.endpoint, clock: clock, hint: hint) {
            var request = request(operation, body: body)
            SigV4Signer(credentials: settings.credentials, region: settings.region, service: "sagemaker")
                .sign(&request, at: clock.now())
            let response = try transport.send(request)
            if let answer = try response.successJSON(
                "SageMaker's answer to \(operation)",
                hint: "check that the endpoint '\(settings.endpoint)' is SageMaker's API")
            {
                return answer
            }
            let error = Self.serviceError(operation, response)
            if Self.credentialTypes.contains(error.type) {
                throw CardiganError(
                    "SageMaker refused the credentials (\(settings.credentials)): \(error)",
                    hint:
                        "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or AWS_PROFILE, to valid credentials"
                )
            }
            guard response.status == 429 || response.status >= 500 || Self.throttlingTypes.contains(error.type)
            else {
                guard error.isServiceAnswer else {
                    throw RegistryServiceError.notTheRegistry(
                        service: "SageMaker", operation: operation, status: response.status, body: response.body,
                        url: settings.endpoint, setting: settings.endpointSource)
                }
                throw error
            }
            throw RetryableFailure(description: "\(error)")
        }
    }

    /// The error type and message of a failed answer: `__type` (after any `#`) or the
    /// `x-amzn-ErrorType` header, and `message` or `Message`.
    static func serviceError(_ operation: String, _ response: HTTPResponse) -> RegistryServiceError {
        let parsed = try? JSONParser.parse(Data(response.body))
        var type =
            parsed?["__type"]?.stringValue ?? response.headers["x-amzn-errortype"]?.split(separator: ":").first.map(
                String.init) ?? "HTTP \(response.status)"
        if let hash = type.lastIndex(of: "#") { type = String(type[type.index(after: hash)...]) }
        let message =
            parsed?["message"]?.stringValue ?? parsed?["Message"]?.stringValue
            ?? String(decoding: response.body.prefix(300), as: UTF8.self)
        return RegistryServiceError(operation: operation, status: response.status, type: type, message: message)
    }
}
