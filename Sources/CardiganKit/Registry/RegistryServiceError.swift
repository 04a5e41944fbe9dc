/// An error answer of a registry's API: the HTTP status, the service's error type and message.
public struct RegistryServiceError: Error, Sendable, CustomStringConvertible {
    /// The operation that failed, e.g. `DescribeModelPackage`.
    public var operation: String
    /// The HTTP status.
    public var status: Int
    /// The service's error type, e.g. `ValidationException`, `RESOURCE_DOES_NOT_EXIST`.
    public var type: String
    /// The service's message.
    public var message: String

    /// An error.
    public init(operation: String, status: Int, type: String, message: String) {
        self.operation = operation
        self.status = status
        self.type = type
        self.message = message
    }

    /// `ValidationException (HTTP 400): <message>`.
    public var description: String { "\(type) (HTTP \(status)): \(message)" }
}

extension RegistryServiceError {
    /// Whether the answer named an error of the service's own (MLflow's `error_code`,
    /// SageMaker's `__type`), rather than a bare HTTP status with some other server's page.
    public var isServiceAnswer: Bool { type != "HTTP \(status)" }

    /// The error of a failed answer that is no registry's: another server at the URL (a web
    /// page, S3's XML). Names the operation and the status once, quotes the start of the body on
    /// one line, and asks whether `url` is the registry's.
    static func notTheRegistry(
        service: String, operation: String, status: Int, body: [UInt8], url: String, setting: String
    ) -> CardiganError {
        let text = String(decoding: body.prefix(4096), as: UTF8.self).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        return CardiganError(
            "\(service) \(operation) failed: HTTP \(status) from a server that does not answer as \(service)"
                + (text.isEmpty ? "" : ": '\(DisplayText.quoted(text))'"),
            hint: "nothing was changed in git; is '\(url)' (from \(setting)) \(service)'s URL?")
    }
}

extension CardiganError {
    /// A registry's refusal that no command interprets, as an environment error: the service,
    /// operation, error type, status and message; the registry call came before any write.
    public init(_ error: RegistryServiceError) {
        self.init(
            "the registry refused \(error.operation): \(error.type) (HTTP \(error.status)): \(DisplayText.quoted(error.message))",
            hint: "nothing was changed in git")
    }
}
