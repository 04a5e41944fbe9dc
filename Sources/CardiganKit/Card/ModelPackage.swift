/// A registered model version, `<group>/<version>` (`customer-churn/3`), as SageMaker's model
/// registry names it. Parsing refuses, before anything is written, whatever could not be a
/// SageMaker name or could misbehave in a git reference or a shell.
public struct ModelPackage: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The model package group: SageMaker's pattern `^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`.
    public let group: String
    /// The version: a positive integer.
    public let version: Int

    /// The longest group name SageMaker allows.
    public static let maximumGroupLength = 63

    /// Parses `<group>/<version>`; throws a ``CardiganError`` that says what is wrong.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw CardiganError(
                "'\(text)' is not a model package version: write <group>/<version>, e.g. customer-churn/3")
        }
        try self.init(group: String(parts[0]), versionText: String(parts[1]))
    }

    /// A package from its parts, checked.
    public init(group: String, versionText: String) throws {
        if let problem = Self.problem(withGroup: group) { throw CardiganError(problem) }
        let isDigits = !versionText.isEmpty && versionText.utf8.allSatisfy { (48...57).contains($0) }
        if isDigits, versionText.utf8.first != UInt8(ascii: "0"), Int(versionText) == nil {
            throw CardiganError(
                "model package version '\(versionText)' is too large", hint: "SageMaker versions are small integers")
        }
        guard isDigits, versionText.utf8.first != UInt8(ascii: "0"), let version = Int(versionText), version >= 1
        else {
            throw CardiganError(
                "model package version '\(versionText)' is not a positive integer without leading zeros",
                hint: "versions are 1, 2, 3, …")
        }
        self.group = group
        self.version = version
    }

    /// Why `group` is not a valid model package group name; nil when it is.
    public static func problem(withGroup group: String) -> String? {
        let bytes = Array(group.utf8)
        guard !bytes.isEmpty else { return "the model package group name is empty" }
        guard bytes.count <= maximumGroupLength else {
            return "model package group '\(group)' is longer than \(maximumGroupLength) characters"
        }
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
        guard bytes.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }), isAlphanumeric(bytes[0]),
            isAlphanumeric(bytes[bytes.count - 1])
        else {
            return "model package group '\(group)' may hold only ASCII letters, digits and hyphens, "
                + "starting and ending with a letter or digit"
        }
        return nil
    }

    /// `customer-churn/3`.
    public var description: String { "\(group)/\(version)" }

    /// The link tag's name: `model-packages/customer-churn/3`.
    public var tagName: String { "model-packages/\(group)/\(version)" }

    /// The link tag's reference.
    public var reference: String { "refs/tags/" + tagName }

    /// The package a link tag's reference names, nil for other references.
    public static func parse(reference: String) -> ModelPackage? {
        let prefix = "refs/tags/model-packages/"
        guard reference.hasPrefix(prefix) else { return nil }
        return try? ModelPackage(parsing: String(reference.dropFirst(prefix.count)))
    }

    /// Whether `arn` is a SageMaker model package ARN for this group and version:
    /// `arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>`. SageMaker
    /// writes the group in lower case in ARNs, so the group compares without case.
    public func problem(withARN arn: String) -> String? {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", fields[1].hasPrefix("aws"), fields[2] == "sagemaker",
            !fields[3].isEmpty, fields[4].count == 12, fields[4].allSatisfy(\.isNumber)
        else {
            return
                "'\(arn)' is not a SageMaker ARN (arn:aws:sagemaker:<region>:<12-digit account>:model-package/<group>/<version>)"
        }
        let resource = fields[5].split(separator: "/", omittingEmptySubsequences: false)
        guard resource.count == 3, resource[0] == "model-package" else {
            return "ARN '\(arn)' does not name a model package version (…:model-package/<group>/<version>)"
        }
        guard resource[1].lowercased() == group.lowercased(), resource[2] == String(version) else {
            return "ARN '\(arn)' names model package '\(resource[1])/\(resource[2])', not '\(self)'"
        }
        return nil
    }

    public static func < (lhs: ModelPackage, rhs: ModelPackage) -> Bool {
        (lhs.group, lhs.version) < (rhs.group, rhs.version)
    }
}
