/// Prints GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), so
/// findings show on the right line of a pull request, then the summary as a notice.
public struct GitHubReporter: FindingReporter {
    /// Creates a GitHub reporter.
    public init() {}

    public func render(_ report: FindingReport) -> String {
        var output = ""
        for finding in report.findings {
            let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let location = finding.location {
                properties.append("file=\(escapeProperty(location.path))")
                // Without a line the annotation is on the file as a whole.
                if let position = location.position {
                    properties.append("line=\(position.line)")
                    properties.append("col=\(position.column)")
                }
            }
            properties.append("title=\(escapeProperty(finding.ruleID.rawValue))")
            var message = finding.messageWithCommit
            if let hint = finding.hint { message += "\n" + hint }
            output += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        output += "::notice title=cardigan::\(escapeData(report.summary))\n"
        return output
    }

    /// Escapes a message as the runner expects (`%`, CR and LF), and control characters as
    /// cardigan prints them everywhere.
    func escapeData(_ text: String) -> String {
        DisplayText.escaped(text, lineBreaks: true).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(
            of: "\r", with: "%0D"
        )
        .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value, which also may not hold `:` or `,`.
    func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
