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
        guard parts.count == 2, CardName.isValid(String(parts[0])), let version = version(named: parts[1]) else {
            return nil
        }
        return (String(parts[0]), version)
    }

    /// Why `reference`, under ``referencePrefix``, is not a version tag's name; nil when it is one
    /// or is not under the prefix.
    public static func nameProblem(reference: String) -> String? {
        guard reference.hasPrefix(referencePrefix) else { return nil }
        let parts = reference.dropFirst(referencePrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "version tags are named 'cards/<name>/v<N>'" }
        if !CardName.isValid(String(parts[0])) { return "'\(parts[0])' is not a card name" }
        if version(named: parts[1]) == nil {
            return "'\(parts[1])' is not a version 'v<N>' (N from 1, no leading zero)"
        }
        return nil
    }

    /// The number in `v<N>`, N from 1 without leading zeros, or nil.
    private static func version(named text: Substring) -> Int? {
        guard text.hasPrefix("v"), let version = Int(text.dropFirst()), version >= 1, "v\(version)" == text else {
            return nil
        }
        return version
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
        fields(inMessage: message).first { $0.key == "Previous" }?.value
    }

    /// The key-value lines of a tag message (`Card: x` …), read without libgit2's trailer
    /// parser, which expects a commit message. Works on the UTF-8 bytes: `verify` reads every
    /// tag, and splitting by `Character` costs more than reading the tag object.
    public static func fields(inMessage message: String) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = []
        var message = message
        message.withUTF8 { bytes in
            let newline = UInt8(ascii: "\n")
            let colon = UInt8(ascii: ":")
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard let colonIndex = bytes[lineStart..<lineEnd].firstIndex(of: colon), colonIndex > lineStart,
                    !bytes[lineStart..<colonIndex].contains(UInt8(ascii: " "))
                else { continue }
                let value = trimmedSpaces(bytes[(colonIndex + 1)..<lineEnd])
                fields.append(
                    (
                        String(decoding: bytes[lineStart..<colonIndex], as: UTF8.self),
                        String(decoding: value, as: UTF8.self)
                    ))
            }
        }
        return fields
    }

    /// `bytes` without leading and trailing spaces and tabs.
    private static func trimmedSpaces(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }
}
