import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// SARIF as the OASIS 2.1.0 schema and GitHub code scanning expect it: every log validated by
/// check-jsonschema against `../shared/conformance/sarif-2.1.0/` with format checks on.
@Suite struct SARIFReporterTests {
    /// Findings at the edges: paths with a space, a non-ASCII letter, '%' and '#', a finding
    /// with a known end, a finding about a whole file (no line), findings about a reference
    /// (placed at its line of `packed-refs` or its file, as `verify` and `check` place them, or at
    /// the pushed reference's name, as the push hooks do) and one about the repository as a whole.
    static let edges = FindingReport(
        findings: [
            Finding(
                ruleID: .schemaEnum, message: "'Meduim' is not one of 'High', 'Medium', 'Low', 'Unknown'",
                location: Location(
                    path: "cards/crédit risk.yaml", position: SourcePosition(line: 14, column: 16),
                    pointer: "/intended_uses/risk_rating", end: SourcePosition(line: 14, column: 22)),
                hint: "did you mean 'Medium'?"),
            Finding(
                ruleID: .yamlSyntax, message: "a 100% odd #name",
                location: Location(path: "cards/100% #1.yaml", position: SourcePosition(line: 2, column: 5))),
            Finding(
                ruleID: .cardFileName, message: "file name: 'a b' is not a valid card name",
                location: Location(path: "cards/a b.yaml")),
            Finding(
                ruleID: .versionTagName, message: "tag 'cards/foo' is not a version tag name",
                location: Location(path: ".git/packed-refs", position: SourcePosition(line: 5, column: 42))),
            Finding(
                ruleID: .checkRewrite, message: "'main' is not an ancestor of 'HEAD'",
                location: Location(path: ".git/refs/heads/feature"), hint: "rebuild the branch on top of the base"),
            Finding(
                ruleID: .pushRefused, message: "deleting tag 'cards/x/v1' is refused",
                location: Location(path: "refs/tags/cards/x/v1")),
            Finding(
                ruleID: .versionPending, severity: .warning, message: "version 2 of 'x' is not merged yet",
                commit: "0123456789abcdef0123456789abcdef01234567"),
        ],
        checkedPaths: [])

    @Test func edgeCasesMatchGolden() {
        Golden.expect(SARIFReporter().render(Self.edges), matches: "report.edges.sarif")
    }

    @Test(.enabled(if: SARIFSchemaCheck.usable, "check-jsonschema is missing"))
    func everyReporterLogIsValidSARIF() throws {
        for report in [ReporterTests.report, Self.edges, FindingReport(findings: [], checkedPaths: [])] {
            let result = try SARIFSchemaCheck.validate(SARIFReporter().render(report))
            #expect(result.status == 0, "\(result.output)\(result.error)")
        }
    }

    @Test(.enabled(if: SARIFSchemaCheck.usable, "check-jsonschema is missing"))
    func theSchemaCheckRefusesAnUnencodedPath() throws {
        // The honest twin: the check really looks at formats, so a raw space in a URI fails.
        let raw = SARIFReporter().render(Self.edges).replacingOccurrences(of: "cr%C3%A9dit%20risk", with: "crédit risk")
        #expect(raw.contains("crédit risk"))
        let result = try SARIFSchemaCheck.validate(raw)
        #expect(result.status != 0, "an unencoded path passed the schema check")
    }

    @Test func pathsAreURIEncoded() {
        #expect(SARIFReporter.uriReference("cards/crédit risk.yaml") == "cards/cr%C3%A9dit%20risk.yaml")
        #expect(SARIFReporter.uriReference("cards/100% #1.yaml") == "cards/100%25%20%231.yaml")
        #expect(SARIFReporter.uriReference("a:b.yaml") == "./a%3Ab.yaml")
        #expect(SARIFReporter.uriReference("/tmp/x y.yaml") == "file:///tmp/x%20y.yaml")
    }

