import Foundation

/// Prints the report under the JSON contract (``JSONOutput``): the envelope, a summary and
/// every finding, each key present (`null` when a finding has no such value).
public struct JSONReporter: FindingReporter {
    /// The command whose report this is (`validate`, `verify`, `check`, `registry status`).
    public var command: String

    /// Creates a JSON reporter for `command`'s report.
    public init(command: String) {
        self.command = command
    }

    /// The keys beside the envelope's.
    struct Payload: Encodable {
        var summary: Summary
        var findings: [Item]
    }

    /// The counts and the one-line summary.
    struct Summary: Encodable {
        var checked: Int
        var counts: [String: Int]
        var errors: Int
        var warnings: Int
        var filesWithErrors: Int
        var text: String

        private enum CodingKeys: String, CodingKey {
            case checked, counts, errors, warnings, text
            case filesWithErrors = "files_with_errors"
        }
    }

    /// One finding.
    struct Item: Encodable {
        var rule: String
        var severity: String
        var message: String
        var path: String?
        var line: Int?
        var column: Int?
        var pointer: String?
        var hint: String?
        var commit: String?

        private enum CodingKeys: String, CodingKey {
            case rule, severity, message, path, line, column, pointer, hint, commit
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(message, forKey: .message)
            // Absent values are written as null, never left out.
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(pointer, forKey: .pointer)
            try container.encode(hint, forKey: .hint)
            try container.encode(commit, forKey: .commit)
        }
    }

    /// `summary` (`checked`, `counts`, `errors`, `warnings`, `files_with_errors`, `text`) and `findings`
    /// (`rule`, `severity`, `message`, `path`, `line`, `column`, `pointer`, `hint`, `commit`).
    public func render(_ report: FindingReport) throws -> String {
        let payload = Payload(
            summary: Summary(
                checked: report.checked,
                counts: Dictionary(report.counts.map { ($0.key, $0.count) }, uniquingKeysWith: +),
                errors: report.errorCount, warnings: report.warningCount,
                filesWithErrors: report.filesWithErrors, text: report.summary),
            findings: report.findings.map { finding in
                Item(
                    rule: finding.ruleID.rawValue, severity: finding.severity.rawValue, message: finding.message,
                    path: finding.location?.path, line: finding.location?.position?.line,
                    column: finding.location?.position?.column,
                    // A finding that names no field has no pointer: null, not "" (the whole document).
                    pointer: finding.location.flatMap { $0.pointer.isEmpty ? nil : $0.pointer },
                    hint: finding.hint, commit: finding.commit)
            })
        return try JSONOutput.render(command: command, payload)
    }
}

/// Deterministic JSON text: sorted keys, pretty-printed, slashes not escaped.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return DisplayText.jsonEscaped(String(decoding: data, as: UTF8.self))
    }
}
