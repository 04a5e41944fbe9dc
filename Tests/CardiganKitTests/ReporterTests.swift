import Foundation
import Testing

@testable import CardiganKit

/// Every reporter against its golden file, all fed from one canned list of findings.
@Suite struct ReporterTests {
    static let report = FindingReport(
        findings: [
            Finding(
                ruleID: .schemaEnum, message: "'Meduim' is not one of 'High', 'Medium', 'Low', 'Unknown'",
                location: Location(
                    path: "cards/credit-risk.yaml", position: SourcePosition(line: 14, column: 16),
                    pointer: "/intended_uses/risk_rating"),
                hint: "did you mean 'Medium'?"),
            Finding(
                ruleID: .yamlDuplicateKey, message: "duplicate key 'model_name' (first written at 3:3)",
                location: Location(path: "cards/customer-churn.yaml", position: SourcePosition(line: 5, column: 3)),
                hint: "keep one of them; YAML would silently drop the other"),
            Finding(
                ruleID: .schemaType, message: "expected a string, got number 1.10",
                location: Location(
                    path: "cards/credit-risk.yaml", position: SourcePosition(line: 9, column: 18),
                    pointer: "/model_overview/model_version"),
                hint: "quote it: '1.10'"),
            Finding(
                ruleID: .cardName, severity: .warning, message: "a warning, with a comma: and a colon",
                location: Location(path: "cards/x, y.yaml", position: SourcePosition(line: 1, column: 1))),
        ],
        checkedPaths: ["cards/credit-risk.yaml", "cards/customer-churn.yaml", "cards/x, y.yaml", "cards/z.yaml"])

    @Test func textMatchesGolden() {
        Golden.expect(TextReporter().render(Self.report), matches: "report.txt")
    }

    @Test func textIsColouredOnlyWhenAsked() {
        #expect(!TextReporter(useColor: false).render(Self.report).contains("\u{1B}["))
        #expect(TextReporter(useColor: true).render(Self.report).contains("\u{1B}[1;31merror:"))
    }

    @Test func jsonMatchesGolden() throws {
        Golden.expect(try JSONReporter(command: "validate").render(Self.report), matches: "report.json")
    }

    @Test func githubMatchesGolden() {
        Golden.expect(GitHubReporter().render(Self.report), matches: "report.github.txt")
    }

    @Test func sarifMatchesGolden() {
        Golden.expect(SARIFReporter().render(Self.report), matches: "report.sarif")
    }

    @Test func markdownMatchesGolden() {
        Golden.expect(MarkdownReporter(title: "cardigan check").render(Self.report), matches: "report.md")
    }

    @Test func markdownNeutralisesHTMLAndPipesFromCards() {
        let hostile = FindingReport(
            findings: [Finding(ruleID: .schemaEnum, message: "'<script>alert(1)</script>|x' is not one of 'A'")],
            checkedPaths: ["a"])
        let text = MarkdownReporter().render(hostile)
        #expect(!text.contains("<script>"))
        #expect(text.contains("&lt;script&gt;") && text.contains("\\|x"))
    }

    @Test func sarifHasTheShapeOfVersion210() throws {
        let data = Data(SARIFReporter().render(Self.report).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 4)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first)
            let physical = try #require(location["physicalLocation"] as? [String: Any])
            #expect((physical["region"] as? [String: Any])?["startLine"] as? Int != nil)
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String != nil)
        }
    }

    /// A rewritten branch (`check`) and a refused push name the reference they are about in
    /// every format, as a compiler names a file: never a finding with no place at all.
    @Test(arguments: [("check-rewrite", ".git/refs/heads/feature"), ("push-refused", "refs/tags/cards/x/v1")])
    func repositoryRefusalsNameTheirReferenceInEveryFormat(rule: String, path: String) throws {
        let report = FindingReport(
            findings: SARIFReporterTests.edges.findings.filter { $0.ruleID.rawValue == rule }, checkedPaths: [])
        #expect(report.findings.count == 1)
        let text = TextReporter().render(report)
        #expect(text.hasPrefix("\(path): error: "), "\(text)")
        #expect(GitHubReporter().render(report).hasPrefix("::error file=\(path),title=\(rule)::"))
        let json = try JSONReporter(command: "check").render(report)
        #expect(json.contains(#""path" : "\#(path)""#), "\(json)")
        let sarif = SARIFReporter().render(report)
        #expect(sarif.contains(#""uri" : "\#(path)""#), "\(sarif)")
    }

    @Test func summaryCountsErrorsAndCards() {
        #expect(Self.report.summary == "3 errors, 1 warning in 3 of 4 cards")
        #expect(FindingReport(findings: [], checkedPaths: ["a", "b"]).summary == "no errors in 2 cards")
    }
}
