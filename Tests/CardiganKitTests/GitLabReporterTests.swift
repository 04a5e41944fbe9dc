import Foundation
import Testing

@testable import CardiganKit

/// GitLab's code quality report: the fields a merge request reads, every issue located.
@Suite struct GitLabReporterTests {
    static func issues(_ report: FindingReport) throws -> [[String: Any]] {
        let data = Data(GitLabReporter().render(report).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    @Test func matchesGolden() {
        let both = FindingReport(
            findings: ReporterTests.report.findings + SARIFReporterTests.edges.findings, checkedPaths: [])
        Golden.expect(GitLabReporter().render(both), matches: "report.gitlab.json")
    }

    @Test func everyIssueHasWhatGitLabReads() throws {
        let duplicate = ReporterTests.report.findings[0]
        let report = FindingReport(
            findings: ReporterTests.report.findings + SARIFReporterTests.edges.findings + [duplicate], checkedPaths: [])
        let issues = try Self.issues(report)
        #expect(issues.count == 12)
        for issue in issues {
            #expect(!(issue["description"] as? String ?? "").isEmpty)
            #expect(!(issue["check_name"] as? String ?? "").isEmpty)
            #expect(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
            let location = try #require(issue["location"] as? [String: Any])
            #expect(!(location["path"] as? String ?? "").isEmpty)
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int ?? 0) >= 1)
        }
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count, "fingerprints are not unique")
        let enumIssue = try #require(issues.first { $0["check_name"] as? String == "schema-enum" })
        #expect((enumIssue["location"] as? [String: Any])?["path"] as? String == "cards/credit-risk.yaml")
        #expect(((enumIssue["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 14)
        #expect(enumIssue["severity"] as? String == "major")
    }
}
