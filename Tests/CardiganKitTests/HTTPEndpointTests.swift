import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// One parser of registry endpoint URLs for SageMaker and MLflow: what a request needs from the
/// URL, and errors that name the setting the URL came from (located in `.cardigan.yaml` when it
/// came from there), never showing a password.
@Suite struct HTTPEndpointTests {
    private func endpoint(_ text: String) throws -> HTTPEndpoint {
        try HTTPEndpoint(parsing: text, source: "MLFLOW_TRACKING_URI", credentialsHint: "use the variables")
    }

    private func refusal(_ text: String) -> CardiganError? {
        #expect(throws: CardiganError.self) { try endpoint(text) }
    }

    @Test func splitsSchemeHostPortAndPath() throws {
        let local = try endpoint("HTTP://127.0.0.1:5000/mlflow/")
        #expect(local.scheme == "http" && local.host == "127.0.0.1" && local.port == 5000 && local.path == "/mlflow/")
        #expect(local.path(appending: "/api/2.0/mlflow/x") == "/mlflow/api/2.0/mlflow/x")
        let aws = try endpoint("https://api.sagemaker.eu-west-1.amazonaws.com")
        #expect(aws.scheme == "https" && aws.port == nil && aws.path == "")
        #expect(aws.path(appending: "/api") == "/api")
        let request = aws.request("POST", path: "/", headers: [("A", "b")], body: [1], timeout: 3)
        #expect(request.url == "https://api.sagemaker.eu-west-1.amazonaws.com/" && request.timeout == 3)
    }

