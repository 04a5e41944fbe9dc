import Foundation
import TestSupport
import Testing

/// The `registry:` settings and the credentials behind them, refused before any request is
/// made: each by its message, located in `.cardigan.yaml` where a line says what is wrong. No
/// registry peer is needed, as nothing reaches the network.
@Suite struct RegistrySettingsRefusalTests {
    /// No AWS or MLflow setting of the machine running the tests may leak into a case.
    private static let cleared = [
        "AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
        "AWS_REGION": "", "AWS_DEFAULT_REGION": "", "AWS_ENDPOINT_URL": "", "AWS_ENDPOINT_URL_SAGEMAKER": "",
        "AWS_CONFIG_FILE": "", "AWS_SHARED_CREDENTIALS_FILE": "", "MLFLOW_TRACKING_URI": "",
        "MLFLOW_TRACKING_TOKEN": "", "MLFLOW_TRACKING_USERNAME": "", "MLFLOW_TRACKING_PASSWORD": "",
    ]

    /// Runs `cardigan registry status` with `config` as `.cardigan.yaml` and `environment` on
    /// top of the cleared one; expects exit 2 saying `text`, and nothing written to git.
    private func expectRefused(
        _ repo: CardRepo, _ config: String, environment: [String: String] = [:], saying text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try repo.write(".cardigan.yaml", config)
        let result = try repo.cardigan(
            "registry", "status", environment: Self.cleared.merging(environment) { $1 })
        repo.expect(result, status: 2, saying: text, sourceLocation: sourceLocation)
        #expect(!(result.output + result.error).contains("never-printed"), sourceLocation: sourceLocation)
        #expect(
            try repo.git("for-each-ref") == "", "a refused command wrote a reference", sourceLocation: sourceLocation)
    }

    @Test func badRegistrySettingsAreRefusedAtTheirLine() throws {
        let repo = try CardRepo()
        let cases: [(config: String, saying: String)] = [
            (
                "registry: [sagemaker]\n",
                ".cardigan.yaml:1:11: error: 'registry' must be a mapping with 'kind', not an array of 1"
            ),
            (
                "registry:\n  region: eu-west-1\n",
                ".cardigan.yaml:2:3: error: 'registry' has no 'kind'\n  hint: kinds: sagemaker, mlflow"
            ),
            (
                "registry:\n  kind: azure\n",
                ".cardigan.yaml:2:9: error: unknown registry kind 'azure'\n  hint: kinds: sagemaker, mlflow"
            ),
            (
                "registry:\n  kind: sagemaker\n  regoin: eu-west-1\n",
                ".cardigan.yaml:3:3: error: unknown registry setting 'regoin'\n  hint: did you mean 'region'?"
            ),
            (
                "registry:\n  kind: sagemaker\n  region: \"\"\n",
                ".cardigan.yaml:3:11: error: 'registry.region' must be a non-empty string, not ''"
            ),
            (
                "registry:\n  kind: sagemaker\n  max_attempts: 21\n",
                ".cardigan.yaml:3:17: error: 'registry.max_attempts' must be a whole number from 1 to 20, not 21"
            ),
            (
                "registry:\n  kind: sagemaker\n  max_attempts: 2.5\n",
                ".cardigan.yaml:3:17: error: 'registry.max_attempts' must be a whole number from 1 to 20, not 2.5"
            ),
            (
                "registry:\n  kind: sagemaker\n  timeout: 0\n",
                ".cardigan.yaml:3:12: error: 'registry.timeout' must be a number of seconds above 0 and at most 3600, not 0"
            ),
            (
                "registry:\n  kind: sagemaker\n  max_retry_seconds: 3601\n",
                ".cardigan.yaml:3:22: error: 'registry.max_retry_seconds' must be a number of seconds above 0 and at most 3600, not 3601"
            ),
            (
                "registry:\n  kind: mlflow\n  uri: \"\"\n",
                ".cardigan.yaml:3:8: error: 'registry.uri' must be a non-empty string, not ''"
            ),
        ]
        for item in cases { try expectRefused(repo, item.config, saying: item.saying) }
    }

    @Test func endpointsThatAreNotHTTPAreRefusedBeforeAnyRequest() throws {
        let repo = try CardRepo()
        try expectRefused(
            repo, "registry:\n  kind: sagemaker\n  region: eu-west-1\n  endpoint: ftp://127.0.0.1:9\n",
            environment: ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "never-printed"],
            saying:
                ".cardigan.yaml:4:13: error: 'registry.endpoint' is not an http(s) URL: 'ftp://127.0.0.1:9'\n  hint: an endpoint is http:// or https://, a host, and optionally a port and a path, e.g. http://127.0.0.1:5000"
        )
        try expectRefused(
            repo, "registry:\n  kind: mlflow\n  uri: file:///tmp/mlruns\n",
            saying: ".cardigan.yaml:3:8: error: 'registry.uri' is not an http(s) URL: 'file:///tmp/mlruns'")
    }

    @Test func aProfileWithHalfItsKeyOrAnUnreadableCredentialsFileIsRefused() throws {
        let repo = try CardRepo()
        let aws = repo.path + "/.aws-test"
        try repo.write(".aws-test/credentials", "[ml]\naws_access_key_id = AKIDML\n")
        let config = "registry:\n  kind: sagemaker\n  region: eu-west-1\n"
        try expectRefused(
            repo, config,
            environment: [
                "AWS_PROFILE": "ml", "AWS_SHARED_CREDENTIALS_FILE": aws + "/credentials",
                "AWS_CONFIG_FILE": aws + "/none",
            ],
            saying:
                "error: profile 'ml' in '\(aws)/credentials' has no aws_secret_access_key\n  hint: set both aws_access_key_id and aws_secret_access_key in the profile"
        )
        try repo.write(".aws-test/credentials", "[ml]\naws_secret_access_key = never-printed\n")
        try expectRefused(
            repo, config,
            environment: [
                "AWS_PROFILE": "ml", "AWS_SHARED_CREDENTIALS_FILE": aws + "/credentials",
                "AWS_CONFIG_FILE": aws + "/none",
            ],
            saying: "error: profile 'ml' in '\(aws)/credentials' has no aws_access_key_id")
        // A folder where the credentials file should be cannot be read.
        try expectRefused(
            repo, config, environment: ["AWS_SHARED_CREDENTIALS_FILE": aws, "AWS_CONFIG_FILE": aws + "/none"],
            saying: "error: cannot read '\(aws)'")
    }
}
