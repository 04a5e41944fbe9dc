import Foundation

/// The approval policy in force at one commit: the `approval:` settings of its `.cardigan.yaml`
/// and the allowed signers file they name, both as that commit's tree holds them.
public struct ApprovalPolicy: Sendable, Equatable {
    /// The settings.
    public var settings: ApprovalSettings
    /// The allowed signers.
    public var signers: AllowedSigners
    /// The object ids of `.cardigan.yaml` and the signers file: the policy's identity, which
    /// changes exactly when the policy may have.
    public var identity: String

    /// Creates a policy.
    public init(settings: ApprovalSettings, signers: AllowedSigners, identity: String) {
        self.settings = settings
        self.signers = signers
        self.identity = identity
    }
}

/// What the policy at a commit is.
public enum PolicyState: Sendable, Equatable {
    /// No `approval:` section: moves to Approved are plain status changes.
    case none
    /// A section that cannot be used; the message says why.
    case invalid(String)
    /// A usable policy.
    case active(ApprovalPolicy)

    /// The policy, when there is a usable one.
    public var policy: ApprovalPolicy? {
        if case .active(let policy) = self { return policy }
        return nil
    }
}

extension PolicyState {
    /// Whether `other` is the same policy: the same settings and signers, whatever else the
    /// files changed (a comment, another setting of `.cardigan.yaml`, lines that moved).
    func isSamePolicy(as other: PolicyState) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.invalid(let one), .invalid(let two)): return one == two
        case (.active(let one), .active(let two)):
            return one.settings.withoutLines == two.settings.withoutLines
                && one.signers.withoutLines == two.signers.withoutLines
        default: return false
        }
    }
}
