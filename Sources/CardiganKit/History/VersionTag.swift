import Foundation

/// The annotated tag `cards/<name>/v<N>` of a card version, and its message.
///
/// The message repeats the version's trailers and adds `Previous:` with the object id of the
/// tag of version N-1, so each card's tags form a hash chain: moving or recreating an old tag
/// breaks every later link.
public enum VersionTag {
    /// The prefix of every version tag's reference.
    public static let referencePrefix = "refs/tags/cards/"

    /// The tag name of `version` of `card`: `cards/customer-churn/v3`.
    public static func name(card: String, version: Int) -> String { "cards/\(card)/v\(version)" }

    /// The full reference of `version` of `card`.
    public static func reference(card: String, version: Int) -> String {
        "refs/tags/" + name(card: card, version: version)
    }

    /// The card and version a reference names, or nil when it is not a version tag.
    public static func parse(reference: String) -> (card: String, version: Int)? {
        guard reference.hasPrefix(referencePrefix) else { return nil }
        let rest = reference.dropFirst(referencePrefix.count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].hasPrefix("v"), let version = Int(parts[1].dropFirst()), version >= 1,
            "v\(version)" == parts[1]
        else { return nil }
        return (String(parts[0]), version)
    }

    /// The message of the tag for `record`; `previous` is the object id of the tag of the
    /// version before (nil for version 1).
    public static func message(for record: CardRecord, previous: String?) -> String {
        var lines = record.trailerLines
        if let previous { lines.append("Previous: \(previous)") }
        return name(card: record.card, version: record.version) + "\n\n" + lines.joined(separator: "\n") + "\n"
    }

    /// The `Previous:` value in a tag message, if any.
    public static func previous(inMessage message: String) -> String? {
        for line in message.split(separator: "\n") where line.hasPrefix("Previous: ") {
            return String(line.dropFirst("Previous: ".count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// The key-value lines of a tag message (`Card: x` …), read without libgit2's trailer
    /// parser, which expects a commit message.
    public static func fields(inMessage message: String) -> [(key: String, value: String)] {
        message.split(separator: "\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = String(line[..<colon])
            guard !key.isEmpty, !key.contains(" ") else { return nil }
            return (key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }
}
