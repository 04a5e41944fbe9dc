import Foundation

/// The http(s) URL a registry client sends its requests to (`registry.endpoint`, `registry.uri`,
/// `AWS_ENDPOINT_URL_SAGEMAKER`, `MLFLOW_TRACKING_URI` …), split into what a request needs:
/// scheme, host, port and the path the requests go below. Parsed in one place for every
/// registry, with an error that names the setting the URL came from.
public struct HTTPEndpoint: Sendable, Equatable {
    /// `http` or `https`.
    public let scheme: String
    /// The host name or address.
    public let host: String
    /// The port, nil for the scheme's default.
    public let port: Int?
    /// The path as written (`/mlflow`, `/`), empty when the URL has none.
    public let path: String

    /// Parses `text`, the value of the setting `source` (`'registry.uri'`, `MLFLOW_TRACKING_URI`),
    /// located at `location` when it comes from a file. Refuses what is not an http(s) URL with a
    /// host, a port out of range, and a URL with a query, a fragment or credentials in it
    /// (cardigan would drop them; credentials have settings of their own, named by
    /// `credentialsHint`, and are never printed).
    public init(parsing text: String, source: String, location: Location? = nil, credentialsHint: String) throws {
        func refuse(_ problem: String, hint: String = Self.hint) -> CardiganError {
            CardiganError("\(source) \(problem)", location: location, hint: hint)
        }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = url.host, !host.isEmpty
        else {
            throw refuse("is not an http(s) URL: '\(DisplayText.quoted(Self.withoutCredentials(text)))'")
        }
        if url.user != nil || url.password != nil {
            throw refuse("holds a user name or password, which cardigan does not send", hint: credentialsHint)
        }
        if let port = url.port, !(1...65535).contains(port) {
            throw refuse("has port \(port); a port is a number from 1 to 65535")
        }
        if url.query != nil || url.fragment != nil {
            throw refuse(
                "has a \(url.query != nil ? "query ('?…')" : "fragment ('#…')"), which an endpoint cannot have: '\(DisplayText.quoted(text))'"
            )
        }
        self.scheme = scheme
        self.host = host
        self.port = url.port
        self.path = url.path
    }

    private static let hint =
        "an endpoint is http:// or https://, a host, and optionally a port and a path, e.g. http://127.0.0.1:5000"

    /// `text` with anything between `scheme://` and `@` left out, so an error never shows a password.
    static func withoutCredentials(_ text: String) -> String {
        guard let start = text.range(of: "://")?.upperBound, let at = text[start...].firstIndex(of: "@") else {
            return text
        }
        return String(text[..<start]) + "…" + String(text[at...])
    }

    /// The path of a request to `suffix` below the endpoint's path: `/mlflow` + `/api/…`.
    public func path(appending suffix: String) -> String {
        (path.hasSuffix("/") ? String(path.dropLast()) : path) + suffix
    }

    /// A request of `method` to `path` on this endpoint.
    public func request(
        _ method: String, path: String, query: String = "", headers: [(name: String, value: String)], body: [UInt8],
        timeout: Double
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, scheme: scheme, host: host, port: port, path: path, query: query, headers: headers,
            body: body, timeout: timeout)
    }
}