    @Test func refusesWhatIsNoHTTPURLNamingTheSetting() throws {
        for text in ["localhost:5000", "ftp://host/x", "http://", "file:///tmp/mlruns", "not a url"] {
            let error = refusal(text)
            #expect(error?.message == "MLFLOW_TRACKING_URI is not an http(s) URL: '\(text)'", "\(text)")
            #expect(error?.hint?.contains("e.g. http://127.0.0.1:5000") == true)
        }
        #expect(
            refusal("http://h:70000")?.message
                == "MLFLOW_TRACKING_URI has port 70000; a port is a number from 1 to 65535")
        #expect(
            refusal("http://h/x?token=1")?.message
                == "MLFLOW_TRACKING_URI has a query ('?…'), which an endpoint cannot have: 'http://h/x?token=1'")
        #expect(refusal("http://h/#top")?.message.hasPrefix("MLFLOW_TRACKING_URI has a fragment ('#…')") == true)
    }

    @Test func refusesCredentialsInTheURLWithoutShowingThem() throws {
        for text in ["http://alice:s3cret@h:5000", "ftp://alice:s3cret@h"] {
            let error = try #require(refusal(text))
            #expect(!error.description.contains("s3cret"), "\(error.description)")
        }
        let error = refusal("http://alice:s3cret@h:5000")
        #expect(error?.message == "MLFLOW_TRACKING_URI holds a user name or password, which cardigan does not send")
        #expect(error?.hint == "use the variables")
    }

    @Test func aBadURLInTheConfigurationIsLocatedAtItsKey() throws {
        func parse(_ yaml: String) throws -> RegistryConfig {
            let root = try #require(SafeYAMLLoader.load(Data(yaml.utf8), path: ".cardigan.yaml").root)
            return try RegistryConfig.parse(try #require(root["registry"]), path: ".cardigan.yaml")
        }
        let uri = #expect(throws: CardiganError.self) {
            try parse("registry:\n  kind: mlflow\n  uri: localhost:5000\n")
        }
        #expect(
            uri?.description.hasPrefix(
                ".cardigan.yaml:3:8: error: 'registry.uri' is not an http(s) URL: 'localhost:5000'") == true,
            "\(uri?.description ?? "")")
        let endpoint = #expect(throws: CardiganError.self) {
            try parse("registry:\n  kind: sagemaker\n  region: eu-west-1\n  endpoint: https://u:p@sagemaker\n")
        }
        #expect(
            endpoint?.description.hasPrefix(
                ".cardigan.yaml:4:13: error: 'registry.endpoint' holds a user name or password") == true)
        #expect(endpoint?.hint?.contains("AWS_ACCESS_KEY_ID") == true)
        #expect(try parse("registry:\n  kind: mlflow\n  uri: http://mlflow:5000/\n").uri == "http://mlflow:5000/")
    }

    @Test func aBadURLFromTheEnvironmentNamesItsVariable() throws {
        let transport = ScriptedTransport { _, _ in HTTPResponse(status: 200) }
        let mlflow = try MLflowSettings.resolve(configuredURI: nil, environment: ["MLFLOW_TRACKING_URI": "mlflow:5000"])
        let mlflowError = #expect(throws: CardiganError.self) {
            try MLflowClient(settings: mlflow, transport: transport, retry: RetryPolicy(), clock: FakeClock().clock)
        }
        #expect(mlflowError?.message == "MLFLOW_TRACKING_URI is not an http(s) URL: 'mlflow:5000'")
        #expect(mlflowError?.location == nil)
        let noFile = NSTemporaryDirectory() + "cardigan-no-such-file-" + UUID().uuidString
        let environment = [
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_CONFIG_FILE": noFile,
            "AWS_SHARED_CREDENTIALS_FILE": noFile,
        ]
        for variable in ["AWS_ENDPOINT_URL_SAGEMAKER", "AWS_ENDPOINT_URL"] {
            let aws = try AWSSettings.resolve(
                configuredRegion: "eu-west-1", configuredEndpoint: nil,
                environment: environment.merging([variable: "sagemaker.local"]) { $1 })
            let error = #expect(throws: CardiganError.self) {
                try SageMakerClient(settings: aws, transport: transport, retry: RetryPolicy(), clock: FakeClock().clock)
            }
            #expect(error?.message == "\(variable) is not an http(s) URL: 'sagemaker.local'")
        }
        let configured = try AWSSettings.resolve(
            configuredRegion: "eu-west-1", configuredEndpoint: nil, environment: environment)
        #expect(configured.endpointSource == "the public endpoint of region 'eu-west-1'")
        let client = try SageMakerClient(
            settings: configured, transport: transport, retry: RetryPolicy(), clock: FakeClock().clock)
        #expect(client.request("ListModelPackages", body: []).url == "https://api.sagemaker.eu-west-1.amazonaws.com/")
    }

    @Test func bothClientsReadAnswersAlikeAndSayWhenOneIsNotJSON() throws {
        let html = ScriptedTransport { _, _ in HTTPResponse(status: 200, body: Array("<html>".utf8)) }
        let empty = ScriptedTransport { _, _ in HTTPResponse(status: 204) }
        let retry = RetryPolicy(maxAttempts: 1)
        let sageMaker = { (transport: ScriptedTransport) in
            try SageMakerClient(settings: .test(), transport: transport, retry: retry, clock: FakeClock().clock)
        }
        let mlflow = { (transport: ScriptedTransport) in
            try MLflowClient(
                settings: MLflowSettings(uri: "http://127.0.0.1:9", credentials: .none), transport: transport,
                retry: retry, clock: FakeClock().clock)
        }
        let sageMakerError = #expect(throws: CardiganError.self) {
            try sageMaker(html).call("DescribeModelCard", .object([]))
        }
        #expect(sageMakerError?.message.hasPrefix("SageMaker's answer to DescribeModelCard is not JSON: ") == true)
        #expect(sageMakerError?.hint == "check that the endpoint 'http://127.0.0.1:9' is SageMaker's API")
        let mlflowError = #expect(throws: CardiganError.self) { try mlflow(html).get("model-versions/get", []) }
        #expect(mlflowError?.message.hasPrefix("MLflow's answer to model-versions/get is not JSON: ") == true)
        #expect(mlflowError?.hint == "check that 'http://127.0.0.1:9' is an MLflow tracking server")
        #expect(try sageMaker(empty).call("UpdateModelCard", .object([])) == ValueNode(.object([])))
        #expect(try mlflow(empty).post("model-versions/set-tag", .object([])) == ValueNode(.object([])))
    }
}
