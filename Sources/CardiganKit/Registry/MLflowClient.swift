import Foundation

/// Calls MLflow's REST API (`/api/2.0/mlflow/…`, JSON), signed in as ``MLflowSettings`` says,
/// retried per its ``RetryPolicy`` (429, 5xx and broken connections). Every failure becomes a
/// ``CardiganError`` that says what to do, or a ``RegistryServiceError`` carrying MLflow's
/// `error_code` and `message` for the adapter to interpret (a missing resource is an answer).
public final class MLflowClient: Sendable {
    /// Where and with what requests go.
    public let settings: MLflowSettings
    /// How failures are retried.
    public let retry: RetryPolicy
    let transport: any HTTPTransport
    let clock: RegistryClock
    let endpoint: HTTPEndpoint

    /// A client; throws when the URI is not an http(s) URL (see ``HTTPEndpoint``).
    public init(settings: MLflowSettings, transport: any HTTPTransport, retry: RetryPolicy, clock: RegistryClock) throws
    {
        self.endpoint = try HTTPEndpoint(
            parsing: settings.uri, source: settings.uriSource, credentialsHint: MLflowSettings.credentialsHint)
        self.settings = settings
        self.transport = transport
        self.retry = retry
        self.clock = clock
    }

    /// `GET /api/2.0/mlflow/<endpoint>?<query>`.
    public func get(_ endpoint: String, _ query: [(String, String)]) throws -> ValueNode {
        try call("GET", endpoint, query: query, body: nil)
    }

    /// `POST /api/2.0/mlflow/<endpoint>` with `body` as JSON.
    public func post(_ endpoint: String, _ body: ValueNode) throws -> ValueNode {
        try call("POST", endpoint, query: [], body: body)
    }

    /// `method` (`PATCH`, `DELETE`) `/api/2.0/mlflow/<endpoint>` with `body` as JSON.
    public func send(_ method: String, _ endpoint: String, _ body: ValueNode) throws -> ValueNode {
        try call(method, endpoint, query: [], body: body)
    }

    /// The request of `endpoint`, signed in.
    func request(_ method: String, _ endpoint: String, query: [(String, String)], body: ValueNode?) -> HTTPRequest {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = query.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if let authorization = settings.authorization { headers.append(("Authorization", authorization)) }
        return self.endpoint.request(
            method, path: self.endpoint.path(appending: "/api/2.0/mlflow/" + endpoint),
            query: encoded.joined(separator: "&"), headers: headers,
            body: body.map { Array(CanonicalJSON.text(of: $0).utf8) } ?? [], timeout: retry.timeout)
    }

    /// Sends one call with its retries and returns the parsed answer.
    func call(_ method: String, _ endpoint: String, query: [(String, String)], body: ValueNode?) throws -> ValueNode {
        let hint =
            "nothing was changed in git; check MLFLOW_TRACKING_URI and the network, or allow more with 'registry.max_attempts' and 'registry.max_retry_seconds'"
        return try retry.run("MLflow \(endpoint)", endpoint: settings.uri, clock: clock, hint: hint) {
            let response = try transport.send(request(method, endpoint, query: query, body: body))
            if let answer = try response.successJSON(
                "MLflow's answer to \(endpoint)", hint: "check that '\(settings.uri)' is an MLflow tracking server")
            {
                return answer
            }
            let error = Self.serviceError(endpoint, response)
            if response.status == 401 || response.status == 403 {
                throw CardiganError(
                    "MLflow refused the sign-in (\(settings)): \(error)",
                    hint:
                        "set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, to credentials the server accepts"
                )
            }
            guard response.status == 429 || response.status >= 500 else {
                guard error.isServiceAnswer else {
                    throw RegistryServiceError.notTheRegistry(
                        service: "MLflow", operation: endpoint, status: response.status, body: response.body,
                        url: settings.uri, setting: settings.uriSource)
                }
                throw error
            }
            throw RetryableFailure(description: "\(error)")
        }
    }

    /// MLflow's `error_code` and `message` of a failed answer (the status and body when it
    /// sent none).
    static func serviceError(_ endpoint: String, _ response: HTTPResponse) -> RegistryServiceError {
        let parsed = try? JSONParser.parse(Data(response.body))
        return RegistryServiceError(
            operation: endpoint, status: response.status,
            type: parsed?["error_code"]?.stringValue ?? "HTTP \(response.status)",
            message: parsed?["message"]?.stringValue ?? String(decoding: response.body.prefix(300), as: UTF8.self))
    }
}
