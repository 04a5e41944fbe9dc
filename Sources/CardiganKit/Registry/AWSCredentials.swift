import Foundation

/// An AWS access key pair, with the session token of temporary credentials. Its description
/// names the key id and where it came from, never the secret.
public struct AWSCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key id (`AKIA…`, `ASIA…`).
    public var accessKeyID: String
    /// The secret access key: signs requests, is never printed.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?
    /// Where the credentials came from, e.g. `the environment` or `profile 'ml' in ~/.aws/credentials`.
    public var source: String

    /// Credentials.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    /// `access key 'AKIA…' from <source>`.
    public var description: String { "access key '\(accessKeyID)' from \(source)" }

    /// The same as ``description``: debug output never shows the secret either.
    public var debugDescription: String { description }

    /// A mirror without the secret and the token, so `dump` and reflection cannot print them.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyID": accessKeyID, "source": source], displayStyle: .struct)
    }
}

/// Where a SageMaker client sends its requests and with what: credentials, region and endpoint,
/// resolved the way every AWS tool resolves them.
public struct AWSSettings: Sendable, CustomStringConvertible {
    /// The credentials.
    public var credentials: AWSCredentials
    /// The region.
    public var region: String
    /// The endpoint URL, e.g. `https://api.sagemaker.eu-west-1.amazonaws.com`.
    public var endpoint: String
    /// Where ``endpoint`` came from, as errors name it: `'registry.endpoint'`,
    /// `AWS_ENDPOINT_URL_SAGEMAKER` …
    public var endpointSource: String

    /// Settings.
    public init(credentials: AWSCredentials, region: String, endpoint: String, endpointSource: String = "the endpoint")
    {
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
        self.endpointSource = endpointSource
    }

    /// Where AWS credentials go instead of the endpoint URL.
    static let credentialsHint =
        "leave them out of the endpoint: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"

    /// `<credentials> for <region> at <endpoint>`, without the secret.
    public var description: String { "\(credentials) for \(region) at \(endpoint)" }

    /// Resolves credentials, region and endpoint from the registry configuration, the
    /// environment and the shared files (`~/.aws/credentials`, `~/.aws/config`, or the files
    /// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` name).
    ///
    /// - Credentials: `AWS_ACCESS_KEY_ID` + `AWS_SECRET_ACCESS_KEY` (+ `AWS_SESSION_TOKEN`), else
    ///   the profile `AWS_PROFILE` names (default `default`) in the credentials file, then in the
    ///   config file.
    /// - Region: `registry.region`, else `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`.
    /// - Endpoint: `registry.endpoint`, else `AWS_ENDPOINT_URL_SAGEMAKER`, `AWS_ENDPOINT_URL`, the
    ///   profile's `endpoint_url`, else SageMaker's public endpoint of the region.
    public static func resolve(
        configuredRegion: String?, configuredEndpoint: String?, environment: [String: String]
    ) throws -> AWSSettings {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let home = env("HOME") ?? NSHomeDirectory()
        let profileName = env("AWS_PROFILE") ?? "default"
        let credentialsPath = env("AWS_SHARED_CREDENTIALS_FILE") ?? home + "/.aws/credentials"
        let configPath = env("AWS_CONFIG_FILE") ?? home + "/.aws/config"
        let credentialsFile = try INIFile.read(path: credentialsPath)
        let configFile = try INIFile.read(path: configPath)
        let fromCredentials = credentialsFile?.sections[profileName]
        let fromConfig =
            configFile?.sections[profileName == "default" ? "default" : "profile " + profileName]
            ?? configFile?.sections[profileName]
        let credentials: AWSCredentials
        if let key = env("AWS_ACCESS_KEY_ID"), let secret = env("AWS_SECRET_ACCESS_KEY") {
            credentials = AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: env("AWS_SESSION_TOKEN"),
                source: "the environment (AWS_ACCESS_KEY_ID)")
        } else if let found = try profileCredentials(
            fromCredentials, path: credentialsPath, profile: profileName, display: "~/.aws/credentials")
            ?? profileCredentials(fromConfig, path: configPath, profile: profileName, display: "~/.aws/config")
        {
            credentials = found
        } else if env("AWS_PROFILE") != nil, fromCredentials == nil, fromConfig == nil {
            throw CardiganError(
                "AWS_PROFILE names profile '\(profileName)', which neither '\(credentialsPath)' nor '\(configPath)' has",
                hint: "add the profile with 'aws configure --profile \(profileName)', or unset AWS_PROFILE")
        } else {
            throw CardiganError(
                "no AWS credentials for the SageMaker registry",
                hint:
                    "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or AWS_PROFILE naming a profile in ~/.aws/credentials"
            )
        }
        let regionText =
            configuredRegion ?? env("AWS_REGION") ?? env("AWS_DEFAULT_REGION") ?? fromConfig?["region"]
        guard let region = regionText, isRegion(region) else {
            throw CardiganError(
                regionText.map { "'\($0)' is not an AWS region" } ?? "no AWS region for the SageMaker registry",
                hint: "set 'registry.region' in .cardigan.yaml, or AWS_REGION, e.g. eu-west-1")
        }
        let endpoints: [(source: String, value: String?)] = [
            ("'registry.endpoint'", configuredEndpoint),
            ("AWS_ENDPOINT_URL_SAGEMAKER", env("AWS_ENDPOINT_URL_SAGEMAKER")),
            ("AWS_ENDPOINT_URL", env("AWS_ENDPOINT_URL")),
            ("endpoint_url of profile '\(profileName)' in '\(configPath)'", fromConfig?["endpoint_url"]),
            ("the public endpoint of region '\(region)'", "https://api.sagemaker.\(region).amazonaws.com"),
        ]
        let endpoint = endpoints.first { $0.value != nil }
        return AWSSettings(
            credentials: credentials, region: region, endpoint: endpoint?.value ?? "",
            endpointSource: endpoint?.source ?? "the endpoint")
    }

    private static func profileCredentials(
        _ section: [String: String]?, path: String, profile: String, display: String
    ) throws -> AWSCredentials? {
        guard let section else { return nil }
        let key = section["aws_access_key_id"]
        let secret = section["aws_secret_access_key"]
        switch (key, secret) {
        case (let key?, let secret?):
            return AWSCredentials(
                accessKeyID: key, secretAccessKey: secret, sessionToken: section["aws_session_token"],
                source: "profile '\(profile)' in \(display)")
        case (nil, nil):
            return nil
        default:
            throw CardiganError(
                "profile '\(profile)' in '\(path)' has \(key == nil ? "no aws_access_key_id" : "no aws_secret_access_key")",
                hint: "set both aws_access_key_id and aws_secret_access_key in the profile")
        }
    }

    /// `eu-west-1`, `us-gov-west-1`, `cn-north-1`: letters, digits and hyphens.
    static func isRegion(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32
            && text.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") }
    }
}

/// The INI dialect of AWS's shared files: `[section]`, `key = value`, `#` and `;` comments.
struct INIFile {
    /// Section name → key → value.
    var sections: [String: [String: String]] = [:]

    /// The file at `path`, nil when there is none.
    static func read(path: String) throws -> INIFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CardiganError("cannot read '\(path)'")
        }
        var file = INIFile()
        var current: String?
        for raw in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                file.sections[name, default: [:]] = file.sections[name, default: [:]]
                continue
            }
            guard let current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            file.sections[current, default: [:]][key] = value
        }
        return file
    }
}
