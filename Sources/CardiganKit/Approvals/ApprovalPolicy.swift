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
    /// A policy whose allowed signers file has a line that is refused (unreadable, or a key
    /// cardigan refuses, such as a short RSA key): `line` of the signers file, and why. It
    /// approves no card version, and a change away from it is judged by `policy`, its usable
    /// lines: the refused line allows nothing, so it never loosens what a later change needs.
    case refused(ApprovalPolicy, line: Int, message: String)

    /// The policy, when there is a usable one.
    public var policy: ApprovalPolicy? {
        if case .active(let policy) = self { return policy }
        return nil
    }

    /// The policy that judges a change away from this one: the usable policy, or the usable
    /// lines of a policy with a refused line; nil when there is none.
    public var judge: ApprovalPolicy? {
        switch self {
        case .active(let policy), .refused(let policy, _, _): return policy
        case .none, .invalid: return nil
        }
    }

    /// Why the policy cannot be used, with the file and line when it is a refused signers line;
    /// nil for no policy or a usable one.
    public var unusableReason: String? {
        switch self {
        case .none, .active: return nil
        case .invalid(let message): return message
        case .refused(let policy, let line, let message): return "\(policy.settings.signersPath):\(line): \(message)"
        }
    }

    /// Where a refused signers line is; the configuration file for any other unusable policy.
    public var unusableLocation: Location {
        guard case .refused(let policy, let line, _) = self else { return Location(path: CardiganConfig.fileName) }
        return Location(path: policy.settings.signersPath, position: SourcePosition(line: line, column: 1))
    }
}

extension PolicyState {
    /// Whether `other` is the same policy: the same settings and signers, whatever else the
    /// files changed (a comment, another setting of `.cardigan.yaml`, lines that moved).
    func isSamePolicy(as other: PolicyState) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.invalid(let one), .invalid(let two)): return one == two
        case (.active(let one), .active(let two)), (.refused(let one, _, _), .refused(let two, _, _)):
            return one.settings.withoutLines == two.settings.withoutLines
                && one.signers.withoutLines == two.signers.withoutLines
        default: return false
        }
    }
}
