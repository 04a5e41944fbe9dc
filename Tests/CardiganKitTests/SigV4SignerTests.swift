import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// SigV4 as cardigan computes it, checked against botocore's own signer on the same requests.
@Suite struct SigV4SignerTests {
    private static let date = Date(timeIntervalSince1970: 1_764_505_845)  // 2025-11-30T12:30:45Z

    private func request(
        method: String = "POST", host: String = "api.sagemaker.eu-west-1.amazonaws.com", port: Int? = nil,
        path: String = "/", query: String = "", target: String? = "SageMaker.DescribeModelPackage", body: String
    ) -> HTTPRequest {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/x-amz-json-1.1")]
        if let target { headers.append(("X-Amz-Target", target)) }
        return HTTPRequest(
            method: method, scheme: port == nil ? "https" : "http", host: host, port: port, path: path, query: query,
            headers: headers, body: Array(body.utf8))
    }

    /// The requests of the comparison: a JSON body, a session token, a query string with
    /// reserved characters, a non-ASCII body, a local endpoint with a port and a path.
    private var cases: [(request: HTTPRequest, token: String?, region: String)] {
        [
            (
                request(
                    body: #"{"ModelPackageName":"arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1"}"#),
                nil, "eu-west-1"
            ),
            (
                request(target: "SageMaker.ListModelPackages", body: #"{"MaxResults":10}"#),
                "IQoJb3JpZ2luX2VjEXAMPLE//token+/=", "eu-west-1"
            ),
            (
                request(
                    method: "GET", path: "/models/a b", query: "b=x%20y&a=1&Action=List&empty=", target: nil, body: ""),
                nil, "us-east-1"
            ),
            (
                request(
                    target: "SageMaker.UpdateModelCard",
                    body:
                        #"{"Content":"{\"model_overview\":{\"model_description\":\"Prédit le départ — 顧客 🚀\"}}","ModelCardName":"churn"}"#
                ), "token-2", "ap-northeast-1"
            ),
            (request(host: "127.0.0.1", port: 5123, target: "SageMaker.CreateModelCard", body: "{}"), nil, "eu-west-1"),
        ]
    }

    @Test(.enabled(if: RegistryPeers.botocore, "botocore (PyPI) is not installed: run scripts/install-test-tools.sh"))
    func signsLikeBotocore() throws {
        var ours: [String] = []
        var input: [[String: Any]] = []
        for (unsigned, token, region) in cases {
            let credentials = AWSCredentials(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                sessionToken: token, source: "the test")
            var signed = unsigned
            SigV4Signer(credentials: credentials, region: region, service: "sagemaker").sign(&signed, at: Self.date)
            ours.append(try #require(signed.header("Authorization")))
            #expect(signed.header("X-Amz-Date") == "20251130T123045Z")
            #expect(signed.header("X-Amz-Security-Token") == token)
            var item: [String: Any] = [
                "method": unsigned.method, "url": unsigned.url, "body": Data(unsigned.body).base64EncodedString(),
                "headers": Dictionary(unsigned.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
                "date": "20251130T123045Z", "access": credentials.accessKeyID, "secret": credentials.secretAccessKey,
                "region": region, "service": "sagemaker",
            ]
            if let token { item["token"] = token }
            input.append(item)
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: input), as: UTF8.self)
        let theirs = try RegistryPeers.peer(["sign"], input: json).checked().output
        #expect(theirs.split(separator: "\n").map(String.init) == ours)
        #expect(ours.count == 5 && Set(ours).count == 5)
    }

    @Test func signsTheDocumentedExample() {
        // AWS's published example of the canonical request for an IAM ListUsers GET.
        var request = HTTPRequest(
            method: "GET", scheme: "https", host: "iam.amazonaws.com", port: nil, path: "/",
            query: "Action=ListUsers&Version=2010-05-08",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")])
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", source: "doc")
        SigV4Signer(credentials: credentials, region: "us-east-1", service: "iam")
            .sign(&request, at: Date(timeIntervalSince1970: 1_440_938_160))  // 20150830T123600Z
        #expect(
            request.header("Authorization")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        )
    }

    @Test func neverPrintsTheSecret() {
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "s3cr3t-value", source: "x")
        #expect(!"\(credentials)".contains("s3cr3t-value"))
        #expect(!String(reflecting: credentials.description).contains("s3cr3t-value"))
    }
}

/// Credentials, region and endpoint resolved as AWS tools resolve them.
@Suite struct AWSSettingsTests {
    private func home(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "cardigan-aws-\(UUID().uuidString.prefix(8))"
        for (name, text) in files {
            try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/.aws/" + name))
        }
        return path
    }

    @Test func environmentWinsOverTheProfile() throws {
        let home = try home([
            "credentials": "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = file-secret\n"
        ])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let settings = try AWSSettings.resolve(
            configuredRegion: nil, configuredEndpoint: nil,
            environment: [
                "HOME": home, "AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "env-secret",
                "AWS_SESSION_TOKEN": "tok", "AWS_REGION": "eu-central-1",
            ])
        #expect(settings.credentials.accessKeyID == "AKIAENV" && settings.credentials.sessionToken == "tok")
        #expect(settings.endpoint == "https://api.sagemaker.eu-central-1.amazonaws.com")
        #expect(!"\(settings)".contains("env-secret") && !"\(settings)".contains("tok"))
    }

    @Test func readsTheNamedProfileFromBothFiles() throws {
        let home = try home([
            "credentials":
                "[default]\naws_access_key_id = AKIADEF\naws_secret_access_key = d\n[ml]\naws_access_key_id = AKIAML\naws_secret_access_key = ml-secret\naws_session_token = ml-token\n",
            "config":
                "[default]\nregion = us-east-1\n[profile ml]\nregion = eu-west-2\nendpoint_url = http://127.0.0.1:4566\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let settings = try AWSSettings.resolve(
            configuredRegion: nil, configuredEndpoint: nil, environment: ["HOME": home, "AWS_PROFILE": "ml"])
        #expect(settings.credentials.accessKeyID == "AKIAML" && settings.credentials.sessionToken == "ml-token")
        #expect(settings.region == "eu-west-2" && settings.endpoint == "http://127.0.0.1:4566")
        #expect(settings.credentials.source == "profile 'ml' in ~/.aws/credentials")
        let configured = try AWSSettings.resolve(
            configuredRegion: "eu-north-1", configuredEndpoint: nil,
            environment: ["HOME": home, "AWS_PROFILE": "ml", "AWS_ENDPOINT_URL_SAGEMAKER": "http://127.0.0.1:1"])
        #expect(configured.region == "eu-north-1" && configured.endpoint == "http://127.0.0.1:1")
    }

    @Test func missingCredentialsNameWhatToSet() throws {
        let home = try home([:])
        let error = #expect(throws: CardiganError.self) {
            try AWSSettings.resolve(configuredRegion: "eu-west-1", configuredEndpoint: nil, environment: ["HOME": home])
        }
        #expect(error?.message == "no AWS credentials for the SageMaker registry")
        #expect(error?.hint?.contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY") == true)
        let profile = #expect(throws: CardiganError.self) {
            try AWSSettings.resolve(
                configuredRegion: "eu-west-1", configuredEndpoint: nil,
                environment: ["HOME": home, "AWS_PROFILE": "nope"])
        }
        #expect(profile?.message.hasPrefix("AWS_PROFILE names profile 'nope'") == true)
        let region = #expect(throws: CardiganError.self) {
            try AWSSettings.resolve(
                configuredRegion: nil, configuredEndpoint: nil,
                environment: ["HOME": home, "AWS_ACCESS_KEY_ID": "A", "AWS_SECRET_ACCESS_KEY": "B"])
        }
        #expect(region?.message == "no AWS region for the SageMaker registry")
        #expect(region?.hint?.contains("AWS_REGION") == true)
    }
}
