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
public struct Approval: Sendable, Hashable {
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

    /// The date as a time, nil when it is not `YYYY-MM-DDTHH:MM:SSZ`. Read by hand: `verify`
    /// reads one per approval, and a date formatter costs more to make than a signature to check.
    public var time: Date? {
        let bytes = Array(date.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[19] == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
        let shifted = month <= 2 ? year - 1 : year
        let era = shifted / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }

    /// Now, as an approval's date.
    public static func dateText(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
