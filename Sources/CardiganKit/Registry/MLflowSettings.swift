import Foundation

/// Where MLflow's tracking server is and how to sign in, as MLflow's own client reads them:
/// `MLFLOW_TRACKING_URI` (unless `registry.uri` is set), `MLFLOW_TRACKING_TOKEN` (a bearer token)
/// or `MLFLOW_TRACKING_USERNAME` and `MLFLOW_TRACKING_PASSWORD` (basic). Its description never
/// shows a secret.
public struct MLflowSettings: Sendable, CustomStringConvertible {
    /// How requests sign in.
    public enum Credentials: Sendable {
        /// No sign-in.
        case none
        /// `Authorization: Bearer <token>`.
        case bearer(String)
        /// `Authorization: Basic <user:password>`.
        case basic(user: String, password: String)
    }

    /// The tracking server's URI, e.g. `http://127.0.0.1:5000`.
    public var uri: String
    /// How requests sign in.
    public var credentials: Credentials
    /// Where ``uri`` came from, as errors name it: `'registry.uri'` or `MLFLOW_TRACKING_URI`.
    public var uriSource: String

    /// Settings.
    public init(uri: String, credentials: Credentials, uriSource: String = "MLFLOW_TRACKING_URI") {
        self.uri = uri
        self.credentials = credentials
        self.uriSource = uriSource
    }

    /// Where MLflow credentials go instead of the URI.
    static let credentialsHint =
        "leave them out of the URI: set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD"

    /// The settings from `registry.uri` (`configuredURI`) and the environment.
    public static func resolve(configuredURI: String?, environment: [String: String]) throws -> MLflowSettings {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let uri = configuredURI ?? value("MLFLOW_TRACKING_URI") else {
            throw CardiganError(
                "no MLflow tracking server for the registry",
                hint: "set MLFLOW_TRACKING_URI (e.g. http://127.0.0.1:5000) or 'registry.uri' in .cardigan.yaml")
        }
        let source = configuredURI == nil ? "MLFLOW_TRACKING_URI" : "'registry.uri'"
        if let token = value("MLFLOW_TRACKING_TOKEN") {
            return MLflowSettings(uri: uri, credentials: .bearer(token), uriSource: source)
        }
        let user = value("MLFLOW_TRACKING_USERNAME")
        let password = value("MLFLOW_TRACKING_PASSWORD")
        if (user == nil) != (password == nil) {
            throw CardiganError(
                "MLFLOW_TRACKING_\(user == nil ? "USERNAME" : "PASSWORD") is not set, but MLFLOW_TRACKING_\(user == nil ? "PASSWORD" : "USERNAME") is",
                hint: "set both for basic sign-in, or MLFLOW_TRACKING_TOKEN for a bearer token")
        }
        if let user, let password {
            return MLflowSettings(uri: uri, credentials: .basic(user: user, password: password), uriSource: source)
        }
        return MLflowSettings(uri: uri, credentials: .none, uriSource: source)
    }

    /// The `Authorization` header's value, nil without sign-in.
    var authorization: String? {
        switch credentials {
        case .none: return nil
        case .bearer(let token): return "Bearer " + token
        case .basic(let user, let password): return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        }
    }

    /// `no sign-in`, `a bearer token (MLFLOW_TRACKING_TOKEN)`, `user 'alice' (basic)`: never a secret.
    public var description: String {
        switch credentials {
        case .none: return "no sign-in"
        case .bearer: return "a bearer token (MLFLOW_TRACKING_TOKEN)"
        case .basic(let user, _): return "user '\(user)' (basic, MLFLOW_TRACKING_USERNAME/PASSWORD)"
        }
    }
}

extension RegistryConfig {
    /// Reads `uri`, `approved_alias` (a name or a list of names) or `approved_tag` (`key=value`).
    mutating func parseMLflowSetting(_ member: ValueNode.Member, location: Location) throws {
        switch member.key {
        case "uri":
            guard let text = member.value.stringValue, !text.isEmpty else {
                throw CardiganError(
                    "'registry.uri' must be a non-empty string, not \(member.value.displayText)", location: location)
            }
            _ = try HTTPEndpoint(
                parsing: text, source: "'registry.uri'", location: location,
                credentialsHint: MLflowSettings.credentialsHint)
            uri = text
        case "approved_alias":
            let names = member.value.stringValue.map { [$0] } ?? member.value.elements?.compactMap(\.stringValue)
            guard let names, !names.isEmpty, names.count == (member.value.elements?.count ?? 1),
                names.allSatisfy({ !$0.isEmpty })
            else {
                throw CardiganError(
                    "'registry.approved_alias' must be an alias name or a list of them, not \(member.value.displayText)",
                    location: location, hint: "e.g. approved_alias: champion")
            }
            approvedAliases = names
        default:
            guard let text = member.value.stringValue, let equals = text.firstIndex(of: "="),
                equals != text.startIndex, text.index(after: equals) != text.endIndex
            else {
                throw CardiganError(
                    "'registry.approved_tag' must be key=value, not \(member.value.displayText)", location: location,
                    hint: "e.g. approved_tag: deploy=approved")
            }
            approvedTag = (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
    }
}
