import Foundation

/// What a commit of some cards would record, decided by ``CommitPlanner`` before anything is
/// written: `commit` writes it (``CardStore/write(_:branch:head:message:)``), the hooks turn it
/// into trailers or findings.
struct CommitPlan {
    /// The records, one per changed card; empty when nothing changed or something stops the commit.
    var records: [CardRecord] = []
    /// The bytes to commit per repository path (a new version's Approved status rewritten to Draft).
    var files: [String: [UInt8]] = [:]
    /// The blob id of each of `files` whose bytes were hashed while the cards were prepared on
    /// every core (those committed as the working file holds them), so that writing them does
    /// not hash them again on the one thread.
    var blobIDs: [String: ObjectID] = [:]
    /// The link tags to make with the commit, per card.
    var newLinks: [String: PlannedLink] = [:]
    /// Things the user should know (a status rewritten to Draft, the schema that applies).
    var notes: [String] = []
    /// Problems that stop the commit; when there are any, `records` is empty.
    var findings: [Finding] = []
}

/// A link tag a commit makes: the model package version and the ARN its message records.
struct PlannedLink: Equatable {
    /// The model package version linked.
    var package: ModelPackage
    /// Its ARN, when the card or the command names one.
    var arn: String?
}

/// A link that `link` or `clone` is making, carried into the commit so it is checked and
/// written under the same lock as the version it belongs to.
struct LinkIntent {
    /// The card being linked.
    var card: String
    /// The model package version it links.
    var package: ModelPackage
    /// The package's ARN, when given.
    var arn: String?
    /// `<card>/v<N>` of the source of a clone.
    var clonedFrom: String?
    /// What `Package-Details-Source:` records: `link`, `clone` or `registry`.
    var source: String = PackageDetailsRule.link
}
