import Foundation
import Testing

@testable import CardiganKit

/// What the registry clients do with an answer that is not the service's, and what the
/// credentials show of themselves: never the secret, however they are printed.
@Suite struct RegistryAnswerTests {
    private static let page = HTTPResponse(
        status: 200, headers: ["content-type": "text/html"], body: Array("<html>login</html>".utf8))

    @Test func aSageMakerAnswerThatIsNotJSONIsRefusedWithoutRetrying() throws {
        let transport = ScriptedTransport { _, _ in Self.page }
        let client = try SageMakerClient(
            settings: .test(), transport: transport, retry: RetryPolicy(maxAttempts: 3), clock: FakeClock().clock)
        let error = #expect(throws: CardiganError.self) {
            try client.call("DescribeModelCard", .object([("ModelCardName", .text("churn"))]))
        }
        #expect(transport.requests.count == 1)
        #expect(error?.message.hasPrefix("SageMaker's answer to DescribeModelCard is not JSON: ") == true)
        #expect(error?.hint == "check that the endpoint 'http://127.0.0.1:9' is SageMaker's API")
        // The honest twin: the same client reads a JSON answer.
        let json = ScriptedTransport { _, _ in ScriptedTransport.json(200, #"{"ModelCardName":"churn"}"#) }
        let answer = try SageMakerClient(
            settings: .test(), transport: json, retry: RetryPolicy(maxAttempts: 3), clock: FakeClock().clock
        ).call("DescribeModelCard", .object([]))
        #expect(answer["ModelCardName"]?.stringValue == "churn")
    }

    @Test func anMLflowAnswerThatIsNotJSONIsRefusedWithoutRetrying() throws {
        let transport = ScriptedTransport { _, _ in Self.page }
        let client = try MLflowClient(
            settings: MLflowSettings(uri: "http://127.0.0.1:9", credentials: .none), transport: transport,
            retry: RetryPolicy(maxAttempts: 3), clock: FakeClock().clock)
        let error = #expect(throws: CardiganError.self) { try client.get("registered-models/get", [("name", "x")]) }
        #expect(transport.requests.count == 1)
        #expect(error?.message.hasPrefix("MLflow's answer to registered-models/get is not JSON: ") == true)
        #expect(error?.hint == "check that 'http://127.0.0.1:9' is an MLflow tracking server")
    }

    @Test func credentialsNeverPrintTheirSecretOrToken() {
        let settings = AWSSettings.test(token: "session-token-never-printed")
        let credentials = settings.credentials
        var dumped = ""
        dump(credentials, to: &dumped)
        var dumpedSettings = ""
        dump(settings, to: &dumpedSettings)
        let shown = [
            "\(credentials)", String(reflecting: credentials), dumped, dumpedSettings, "\(settings)",
            String(reflecting: settings),
        ]
        for text in shown {
            #expect(text.contains("AKIDEXAMPLE"), "\(text)")
            #expect(!text.contains(credentials.secretAccessKey), "\(text)")
            #expect(!text.contains("session-token-never-printed"), "\(text)")
        }
        #expect(String(reflecting: credentials) == "access key 'AKIDEXAMPLE' from the test")
        #expect(Mirror(reflecting: credentials).children.map(\.label) == ["accessKeyID", "source"])
    }
}
