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
