/// Which canonical JSON a record's digest was computed over, named by the record itself.
public enum CanonicalForm: String, Sendable, Hashable, Codable {
    /// cardigan's form before RFC 8785 numbers: Swift's shortest number text (`1e-05`,
    /// `1e+16`), integers as written, keys in UTF-8 byte order. Records without a
    /// `Card-Canonical` trailer were made with it.
    case legacy
    /// RFC 8785 (JCS): what every new record uses, named `Card-Canonical: rfc8785`.
    case rfc8785

    /// The trailer that names the form of a record's digest.
    public static let trailerKey = "Card-Canonical"
}
