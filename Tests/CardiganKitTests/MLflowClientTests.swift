import Foundation
import Testing

@testable import CardiganKit

/// MLflow's REST calls, sign-in, retries, faults and settings, over a scripted transport.
@Suite struct MLflowClientTests {
    private static let token = "mlflow-token-never-printed"

    private func client(
        _ transport: ScriptedTransport, clock: FakeClock, credentials: MLflowSettings.Credentials = .bearer(token),
        retry: RetryPolicy = RetryPolicy(maxAttempts: 4)
    ) throws -> MLflowClient {
        try MLflowClient(
            settings: MLflowSettings(uri: "http://127.0.0.1:9/mlflow", credentials: credentials), transport: transport,
            retry: retry, clock: clock.clock)
    }

    @Test func sendsRESTRequestsSignedIn() throws {
        let transport = ScriptedTransport { _, _ in ScriptedTransport.json(200, #"{"model_versions":[]}"#) }
        _ = try client(transport, clock: FakeClock()).get(
            "model-versions/search", [("filter", "name='churn'"), ("max_results", "5")])
        _ = try client(transport, clock: FakeClock(), credentials: .basic(user: "alice", password: "pw:1")).send(
            "PATCH", "model-versions/update", .object([("name", .text("churn")), ("description", .text("é"))]))
        let get = transport.requests[0]
        #expect(get.method == "GET")
        #expect(
            get.url
                == "http://127.0.0.1:9/mlflow/api/2.0/mlflow/model-versions/search?filter=name%3D%27churn%27&max_results=5"
        )
        #expect(get.header("Authorization") == "Bearer \(Self.token)")
        let patch = transport.requests[1]
        #expect(patch.method == "PATCH" && patch.path == "/mlflow/api/2.0/mlflow/model-versions/update")
        #expect(patch.header("Content-Type") == "application/json")
        #expect(patch.header("Authorization") == "Basic " + Data("alice:pw:1".utf8).base64EncodedString())
        #expect(String(decoding: patch.body, as: UTF8.self) == #"{"description":"é","name":"churn"}"#)
    }

    @Test func anAnswerFromAnotherServerIsSaidAsSuch() throws {
        // The new-user try-out: MLFLOW_TRACKING_URI with a path the server does not serve, which
        // answers with a web page.
        let page = "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
        let transport = ScriptedTransport { _, _ in
            HTTPResponse(status: 404, headers: ["content-type": "text/html"], body: Array(page.utf8))
        }
        let error = #expect(throws: CardiganError.self) {
            try client(transport, clock: FakeClock()).get("registered-models/get", [])
        }
        #expect(
            error?.description
                == "error: MLflow registered-models/get failed: HTTP 404 from a server that does not answer as MLflow: '<!doctype html> <html lang=en> <title>404 Not Found</title> <h1>Not Found</h1>'\n  hint: nothing was changed in git; is 'http://127.0.0.1:9/mlflow' (from MLFLOW_TRACKING_URI) MLflow's URL?",
            "\(error?.description ?? "")")
        // A refusal in MLflow's words that no command reads is said by the CLI as an error too.
        let refusal = RegistryServiceError(
            operation: "model-versions/search", status: 400, type: "INVALID_PARAMETER_VALUE", message: "Bad filter")
        #expect(
            CardiganError(refusal).description
                == "error: the registry refused model-versions/search: INVALID_PARAMETER_VALUE (HTTP 400): Bad filter\n  hint: nothing was changed in git"
        )
    }

    @Test func retries429And5xxWithBackoffButNot4xx() throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0:
                return ScriptedTransport.json(429, #"{"error_code":"REQUEST_LIMIT_EXCEEDED","message":"slow down"}"#)
            case 1: return ScriptedTransport.json(503, #"{"error_code":"TEMPORARILY_UNAVAILABLE","message":"later"}"#)
            case 2: throw TransportError.interrupted("reset")
            default: return ScriptedTransport.json(200, "{}")
            }
        }
        let clock = FakeClock()
        _ = try client(transport, clock: clock).get("model-versions/get", [])
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [0.5, 1, 2])

        let refused = ScriptedTransport { _, _ in
            ScriptedTransport.json(400, #"{"error_code":"INVALID_PARAMETER_VALUE","message":"Bad filter"}"#)
        }
        let error = #expect(throws: RegistryServiceError.self) {
            try client(refused, clock: FakeClock()).get("model-versions/search", [])
        }
        #expect(refused.requests.count == 1)
        #expect(error?.description == "INVALID_PARAMETER_VALUE (HTTP 400): Bad filter")
    }

    @Test func failuresSayWhatToDoAndNeverTheSecret() throws {
        let closed = ScriptedTransport { _, _ in throw TransportError.unreachable("connection refused") }
        let unreachable = #expect(throws: CardiganError.self) {
            try client(closed, clock: FakeClock(), retry: RetryPolicy(maxAttempts: 2)).get("model-versions/get", [])
        }
        #expect(closed.requests.count == 2)
        #expect(
            unreachable?.message
                == "MLflow model-versions/get failed after 2 tries in 0.5 s: cannot connect to 'http://127.0.0.1:9/mlflow': connection refused"
        )
        #expect(unreachable?.hint?.contains("nothing was changed in git") == true)

        let slow = ScriptedTransport { _, _ in throw TransportError.timedOut }
        let timedOut = #expect(throws: CardiganError.self) {
            try client(slow, clock: FakeClock(), retry: RetryPolicy(maxAttempts: 1, timeout: 7)).get("x", [])
        }
        #expect(timedOut?.message.contains("no answer from 'http://127.0.0.1:9/mlflow' within 7.0 s") == true)

        for credentials in [MLflowSettings.Credentials.bearer(Self.token), .basic(user: "alice", password: Self.token)]
        {
            let denied = ScriptedTransport { _, _ in
                ScriptedTransport.json(401, #"{"error_code":"UNAUTHENTICATED","message":"You are not authenticated."}"#)
            }
            let error = #expect(throws: CardiganError.self) {
                try client(denied, clock: FakeClock(), credentials: credentials).get("model-versions/get", [])
            }
            #expect(denied.requests.count == 1)
            #expect(error?.message.hasPrefix("MLflow refused the sign-in") == true)
            #expect(error?.message.contains("UNAUTHENTICATED (HTTP 401): You are not authenticated.") == true)
            #expect(error?.hint?.contains("MLFLOW_TRACKING_TOKEN") == true)
            let shown = "\(error?.message ?? "") \(error?.hint ?? "")"
            #expect(!shown.contains(Self.token))
        }
    }

    @Test func settingsComeFromTheEnvironmentAsMLflowReadsThem() throws {
        let basic = try MLflowSettings.resolve(
            configuredURI: nil,
            environment: [
                "MLFLOW_TRACKING_URI": "http://mlflow:5000", "MLFLOW_TRACKING_USERNAME": "alice",
                "MLFLOW_TRACKING_PASSWORD": Self.token,
            ])
        #expect(basic.uri == "http://mlflow:5000")
        #expect(basic.description == "user 'alice' (basic, MLFLOW_TRACKING_USERNAME/PASSWORD)")
        let bearer = try MLflowSettings.resolve(
            configuredURI: "http://configured:1",
            environment: ["MLFLOW_TRACKING_URI": "http://mlflow:5000", "MLFLOW_TRACKING_TOKEN": Self.token])
        #expect(bearer.uri == "http://configured:1" && bearer.authorization == "Bearer \(Self.token)")
        #expect(!bearer.description.contains(Self.token))
        #expect(throws: CardiganError.self) { try MLflowSettings.resolve(configuredURI: nil, environment: [:]) }
        let half = #expect(throws: CardiganError.self) {
            try MLflowSettings.resolve(
                configuredURI: "http://x", environment: ["MLFLOW_TRACKING_USERNAME": "alice"])
        }
        #expect(half?.message == "MLFLOW_TRACKING_PASSWORD is not set, but MLFLOW_TRACKING_USERNAME is")
        #expect(throws: CardiganError.self) {
            try MLflowClient(
                settings: MLflowSettings(uri: "file:///tmp/mlruns", credentials: .none),
                transport: ScriptedTransport { _, _ in HTTPResponse(status: 200) }, retry: RetryPolicy(),
                clock: FakeClock().clock)
        }
    }

    @Test func registeredModelNamesThatCannotBeALinkAreRefused() throws {
        let registry = MLflowRegistry(
            client: try client(ScriptedTransport { _, _ in HTTPResponse(status: 200) }, clock: FakeClock()))
        #expect(try registry.package(parsing: "customer-churn/3").description == "customer-churn/3")
        for name in ["Churn Model", "team.churn", "churn_model", "-churn"] {
            let error = #expect(throws: CardiganError.self) { try registry.package(parsing: "\(name)/1") }
            #expect(
                error?.message.hasPrefix(
                    "MLflow registered model '\(name)' cannot name a card's link (the tag 'model-packages/<group>/<version>')"
                )
                    == true)
            #expect(error?.hint?.contains("rename it in MLflow") == true)
        }
    }

    @Test func configReadsTheMLflowSettingsAndRefusesThoseOfAnotherKind() throws {
        func parse(_ yaml: String) throws -> RegistryConfig {
            let root = try #require(SafeYAMLLoader.load(Data(yaml.utf8), path: ".cardigan.yaml").root)
            return try RegistryConfig.parse(try #require(root["registry"]), path: ".cardigan.yaml")
        }
        let config = try parse(
            "registry:\n  kind: mlflow\n  uri: http://mlflow:5000\n  approved_alias: [champion, prod]\n  approved_tag: deploy=yes\n"
        )
        #expect(config.kind == .mlflow && config.uri == "http://mlflow:5000")
        #expect(config.approvedAliases == ["champion", "prod"])
        #expect(config.approvedTag?.key == "deploy" && config.approvedTag?.value == "yes")
        #expect(try parse("registry:\n  kind: mlflow\n").approvedAliases == ["champion", "production"])
        let wrongKind = #expect(throws: CardiganError.self) {
            try parse("registry:\n  kind: sagemaker\n  uri: http://x\n")
        }
        #expect(wrongKind?.message == "'registry.uri' is a setting of kind 'mlflow', not of 'sagemaker'")
        #expect(wrongKind?.location?.position?.line == 3)
        let badTag = #expect(throws: CardiganError.self) {
            try parse("registry:\n  kind: mlflow\n  approved_tag: deploy\n")
        }
        #expect(badTag?.message.hasPrefix("'registry.approved_tag' must be key=value") == true)
        #expect(badTag?.location?.position?.line == 3)
        #expect(throws: CardiganError.self) { try parse("registry:\n  kind: mlflow\n  approved_alias: []\n") }
    }

    @Test func approvalComesFromAnAliasOrATag() {
        let approval = MLflowApproval(aliases: ["champion", "production"], tag: ("deploy", "approved"))
        #expect(approval.approves(aliases: ["production"], tags: [:]))
        #expect(approval.approves(aliases: [], tags: ["deploy": "approved"]))
        #expect(!approval.approves(aliases: ["challenger"], tags: ["deploy": "pending"]))
        #expect(!MLflowApproval().approves(aliases: [], tags: ["deploy": "approved"]))
    }
}
