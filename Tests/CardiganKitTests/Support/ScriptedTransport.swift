import Foundation

@testable import CardiganKit

/// A transport that records every request and answers from a script: a function of the
/// request and how many came before it. No network.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var log: [HTTPRequest] = []
    private let answer: @Sendable (HTTPRequest, Int) throws -> HTTPResponse

    init(answer: @escaping @Sendable (HTTPRequest, Int) throws -> HTTPResponse) {
        self.answer = answer
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        let index = lock.withLock {
            log.append(request)
            return log.count - 1
        }
        return try answer(request, index)
    }

    /// The requests sent so far.
    var requests: [HTTPRequest] { lock.withLock { log } }

    /// The operation (`X-Amz-Target` without `SageMaker.`) of each request.
    var operations: [String] {
        requests.map { ($0.header("X-Amz-Target") ?? "").replacingOccurrences(of: "SageMaker.", with: "") }
    }

    /// A JSON answer.
    static func json(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["content-type": "application/x-amz-json-1.1"], body: Array(text.utf8))
    }
}

/// A clock that never sleeps: it records the waits and moves its time forward by them.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_764_500_000)
    private var recorded: [Double] = []

    var clock: RegistryClock {
        RegistryClock(
            now: { self.lock.withLock { self.now } },
            sleep: { seconds in
                self.lock.withLock {
                    self.recorded.append(seconds)
                    self.now += seconds
                }
            },
            jitter: { cap in cap * 0.5 })
    }

    /// Moves time forward without a sleep (a slow answer).
    func advance(_ seconds: Double) { lock.withLock { now += seconds } }

    var sleeps: [Double] { lock.withLock { recorded } }
}

extension AWSSettings {
    /// Settings for tests: fixed credentials (the secret is searched for in outputs), a local endpoint.
    static func test(token: String? = nil, endpoint: String = "http://127.0.0.1:9") -> AWSSettings {
        AWSSettings(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                sessionToken: token, source: "the test"),
            region: "eu-west-1", endpoint: endpoint)
    }
}
