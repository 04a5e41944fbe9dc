/// Prints findings as Markdown for a pull-request comment or a GitHub job summary: a heading
/// with the summary, then a table of findings with their hints.
public struct MarkdownReporter: FindingReporter {
    /// A title for the heading.
    public var title: String

    /// Creates a Markdown reporter.
    public init(title: String = "cardigan") {
        self.title = title
    }

    public func render(_ report: FindingReport) -> String {
        let mark = report.errorCount > 0 ? "❌" : "✅"
        var text = "## \(mark) \(title): \(report.summary)\n"
        guard !report.findings.isEmpty else { return text }
        text += "\n| | where | rule | what | fix |\n|---|---|---|---|---|\n"
        for finding in report.findings {
            let icon = finding.severity == .error ? "❌" : finding.severity == .warning ? "⚠️" : "ℹ️"
            var place =
                finding.location.map {
                    let path = DisplayText.escaped($0.path).replacingOccurrences(of: "`", with: "'")
                    let line = $0.position.map { ":\($0)" } ?? ""
                    return "`\(path.replacingOccurrences(of: "|", with: "\\|"))\(line)`"
                } ?? ""
            if let commit = finding.commit { place += (place.isEmpty ? "" : " ") + "`\(commit.prefix(12))`" }
            text +=
                "| \(icon) | \(place) | `\(finding.ruleID.rawValue)` | \(cell(finding.message)) | \(cell(finding.hint ?? "")) |\n"
        }
        return text
    }

    /// Text safe inside a table cell: pipes escaped, line breaks as `<br>`, HTML-like text
    /// neutralised (a card is untrusted input).
    func cell(_ text: String) -> String {
        DisplayText.escaped(text, lineBreaks: true).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "<", with: "&lt;"
        )
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "|", with: "\\|")
        .replacingOccurrences(of: "\n", with: "<br>")
    }
}
