import AsyncHTTPClient
import CardiganKit
import Foundation
import NIOCore
import NIOHTTP1

/// ``HTTPTransport`` over swift-server's async-http-client. The command is synchronous (libgit2
/// is), so each request waits for its future on the calling thread, which is never one of the
/// client's event-loop threads; no Swift task is involved, so nothing can block the main actor.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient

    /// A transport with its own client; `connectTimeout` bounds making a connection.
    public init(connectTimeout: Double = 10) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .milliseconds(Int64(connectTimeout * 1000)))
        configuration.redirectConfiguration = .disallow
        // A refused connection fails the request at once; the registry client's retry policy
        // (bounded tries and time, jittered backoff) decides what happens next.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        try? client.syncShutdown()
    }

    public func send(_ request: CardiganKit.HTTPRequest) throws -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in request.headers where name.lowercased() != "host" { headers.add(name: name, value: value) }
        let outgoing: HTTPClient.Request
        do {
            outgoing = try HTTPClient.Request(
                url: request.url, method: HTTPMethod(rawValue: request.method), headers: headers,
                body: request.body.isEmpty ? nil : .bytes(request.body))
        } catch {
            throw TransportError.unreachable("'\(request.url)' is not a usable URL: \(error)")
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(request.timeout * 1000))
        do {
            let response = try client.execute(request: outgoing, deadline: deadline).wait()
            var names: [String: String] = [:]
            for header in response.headers { names[header.name.lowercased()] = header.value }
            let body = response.body.map { Array($0.readableBytesView) } ?? []
            return HTTPResponse(status: Int(response.status.code), headers: names, body: body)
        } catch let error as HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: throw TransportError.timedOut
            case .connectTimeout: throw TransportError.unreachable("connecting timed out")
            case .remoteConnectionClosed, .cancelled: throw TransportError.interrupted("\(error)")
            default: throw TransportError.unreachable("\(error)")
            }
        } catch {
            throw TransportError.unreachable(Self.describe(error))
        }
    }

    /// A connection error in words: "connection refused" rather than a type dump.
    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("connection refused") { return "connection refused" }
        if let range = text.range(of: "description: ") { return String(text[range.upperBound...]) }
        return text
    }
}
