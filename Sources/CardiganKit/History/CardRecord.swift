import Foundation

/// What a commit's trailers say about one card: the record of a version or a status change.
///
/// ```
/// Card: customer-churn
/// Card-Version: 3
/// Card-Digest: sha256:9f2c…
/// Card-Status: Draft
/// Card-Change: version
/// Model-Package: customer-churn/3
/// ```
///
/// A commit may carry several records, one group per card, each group starting with `Card:`.
public struct CardRecord: Sendable, Hashable {
    /// What a record says happened to the card.
    public enum Change: String, Sendable, Hashable, Codable {
        /// A new version: the digest changed (or the card is new).
        case version
        /// Only the status changed; the version number stays.
        case status
        /// Only comments or formatting changed; version, digest and status stay.
        case format
        /// A signed approval of the version that does not reach the policy's threshold yet;
        /// nothing in the card changed.
        case approval
    }

    /// The card's name.
    public var card: String
    /// The card's version after this commit.
    public var version: Int
    /// The card's digest after this commit.
    public var digest: String
    /// The card's status after this commit.
    public var status: CardStatus
    /// What changed.
    public var change: Change
    /// The canonical JSON the digest was computed over: ``CanonicalForm/rfc8785`` for every
    /// record made now (trailer `Card-Canonical: rfc8785`), ``CanonicalForm/legacy`` for records
    /// made before, which have no such trailer.
    public var canonicalForm: CanonicalForm = .rfc8785
    /// The linked model package, `<group>/<version>`, when the card is linked.
    public var modelPackage: String?
    /// `<card>/v<N>` of the card this one was cloned from (version 1 of a clone only).
    public var clonedFrom: String?
    /// Who wrote this version's change of `model_package_details`: `link`, `clone` or
    /// `registry`; nil when the section did not change or was written with the card's first version.
    public var packageDetailsSource: String?
    /// The signed approvals this commit records for the version (`Card-Approval:` trailers).
    public var approvals: [Approval] = []

    /// Creates a record.
    public init(
        card: String, version: Int, digest: String, status: CardStatus, change: Change, modelPackage: String? = nil,
        clonedFrom: String? = nil
    ) {
        self.card = card
        self.version = version
        self.digest = digest
        self.status = status
        self.change = change
        self.modelPackage = modelPackage
        self.clonedFrom = clonedFrom
    }

    /// The trailer lines of this record, in their fixed order.
    public var trailerLines: [String] {
        var lines = [
            "Card: \(card)", "Card-Version: \(version)", "Card-Digest: \(digest)", "Card-Status: \(status.rawValue)",
            "Card-Change: \(change.rawValue)",
        ]
        if canonicalForm != .legacy { lines.append("\(CanonicalForm.trailerKey): \(canonicalForm.rawValue)") }
        if let modelPackage { lines.append("Model-Package: \(modelPackage)") }
        if let clonedFrom { lines.append("Cloned-From: \(clonedFrom)") }
        if let packageDetailsSource { lines.append("Package-Details-Source: \(packageDetailsSource)") }
        lines += approvals.map { "Card-Approval: " + $0.trailerValue }
        return lines
    }

    /// A commit message: the user's message, a blank line, then every record's trailers.
    public static func commitMessage(_ message: String, records: [CardRecord]) -> String {
        let body = message.trimmingCharacters(in: .whitespacesAndNewlines)
        let trailers = records.flatMap(\.trailerLines).joined(separator: "\n")
        return body + "\n\n" + trailers + "\n"
    }

    /// The records in a commit's trailers, in order. Groups that are incomplete or malformed are
    /// returned as problems, so `verify` can report a commit whose trailers were written by hand.
    public static func parse(trailers: [(key: String, value: String)]) -> (records: [CardRecord], problems: [String]) {
        var records: [CardRecord] = []
        var problems: [String] = []
        // The group's values in ``groupKeys`` order: an array of eight, not a dictionary made
        // and hashed for each of the 100,000 records a `verify` at scale parses.
        var group = [String?](repeating: nil, count: groupKeys.count)
        var groupCard: String?
        var groupApprovals: [Approval] = []
        // A key given twice with different values: which one the record says is anyone's guess.
        var conflicting: [String] = []

        func close() {
            guard let card = groupCard else { return }
            defer {
                for slot in group.indices { group[slot] = nil }
                groupCard = nil
                groupApprovals = []
                conflicting = []
            }
            if let key = conflicting.first {
                problems.append("the trailers of card '\(card)' give '\(key)' twice, with different values")
                return
            }
            guard let versionText = group[GroupKey.version], let version = Int(versionText), version >= 1 else {
                problems.append("the trailers of card '\(card)' have no valid 'Card-Version'")
                return
            }
            guard let digest = group[GroupKey.digest], digest.hasPrefix("sha256:") else {
                problems.append("the trailers of card '\(card)' have no valid 'Card-Digest'")
                return
            }
            guard let statusText = group[GroupKey.status], let status = CardStatus(rawValue: statusText) else {
                problems.append("the trailers of card '\(card)' have no valid 'Card-Status'")
                return
            }
            let change = group[GroupKey.change].flatMap(Change.init(rawValue:)) ?? .version
            var form = CanonicalForm.legacy
            if let named = group[GroupKey.canonical] {
                guard let known = CanonicalForm(rawValue: named), known != .legacy else {
                    problems.append("the trailers of card '\(card)' name an unknown canonical form '\(named)'")
                    return
                }
                form = known
            }
            var record = CardRecord(
                card: card, version: version, digest: digest, status: status, change: change,
                modelPackage: group[GroupKey.modelPackage], clonedFrom: group[GroupKey.clonedFrom])
            record.canonicalForm = form
            record.packageDetailsSource = group[GroupKey.packageDetailsSource]
            record.approvals = groupApprovals
            records.append(record)
        }

        for (key, value) in trailers {
            switch key {
            case "Card":
                close()
                groupCard = value
            case "Card-Approval":
                if groupCard == nil {
                    problems.append("trailer '\(key)' appears before any 'Card' trailer")
                } else if let approval = Approval(trailerValue: value) {
                    groupApprovals.append(approval)
                } else {
                    problems.append("the approval '\(value.prefix(40))…' of card '\(groupCard ?? "")' cannot be read")
                }
            default:
                guard let slot = groupKeys.firstIndex(of: key) else { continue }
                if groupCard == nil {
                    problems.append("trailer '\(key)' appears before any 'Card' trailer")
                } else {
                    if let earlier = group[slot], earlier != value, !conflicting.contains(key) {
                        conflicting.append(key)
                    }
                    group[slot] = value
                }
            }
        }
        close()
        return (records, problems)
    }

    /// The keys a card's trailer group gives once each, in the order ``parse(trailers:)`` keeps them.
    private static let groupKeys = [
        "Card-Version", "Card-Digest", "Card-Status", "Card-Change", "Model-Package", "Cloned-From",
        CanonicalForm.trailerKey, "Package-Details-Source",
    ]

    /// Where each key of ``groupKeys`` is kept.
    private enum GroupKey {
        static let version = 0, digest = 1, status = 2, change = 3, modelPackage = 4, clonedFrom = 5,
            canonical = 6, packageDetailsSource = 7
    }
}
