import Foundation

// The payloads of `show`, `log`, `list` and `packages` under the JSON contract (``JSONOutput``):
// explicit snake_case keys, every key written (`null` when absent, `[]` when empty).

extension JSONOutput {
    /// `show --format json`: the card version's record, its content, its status timeline and
    /// the valid signed approvals of the version, each with what its statement signs.
    public static func show(_ view: CardVersionView, approvals: VersionApprovals?) throws -> String {
        try render(command: "show", ShowPayload(view: view, approvals: approvals))
    }

    /// `log --format json`: the card and its audit trail, oldest first.
    public static func log(card: String, entries: [AuditEntry]) throws -> String {
        try render(command: "log", LogPayload(card: card, entries: entries))
    }

    /// `list --format json`: every card with its latest version, status, risk rating and link.
    public static func list(_ cards: [CardSummary]) throws -> String {
        try render(command: "list", ListPayload(cards: cards))
    }

    /// `packages --format json`: every model package version the link tags (or trailers) record.
    public static func packages(_ links: [PackageLink]) throws -> String {
        try render(command: "packages", PackagesPayload(packages: links))
    }
}

/// `card`, `version`, `status`, `digest`, `commit`, `model_package`, `content`,
/// `status_timeline`, `superseded_by`, `superseded_at`, `approvals`.
struct ShowPayload: Encodable {
    var view: CardVersionView
    var approvals: VersionApprovals?

    private enum CodingKeys: String, CodingKey {
        case card, version, status, digest, commit, content, approvals
        case modelPackage = "model_package"
        case statusTimeline = "status_timeline"
        case supersededBy = "superseded_by"
        case supersededAt = "superseded_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let record = view.record
        try container.encode(record.card, forKey: .card)
        try container.encode(record.version, forKey: .version)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.digest, forKey: .digest)
        try container.encode(view.commit, forKey: .commit)
        try container.encode(record.modelPackage, forKey: .modelPackage)
        try container.encode(JSONValue(view.root), forKey: .content)
        try container.encode(view.timeline?.events ?? [], forKey: .statusTimeline)
        try container.encode(view.timeline?.supersededBy, forKey: .supersededBy)
        try container.encode(view.timeline?.supersededAt.map(JSONOutput.date), forKey: .supersededAt)
        let signed = approvals.map { signed in signed.approvals.map { SignedApproval(approval: $0, of: signed) } }
        try container.encode(signed ?? [], forKey: .approvals)
    }
}

/// An approval as `show` names it: who, with which key, when, the signature, and the statement
/// it signs (card, version, digest, status) in the namespace `cardigan-approval`.
struct SignedApproval: Encodable {
    var approval: Approval
    var of: VersionApprovals

    private enum CodingKeys: String, CodingKey {
        case principal, date, signature, namespace, statement
        case keyFingerprint = "key_fingerprint"
    }

    private enum StatementKeys: String, CodingKey {
        case card, version, digest, status
    }

    func encode(to encoder: any Encoder) throws {
        try approval.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Approval.namespace, forKey: .namespace)
        var statement = container.nestedContainer(keyedBy: StatementKeys.self, forKey: .statement)
        try statement.encode(of.card, forKey: .card)
        try statement.encode(of.version, forKey: .version)
        try statement.encode(of.digest, forKey: .digest)
        try statement.encode(CardStatus.approved.rawValue, forKey: .status)
    }
}

/// `card`, `entries`.
struct LogPayload: Encodable {
    var card: String
    var entries: [AuditEntry]
}

/// `cards`.
struct ListPayload: Encodable {
    var cards: [CardSummary]
}

/// `packages`.
struct PackagesPayload: Encodable {
    var packages: [PackageLink]
}

extension Approval: Encodable {
    private enum CodingKeys: String, CodingKey {
        case principal, date, signature
        case keyFingerprint = "key_fingerprint"
    }

