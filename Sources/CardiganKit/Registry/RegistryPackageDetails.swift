/// What `link` asks when a registry is configured: whether a package version exists, and the
/// `model_package_details` the registry has for it.
public struct RegistryPackageDetails: Sendable {
    /// The registry asked.
    public let registry: any ModelRegistry

    /// A provider over `registry`.
    public init(registry: any ModelRegistry) {
        self.registry = registry
    }

    /// The package version as the registry has it; nil when it has no such version.
    public func lookUp(_ package: ModelPackage) throws -> RegistryPackageVersion? {
        try registry.packageVersion(package)
    }

    /// The finding's message for a version the registry does not have.
    func missingMessage(_ package: ModelPackage) -> String {
        "model package '\(package)' does not exist in \(registry.displayName)"
    }

    /// What to do about it.
    var missingHint: String {
        "register the model version first, or check the group and version; 'cardigan registry status' lists the versions of linked groups"
    }
}
