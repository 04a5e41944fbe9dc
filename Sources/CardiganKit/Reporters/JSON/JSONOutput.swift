import Foundation

/// The one JSON contract of every command's `--format json`: one envelope, snake_case keys,
/// every key always present (an absent value is `null`, an empty list `[]`), instants as ISO 8601
/// in UTC, keys sorted, written through one encoder.
///
/// ```json
/// {
///   "cards" : [ … ],
///   "command" : "list",
///   "format_version" : 1
/// }
/// ```
///
/// The payload's keys sit beside `command` and `format_version`; a card's name is always `card`.
public enum JSONOutput {
    /// The version of this contract; it changes only when a key changes meaning or goes away
    /// (a new key does not change it).
    public static let formatVersion = 1

    /// The document of `command` (its name as typed, `registry status` for a subcommand) with
    /// `payload`'s keys beside the envelope's, ending with a newline. Throws only when a value
    /// cannot be JSON, which no card value can be (YAML's `.inf` and `.nan` stay strings).
    public static func render(command: String, _ payload: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(Envelope(command: command, payload: payload))
        // Control and bidirectional characters are escaped, so a card cannot rewrite a terminal.
        return DisplayText.jsonEscaped(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// `time` (seconds since 1970) as the contract writes instants: `2026-11-30T12:00:00Z`.
    static func date(_ time: Int64) -> String { HistoryText.date(time) }
}

/// `command` and `format_version`, then the payload's keys in the same object.
private struct Envelope<Payload: Encodable>: Encodable {
    var command: String
    var payload: Payload

    enum CodingKeys: String, CodingKey {
        case command
        case formatVersion = "format_version"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(JSONOutput.formatVersion, forKey: .formatVersion)
        // The payload writes into the same keyed container: one flat object, no nesting.
        try payload.encode(to: encoder)
    }
}
