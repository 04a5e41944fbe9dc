/// Where a card is in its review life: the only field that changes without a new version.
public enum CardStatus: String, Sendable, CaseIterable, Codable {
    case draft = "Draft"
    case pendingReview = "PendingReview"
    case approved = "Approved"
    case archived = "Archived"

    /// Whether a status commit (same version) may move a card from `self` to `next`.
    ///
    /// Draft ⇄ PendingReview → Approved → Archived, exactly as the `status-move` rule lists them: a
    /// card is archived once approved, so an abandoned draft stays a draft (its history says so).
    /// Approved goes back to Draft only through a new version, and an Archived card changes no more.
    public func allowsStatusChange(to next: CardStatus) -> Bool {
        switch (self, next) {
        case (.draft, .pendingReview), (.pendingReview, .draft), (.pendingReview, .approved),
            (.approved, .archived):
            return true
        default:
            return false
        }
    }

    /// Whether a new version may be born with this status: never Approved or Archived.
    public var isAllowedForNewVersion: Bool { self == .draft || self == .pendingReview }
}