    @Test func theRunSaysColumnsCountCodePoints() throws {
        let run = try Self.firstRun(of: Self.edges)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func regionsHaveEndsAndRepositoryFindingsHaveNoRegion() throws {
        let results = try #require(try Self.firstRun(of: Self.edges)["results"] as? [[String: Any]])
        let regions = results.map { Self.physical($0)?["region"] as? [String: Any] }
        let known = try #require(regions.compactMap { $0 }.first { $0["startColumn"] as? Int == 16 })
        #expect(known["endLine"] as? Int == 14 && known["endColumn"] as? Int == 22)
        let unknown = try #require(regions.compactMap { $0 }.first { $0["startColumn"] as? Int == 5 })
        #expect(unknown["endLine"] as? Int == 2 && unknown["endColumn"] == nil)
        let repositoryWide = results.filter { ($0["ruleId"] as? String) == "version-pending" }
        #expect(repositoryWide.count == 1)
        for result in repositoryWide {
            #expect(Self.physical(result)?["region"] == nil)
            #expect(
                (Self.physical(result)?["artifactLocation"] as? [String: Any])?["uriBaseId"] as? String == "%SRCROOT%")
        }
    }

    @Test func aWholeFileFindingNamesTheFileWithNoLine() throws {
        let results = try #require(try Self.firstRun(of: Self.edges)["results"] as? [[String: Any]])
        let wholeFile = try #require(results.first { ($0["ruleId"] as? String) == "card-file-name" })
        let physical = try #require(Self.physical(wholeFile))
        #expect(physical["region"] == nil, "\(physical)")
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "cards/a%20b.yaml")
        // The twin: a finding with a line keeps its region.
        let placed = try #require(results.first { ($0["ruleId"] as? String) == "yaml-syntax" })
        #expect(Self.physical(placed)?["region"] != nil)
        // Text, GitHub annotations, Markdown and JSON say the same: the file, no made-up 1:1.
        let whole = FindingReport(
            findings: Self.edges.findings.filter { $0.ruleID == .cardFileName }, checkedPaths: ["cards/a b.yaml"])
        #expect(
            TextReporter().render(whole).hasPrefix(
                "cards/a b.yaml: error: file name: 'a b' is not a valid card name [card-file-name]\n"))
        #expect(GitHubReporter().render(whole).hasPrefix("::error file=cards/a b.yaml,title=card-file-name::"))
        #expect(MarkdownReporter().render(whole).contains("| `cards/a b.yaml` |"))
        let json = try JSONReporter(command: "validate").render(whole)
        #expect(json.contains(#""line" : null"#) && json.contains(#""column" : null"#), "\(json)")
        #expect(
            CardiganError("bad", location: Location(path: ".cardigan.yaml")).description == ".cardigan.yaml: error: bad"
        )
    }

    @Test func fingerprintsIgnoreTheLineButNotTheField() {
        let finding = ReporterTests.report.findings[0]
        var moved = finding
        moved.location?.position?.line += 10
        var other = finding
        other.location?.pointer = "/model_overview/model_name"
        #expect(SARIFReporter.fingerprint(of: finding) == SARIFReporter.fingerprint(of: moved))
        #expect(SARIFReporter.fingerprint(of: finding) != SARIFReporter.fingerprint(of: other))
    }

    @Test func rulesHaveFullDescriptionsAndHelp() throws {
        let tool = try #require(try Self.firstRun(of: Self.edges)["tool"] as? [String: Any])
        let rules = try #require((tool["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == 7)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            for key in ["shortDescription", "fullDescription", "help"] {
                let text = (rule[key] as? [String: Any])?["text"] as? String ?? ""
                #expect(!text.isEmpty && text != id, "\(id) has no \(key)")
            }
        }
    }

    static func firstRun(of report: FindingReport) throws -> [String: Any] {
        let data = Data(SARIFReporter().render(report).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require((log["runs"] as? [[String: Any]])?.first)
    }

    static func physical(_ result: [String: Any]) -> [String: Any]? {
        (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    }
}

extension SARIFReporterTests {
    @Test(.enabled(if: SARIFSchemaCheck.usable, "check-jsonschema is missing"))
    func everyGoldenSARIFFileIsValid() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path)
            .filter { $0.hasSuffix(".sarif") }
        #expect(names.count >= 3)
        for name in names {
            let text = try String(contentsOf: Golden.directory.appendingPathComponent(name), encoding: .utf8)
            let result = try SARIFSchemaCheck.validate(text)
            #expect(result.status == 0, "\(name): \(result.output)\(result.error)")
        }
    }
}
