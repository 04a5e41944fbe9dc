import Foundation

/// Prints GitLab's code quality report (a JSON array of issues with `description`,
/// `check_name`, `fingerprint`, `severity` and `location.path`/`location.lines.begin`), which a
/// merge request shows beside the changed lines when a job publishes it as
/// `artifacts:reports:codequality`.
public struct GitLabReporter: FindingReporter {
    /// Creates a GitLab code quality reporter.
    public init() {}

    struct Issue: Encodable {
        var type = "issue"
        var description: String
        var checkName: String
        var fingerprint: String
        var severity: String
        var categories: [String]
        var location: IssueLocation

        enum CodingKeys: String, CodingKey {
            case type, description, fingerprint, severity, categories, location
            case checkName = "check_name"
        }
    }

    struct IssueLocation: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable { var begin: Int }

    public func render(_ report: FindingReport) -> String {
        var seen: [String: Int] = [:]
        let issues = report.findings.map { finding -> Issue in
            var description = finding.messageWithCommit
            if let hint = finding.hint { description += " (\(hint))" }
            // GitLab needs a path and a line for every issue; a finding about the repository as a
            // whole is placed on the repository root and says so.
            let path = finding.location?.path ?? "."
            if finding.location == nil { description = "repository: " + description }
            // Fingerprints identify issues across pipelines and must be unique within a report.
            var fingerprint = SARIFReporter.fingerprint(of: finding)
            let count = seen[fingerprint, default: 0]
            seen[fingerprint] = count + 1
            if count > 0 { fingerprint = CardDigest.sha256Hex(.init((fingerprint + "#\(count)").utf8)) }
            return Issue(
                // The merge request shows the text as it is: control and bidi characters as escapes.
                description: DisplayText.escaped(description, lineBreaks: true), checkName: finding.ruleID.rawValue,
                fingerprint: fingerprint,
                severity: finding.severity == .error ? "major" : finding.severity == .warning ? "minor" : "info",
                categories: [
                    finding.ruleID.isAboutWriting ? "Style" : "Bug Risk"
                ],
                location: IssueLocation(path: path, lines: Lines(begin: finding.location?.position?.line ?? 1)))
        }
        return JSONText.encode(issues) + "\n"
    }
}
