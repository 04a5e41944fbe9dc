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
        // Split at the one `/` by bytes, not characters: `verify` parses every version tag's
        // name (a character walk of 100,000 names was 4% of a warm run).
        let bytes = reference.utf8
        guard bytes.starts(with: referencePrefix.utf8) else { return nil }
        let rest = bytes.dropFirst(referencePrefix.utf8.count)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let card = String(reference[rest.startIndex..<slash])
        let after = bytes.index(after: slash)
        guard !rest[after...].contains(UInt8(ascii: "/")), CardName.isValid(card),
            let version = version(named: reference[after...])
        else { return nil }
        return (card, version)
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
        // Read from the bytes: every version tag's name is read on each `verify` (100,000 at scale).
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "v"), bytes.count > 1, bytes.dropFirst().first != UInt8(ascii: "0") else {
            return nil
        }
        var version = 0
        for byte in bytes.dropFirst() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow) = version.multipliedReportingOverflow(by: 10)
            let (sum, overflowed) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow, !overflowed else { return nil }
            version = sum
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
