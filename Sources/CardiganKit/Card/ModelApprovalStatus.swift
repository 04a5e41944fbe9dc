/// The approval statuses of a SageMaker model package.
public enum ModelApprovalStatus: String, Sendable, CaseIterable {
    case approved = "Approved"
    case rejected = "Rejected"
    case pendingManualApproval = "PendingManualApproval"
}
