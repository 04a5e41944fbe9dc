import Foundation

/// Prints the report as JSON with sorted keys, for tools: a summary and every finding.
public struct JSONReporter: FindingReporter {
    /// Creates a JSON reporter.
    public init() {}

    struct Output: Encodable {
        var version = 1
        var summary: Summary
        var findings: [Item]
    }

    struct Summary: Encodable {
        var checked: Int
        var errors: Int
        var warnings: Int
        var filesWithErrors: Int
        var text: String
    }

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
    }

    public func render(_ report: FindingReport) -> String {
        let output = Output(
            summary: Summary(
                checked: report.checkedCount, errors: report.errorCount, warnings: report.warningCount,
                filesWithErrors: report.filesWithErrors, text: report.summary),
            findings: report.findings.map { finding in
                Item(
                    rule: finding.ruleID.rawValue, severity: finding.severity.rawValue, message: finding.message,
                    path: finding.location?.path, line: finding.location?.position.line,
                    column: finding.location?.position.column, pointer: finding.location?.pointer,
                    hint: finding.hint, commit: finding.commit)
            })
        return JSONText.encode(output) + "\n"
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
