import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// SageMaker's JSON protocol, retries and faults, over a scripted transport.
@Suite struct SageMakerClientTests {
    private let secret = AWSSettings.test().credentials.secretAccessKey

    private func client(
        _ transport: ScriptedTransport, clock: FakeClock, retry: RetryPolicy = RetryPolicy(maxAttempts: 4)
    ) throws -> SageMakerClient {
        try SageMakerClient(settings: .test(), transport: transport, retry: retry, clock: clock.clock)
    }

    @Test func sendsTheJSONProtocolSigned() throws {
        let transport = ScriptedTransport { _, _ in ScriptedTransport.json(200, #"{"ModelCardName":"churn"}"#) }
        let answer = try client(transport, clock: FakeClock()).call(
            "DescribeModelCard", .object([("ModelCardName", .text("churn"))]))
        #expect(answer["ModelCardName"]?.stringValue == "churn")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST" && request.url == "http://127.0.0.1:9/")
        #expect(request.header("X-Amz-Target") == "SageMaker.DescribeModelCard")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/") == true)
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"ModelCardName":"churn"}"#)
    }

    @Test func anAnswerFromAnotherServerIsSaidAsSuch() throws {
        // The new-user try-out: the endpoint pointed at S3 (another server), which answers XML.
        let xml =
            "<?xml version=\"1.0\"?>\n<Error>\n  <Code>NoSuchBucket</Code>\n  <Message>The specified bucket does not exist</Message>\n</Error>"
        let transport = ScriptedTransport { _, _ in
            HTTPResponse(status: 404, headers: ["content-type": "application/xml"], body: Array(xml.utf8))
        }
        let error = #expect(throws: CardiganError.self) {
            try client(transport, clock: FakeClock()).call("ListModelPackages", .object([]))
        }
        #expect(transport.requests.count == 1)
        #expect(
            error?.description
                == "error: SageMaker ListModelPackages failed: HTTP 404 from a server that does not answer as SageMaker: '<?xml version=\"1.0\"?> <Error> <Code>NoSuchBucket</Code> <Message>The specified b… (119 characters)'\n  hint: nothing was changed in git; is 'http://127.0.0.1:9' (from the endpoint) SageMaker's URL?",
            "\(error?.description ?? "")")
        // The twin: SageMaker's own error stays the service's, for the adapter to read.
        let own = ScriptedTransport { _, _ in
            ScriptedTransport.json(400, #"{"__type":"ValidationException","message":"Model package not found"}"#)
        }
        #expect(throws: RegistryServiceError.self) {
            try client(own, clock: FakeClock()).call("DescribeModelPackage", .object([]))
        }
    }

    @Test func retriesThrottlingAnd5xxWithJitteredBackoff() throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return ScriptedTransport.json(400, #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)
            case 1: return ScriptedTransport.json(503, #"{"__type":"ServiceUnavailable","message":"try later"}"#)
            case 2: return HTTPResponse(status: 500)
            default: return ScriptedTransport.json(200, "{}")
            }
        }
        let clock = FakeClock()
        _ = try client(transport, clock: clock).call("ListModelPackages", .object([]))
        #expect(transport.requests.count == 4)
        // Full jitter over caps 1, 2, 4 s; the fake jitter takes half of each cap.
        #expect(clock.sleeps == [0.5, 1, 2])
        // Each try is signed anew.
        #expect(Set(transport.requests.compactMap { $0.header("Authorization") }).count >= 1)
    }

    @Test func givesUpAfterTheConfiguredTries() throws {
        let transport = ScriptedTransport { _, _ in HTTPResponse(status: 502, body: Array("bad gateway".utf8)) }
        let clock = FakeClock()
        let error = #expect(throws: CardiganError.self) {
            try client(transport, clock: clock, retry: RetryPolicy(maxAttempts: 3)).call(
                "ListModelPackages", .object([]))
        }
        #expect(transport.requests.count == 3)
        #expect(error?.message.hasPrefix("SageMaker ListModelPackages failed after 3 tries") == true)
        #expect(error?.message.contains("HTTP 502") == true)
        #expect(error?.hint?.contains("nothing was changed in git") == true)
    }

    @Test func givesUpWhenTheTotalTimeIsSpent() throws {
        let clock = FakeClock()
        let transport = ScriptedTransport { _, _ in
            clock.advance(25)  // each answer takes 25 s
            throw TransportError.timedOut
        }
        let error = #expect(throws: CardiganError.self) {
            try client(transport, clock: clock, retry: RetryPolicy(maxAttempts: 10, maxTotalSeconds: 60, timeout: 25))
                .call("DescribeModelCard", .object([]))
        }
        // 25 s, wait 0.5, 25 s, wait 1, 25 s: a fourth try would pass 60 s.
        #expect(transport.requests.count == 3)
        #expect(error?.message.contains("no answer from 'http://127.0.0.1:9' within 25.0 s") == true)
    }

    @Test func showsSageMakersErrorTypeAndMessageWithoutRetrying() throws {
        let transport = ScriptedTransport { _, _ in
            ScriptedTransport.json(
                400,
                #"{"__type":"com.amazonaws.sagemaker#ValidationException","message":"1 validation error detected"}"#)
        }
        let error = #expect(throws: RegistryServiceError.self) {
            try client(transport, clock: FakeClock()).call("CreateModelCard", .object([]))
        }
        #expect(transport.requests.count == 1)
        #expect(error?.description == "ValidationException (HTTP 400): 1 validation error detected")
    }

    @Test func badCredentialsSayWhatToSetAndHideTheSecret() throws {
        let transport = ScriptedTransport { _, _ in
            ScriptedTransport.json(
                400,
                #"{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}"#
            )
        }
        let error = #expect(throws: CardiganError.self) {
            try client(transport, clock: FakeClock()).call("ListModelPackages", .object([]))
        }
        #expect(transport.requests.count == 1)
        #expect(
            error?.message.contains("SageMaker refused the credentials (access key 'AKIDEXAMPLE' from the test)")
                == true)
        #expect(error?.hint?.contains("AWS_ACCESS_KEY_ID") == true)
        #expect(!"\(String(describing: error))".contains(secret))
    }

    @Test func unreachableIsRetriedThenExplained() throws {
        let transport = ScriptedTransport { _, _ in throw TransportError.unreachable("connection refused") }
        let error = #expect(throws: CardiganError.self) {
            try client(transport, clock: FakeClock(), retry: RetryPolicy(maxAttempts: 2)).call(
                "ListModelPackages", .object([]))
        }
        #expect(transport.requests.count == 2)
        #expect(error?.message.contains("cannot connect to 'http://127.0.0.1:9': connection refused") == true)
    }
}
