import Foundation

/// One HTTP request a registry adapter sends, in plain values: the transport that carries it is
/// a separate target (`CardiganHTTP`), and tests carry it with a recording transport.
public struct HTTPRequest: Sendable, Equatable {
    /// `POST`, `GET`, …
    public var method: String
    /// `http` or `https`.
    public var scheme: String
    /// The host name or address.
    public var host: String
    /// The port, nil for the scheme's default.
    public var port: Int?
    /// The path, starting with `/`.
    public var path: String
    /// The query, already percent-encoded (`a=1&b=x%20y`), empty for none.
    public var query: String
    /// The headers in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]
    /// Seconds to wait for the whole response.
    public var timeout: Double

    /// A request; `headers` are added later by the adapter and the signer.
    public init(
        method: String, scheme: String, host: String, port: Int?, path: String = "/", query: String = "",
        headers: [(name: String, value: String)] = [], body: [UInt8] = [], timeout: Double = 30
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// `host` or `host:port` when the port is not the scheme's default: the `Host` header.
    public var hostHeader: String {
        guard let port, port != (scheme == "https" ? 443 : 80) else { return host }
        return "\(host):\(port)"
    }

    /// The whole URL.
    public var url: String {
        "\(scheme)://\(hostHeader)\(path)" + (query.isEmpty ? "" : "?" + query)
    }

    /// The value of header `name` (compared without case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name):\($0.value)" } == rhs.headers.map { "\($0.name):\($0.value)" }
    }
}

/// One HTTP response.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The headers, names in lower case.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]

    /// A response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The parsed body of a successful (2xx) answer, an empty object for an empty body; nil for
    /// any other status. A body that is not JSON is an error: "`answer` is not JSON: …", `hint`.
    func successJSON(_ answer: String, hint: String) throws -> ValueNode? {
        guard (200..<300).contains(status) else { return nil }
        if body.isEmpty { return ValueNode(.object([])) }
        do {
            return try JSONParser.parse(Data(body))
        } catch {
            throw CardiganError("\(answer) is not JSON: \(error)", hint: hint)
        }
    }
}

/// Why a transport got no response.
public enum TransportError: Error, Sendable, Equatable {
    /// No connection could be made (refused, no route, name not found): `detail` says which.
    case unreachable(String)
    /// The response did not arrive within the request's timeout.
    case timedOut
    /// The connection broke while the request was under way.
    case interrupted(String)
}

/// Carries requests to a server and back. Synchronous on purpose: the commands are synchronous
/// (libgit2 is), and an implementation waits for its event loop outside any Swift task.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, or throws a ``TransportError``.
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}
