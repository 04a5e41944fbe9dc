/// Prints findings as compilers do, `cards/x.yaml:12:5: error: message [rule-id]` (a finding
/// about a whole file: `cards/x.yaml: error: …`), each hint on the next line, then the summary
/// and, when a finding has no hint, where `cardigan explain` says more. Colour only when asked (the CLI asks on a terminal).
public struct TextReporter: FindingReporter {
    /// Whether to use ANSI colours.
    public var useColor: Bool

    /// Creates a text reporter.
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ report: FindingReport) -> String {
        var output = ""
        for finding in report.findings {
            output += line(for: finding) + "\n"
        }
        output += paint(report.summary, report.errorCount > 0 ? "1" : "32") + "\n"
        // A finding without a hint of its own points at `explain`, once, after the summary.
        if let bare = report.findings.first(where: { $0.hint == nil }) {
            output +=
                paint("hint:", "36")
                + " 'cardigan explain \(bare.ruleID.rawValue)' (or any rule id above) says why the rule exists and how to fix what it found\n"
        }
        return output
    }

    /// One finding, with its hint on the following line.
    public func line(for finding: Finding) -> String {
        var text = ""
        if let location = finding.location {
            // A finding about the whole file names the file alone, as compilers do.
            let place = DisplayText.escaped(location.path) + (location.position.map { ":\($0)" } ?? "")
            text += paint(place + ":", "1") + " "
        }
        let severityColor = finding.severity == .error ? "31" : finding.severity == .warning ? "33" : "36"
        text +=
            paint("\(finding.severity.rawValue):", "1;\(severityColor)") + " "
            + DisplayText.escaped(finding.messageWithCommit, lineBreaks: true)
        text += " " + paint("[\(finding.ruleID.rawValue)]", "2")
        if let hint = finding.hint {
            text += "\n    " + paint("hint:", "36") + " " + DisplayText.escaped(hint, lineBreaks: true)
        }
        return text
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