    /// `principal`, `key_fingerprint`, `date`, `signature` (the `SSHSIG` blob in base64).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(principal, forKey: .principal)
        try container.encode(fingerprint, forKey: .keyFingerprint)
        try container.encode(date, forKey: .date)
        try container.encode(signature, forKey: .signature)
    }
}

extension AuditEntry: Encodable {
    private enum CodingKeys: String, CodingKey {
        case commit, author, email, date, summary, version, digest, status, change, approvals
        case canonicalForm = "canonical_form"
        case modelPackage = "model_package"
        case clonedFrom = "cloned_from"
        case packageDetailsSource = "package_details_source"
    }

    /// The commit (`commit`, `author`, `email`, `date`, `summary`) and what its trailers record
    /// for the card (`version`, `digest`, `status`, `change`, `canonical_form`, `model_package`,
    /// `cloned_from`, `package_details_source`, `approvals`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commit, forKey: .commit)
        try container.encode(author, forKey: .author)
        try container.encode(email, forKey: .email)
        try container.encode(JSONOutput.date(time), forKey: .date)
        try container.encode(summary, forKey: .summary)
        try container.encode(record.version, forKey: .version)
        try container.encode(record.digest, forKey: .digest)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.change.rawValue, forKey: .change)
        try container.encode(record.canonicalForm.rawValue, forKey: .canonicalForm)
        try container.encode(record.modelPackage, forKey: .modelPackage)
        try container.encode(record.clonedFrom, forKey: .clonedFrom)
        try container.encode(record.packageDetailsSource, forKey: .packageDetailsSource)
        try container.encode(record.approvals, forKey: .approvals)
    }
}

extension StatusEvent: Encodable {
    private enum CodingKeys: String, CodingKey {
        case status, change, author, email, date, commit, summary
    }

    /// `status`, `change`, `author`, `email`, `date`, `commit`, `summary`: the same keys as a
    /// `log` entry's.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.rawValue, forKey: .status)
        try container.encode(change.rawValue, forKey: .change)
        try container.encode(author, forKey: .author)
        try container.encode(email, forKey: .email)
        try container.encode(JSONOutput.date(time), forKey: .date)
        try container.encode(commit, forKey: .commit)
        try container.encode(summary, forKey: .summary)
    }
}

extension CardSummary: Encodable {
    private enum CodingKeys: String, CodingKey {
        case card, version, status
        case riskRating = "risk_rating"
        case modelPackage = "model_package"
    }

    /// `card`, `version`, `status`, `risk_rating`, `model_package`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .card)
        try container.encode(version, forKey: .version)
        try container.encode(status, forKey: .status)
        try container.encode(riskRating, forKey: .riskRating)
        try container.encode(modelPackage, forKey: .modelPackage)
    }
}

extension PackageLink: Encodable {
    private enum CodingKeys: String, CodingKey {
        case card, arn, commit, intact, problem
        case modelPackage = "model_package"
        case packageGroup = "package_group"
        case packageVersion = "package_version"
        case cardVersion = "card_version"
        case latestVersion = "latest_version"
        case latestStatus = "latest_status"
        case approvedVersion = "approved_version"
    }

    /// `model_package`, `package_group`, `package_version`, `card`, `card_version` (the version
    /// the link was made at), `latest_version`, `latest_status`, `approved_version`, `arn`,
    /// `commit`, `intact`, `problem`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("\(group)/\(version)", forKey: .modelPackage)
        try container.encode(group, forKey: .packageGroup)
        try container.encode(version, forKey: .packageVersion)
        try container.encode(card, forKey: .card)
        try container.encode(cardVersion, forKey: .cardVersion)
        try container.encode(latestVersion, forKey: .latestVersion)
        try container.encode(latestStatus, forKey: .latestStatus)
        try container.encode(approvedVersion, forKey: .approvedVersion)
        try container.encode(arn, forKey: .arn)
        try container.encode(commit, forKey: .commit)
        try container.encode(intact, forKey: .intact)
        try container.encode(problem, forKey: .problem)
    }
}
