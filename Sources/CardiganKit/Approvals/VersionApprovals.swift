/// The valid signed approvals of one card version and what each signs: the card, the version
/// and the digest of the statement (``Approval/statement(card:version:digest:principal:date:)``).
public struct VersionApprovals: Sendable, Hashable {
    /// The card.
    public var card: String
    /// The version approved.
    public var version: Int
    /// The digest the statements sign: the version's content in the current canonical form.
    public var digest: String
    /// The valid approvals, oldest first; empty without an approval policy or approvals.
    public var approvals: [Approval]

    /// Creates the approvals of a version.
    public init(card: String, version: Int, digest: String, approvals: [Approval]) {
        self.card = card
        self.version = version
        self.digest = digest
        self.approvals = approvals
    }
}
