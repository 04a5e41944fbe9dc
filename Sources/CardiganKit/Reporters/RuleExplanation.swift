/// `cardigan explain`: what a rule checks, why it exists and what to do when it fires, from the
/// same summary and help SARIF carries (`RuleID+Summary.swift`, `RuleID+Help.swift`).
public enum RuleExplanation {
    /// The rule whose id is `id`; an unknown id is a usage error naming the closest ids.
    public static func rule(named id: String) throws -> RuleID {
        if let rule = RuleID(rawValue: id) { return rule }
        let matches = closeMatches(to: id)
        let suggestion = matches.isEmpty ? "" : "did you mean \(matches.map { "'\($0)'" }.joined(separator: ", "))? "
        throw CardiganError(
            "no rule '\(DisplayText.escaped(id))'", hint: suggestion + "'cardigan explain' lists every rule")
    }

    /// The ids nearest to `word`, closest first, at most three: those within a small edit
    /// distance, then those that contain it (`tag` finds the tag rules).
    static func closeMatches(to word: String) -> [String] {
        let lowered = word.lowercased()
        let limit = max(2, word.count / 3)
        let ids = RuleID.allCases.map(\.rawValue)
        let near = ids.map { ($0, Suggestion.editDistance(lowered, $0.lowercased())) }.filter { $0.1 <= limit }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        let containing = lowered.count < 3 ? [] : ids.filter { $0.lowercased().contains(lowered) && !near.contains($0) }
        return Array((near + containing).prefix(3))
    }

    /// One rule in text: its id and summary, then why and the fix.
    public static func text(of rule: RuleID) -> String {
        let level = rule.isWarning ? " (a warning)" : ""
        return "\(rule.rawValue): \(rule.summary)\(level)\n\n  why: \(rule.help.why)\n  fix: \(rule.help.fix)\n"
    }

    /// Every rule in text, one a line: the id, then its summary, in columns.
    public static func listText() -> String {
        let width = RuleID.allCases.map { DisplayWidth.of($0.rawValue) }.max() ?? 0
        let lines = RuleID.allCases.map { DisplayWidth.padded($0.rawValue, to: width) + "  " + $0.summary }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `rules` in the one JSON envelope (command `explain`): `rules` [{`rule`, `summary`, `why`,
    /// `fix`, `level`}], in the order given.
    public static func json(of rules: [RuleID]) throws -> String {
        try JSONOutput.render(command: "explain", Payload(rules: rules.map(Item.init)))
    }

    private struct Payload: Encodable { var rules: [Item] }

    private struct Item: Encodable {
        var rule: String
        var summary: String
        var why: String
        var fix: String
        var level: String

        init(_ id: RuleID) {
            rule = id.rawValue
            summary = id.summary
            why = id.help.why
            fix = id.help.fix
            level = id.level
        }
    }
}
