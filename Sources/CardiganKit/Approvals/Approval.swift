import Foundation

/// One signed approval of a card version, as a commit's `Card-Approval:` trailer records it:
///
/// ```
/// Card-Approval: <principal> <key fingerprint> <date> <SSHSIG blob in base64>
/// ```
///
/// The signature is over ``statement(card:version:digest:principal:date:)`` in the namespace
/// ``namespace``, so it names exactly what was approved and cannot be replayed for another card,
/// version or digest, nor taken for a git commit or file signature.
public struct Approval: Sendable, Hashable, Codable {
    /// The SSHSIG namespace of approvals; cardigan's own, not a domain.
    public static let namespace = "cardigan-approval"

    /// Who approved, as the allowed signers file names them (usually an email address).
    public var principal: String
    /// `SHA256:…` of the signing key.
    public var fingerprint: String
    /// When, as the signer says: `YYYY-MM-DDTHH:MM:SSZ`.
    public var date: String
    /// The `SSHSIG` blob in base64.
    public var signature: String

    /// Creates an approval.
    public init(principal: String, fingerprint: String, date: String, signature: String) {
        self.principal = principal
        self.fingerprint = fingerprint
        self.date = date
        self.signature = signature
    }

    /// Reads a `Card-Approval:` trailer's value; nil when it is not four fields.
    public init?(trailerValue: String) {
        let fields = trailerValue.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 4, fields[1].hasPrefix("SHA256:") else { return nil }
        self.init(principal: fields[0], fingerprint: fields[1], date: fields[2], signature: fields[3])
    }

    /// The trailer's value.
    public var trailerValue: String { "\(principal) \(fingerprint) \(date) \(signature)" }

    /// The text an approver signs: the card, the version, its digest, the status it approves,
    /// who signs and when.
    public static func statement(card: String, version: Int, digest: String, principal: String, date: String) -> String
    {
        """
        cardigan approval
        card: \(card)
        version: \(version)
        digest: \(digest)
        status: Approved
        principal: \(principal)
        date: \(date)

        """
    }

    /// `principal (key SHA256:…, date)`: how `show` and exports name an approval.
    public var footerText: String { "\(principal) (key \(fingerprint), \(date))" }

    /// The date as a time, nil when it is not `YYYY-MM-DDTHH:MM:SSZ`.
    public var time: Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return date.hasSuffix("Z") ? formatter.date(from: date) : nil
    }

    /// Now, as an approval's date.
    public static func dateText(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
