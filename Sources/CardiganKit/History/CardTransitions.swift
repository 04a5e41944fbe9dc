import Foundation

/// The checks on a card's move from one recorded state to the next: a status change, an edit
/// of an Archived card, a change of `model_overview.model_name`, the status a new version is
/// born with, and an approval of a card whose model package is Rejected. Each is coded here
/// once, with one message, and used alike before the fact (`commit`, `status` and the hooks,
/// from the working tree or the index) and after it (`verify`, `check` and the server hook,
/// from the history). Pure: facts in, findings out.
struct CardTransitions {
    /// The card's name.
    let card: String
    /// The card file's repository path, where the findings are.
    let path: String

    /// A status change alone, `from` → `to`. Statuses move Draft ⇄ PendingReview → Approved →
    /// Archived; Approved → Draft only with a new version.
    func statusChange(from: CardStatus, to: CardStatus, at position: SourcePosition? = nil) -> Finding? {
        guard from != to, !from.allowsStatusChange(to: to) else { return nil }
        let hint: String
        switch (from, to) {
        case (.approved, .draft): hint = "an approved card returns to Draft only with a new version: change its content"
        case (.draft, .approved): hint = "a card is approved after review: move it to PendingReview first"
        case (.archived, _): hint = "an archived card changes no more"
        default: hint = "statuses move Draft ⇄ PendingReview → Approved → Archived"
        }
        return Finding(
            ruleID: .statusMove, message: "status of '\(card)' cannot move from \(from.rawValue) to \(to.rawValue)",
            location: Location(path: path, position: position, pointer: "/status"), hint: hint)
    }

    /// A change of the content of a card whose last status was `previous`: an Archived card
    /// changes no more.
    func contentChange(after previous: CardStatus?) -> Finding? {
        guard previous == .archived else { return nil }
        return Finding(
            ruleID: .statusMove, message: "card '\(card)' is archived and changes no more",
            location: Location(path: path), hint: "restore the file; to document a new model, clone the card")
    }

    /// A change of `model_overview.model_name`, which never changes after version 1.
    func modelNameChange(from old: String?, to new: String?, at position: SourcePosition? = nil) -> Finding? {
        guard let old, let new, old != new else { return nil }
        return Finding(
            ruleID: .modelNameChanged,
            message: "'model_overview.model_name' of '\(card)' changed from '\(old)' to '\(new)'",
            location: Location(path: path, position: position, pointer: "/model_overview/model_name"),
            hint: "model_name never changes; a new model is a new card ('cardigan clone')")
    }

    /// The status new version `version` is born with: Draft or PendingReview, never Approved
    /// or Archived (a new version is reviewed again).
    func birth(version: Int, status: CardStatus, at position: SourcePosition? = nil) -> Finding? {
        guard !status.isAllowedForNewVersion else { return nil }
        return Finding(
            ruleID: .statusMove,
            message:
                "version \(version) of '\(card)' cannot be born \(status.rawValue); a new version is born Draft or PendingReview",
            location: Location(path: path, position: position, pointer: "/status"),
            hint: "set 'status: Draft'; a new version is reviewed again before it is approved")
    }

    /// A card whose status is `status` while its model package's approval status is
    /// `packageApproval`: a card documenting a rejected model version is not approved.
    func approval(status: CardStatus?, packageApproval: String?, at position: SourcePosition? = nil) -> Finding? {
        guard status == .approved, packageApproval == ModelApprovalStatus.rejected.rawValue else { return nil }
        return Finding(
            ruleID: .packageRejected,
            message: "card '\(card)' cannot be Approved: its model package's approval status is Rejected",
            location: Location(
                path: path, position: position, pointer: "/model_package_details/model_approval_status"),
            hint: "a card documenting a rejected model version is not approved")
    }
}
