import CardiganKit
import Foundation
import TestSupport
import Testing

/// `cardigan explain`: a rule's summary and help, the same text SARIF carries; every rule when
/// none is named; close matches for a misspelt id.
@Suite struct ExplainTests {
    private func run(_ arguments: String...) throws -> ProcessResult {
        try ProcessResult.run([PackagePaths.cardigan, "explain"] + arguments, in: "/")
    }

    @Test func explainsARuleWithItsSummaryAndHelp() throws {
        let result = try run("version-tag-missing")
        #expect(result.status == 0, "\(result.error)")
        let rule = RuleID.versionTagMissing
        #expect(
            result.output
                == "version-tag-missing: \(rule.summary)\n\n  why: \(rule.help.why)\n  fix: \(rule.help.fix)\n",
            "\(result.output)")
        #expect(
            try run("version-pending").output.hasPrefix("version-pending: \(RuleID.versionPending.summary) (a warning)")
        )
    }

    @Test func theJSONCarriesWhatSARIFCarries() throws {
        // A finding of the rule in SARIF, beside what explain says of it.
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Meduim"))
        let sarif = try repo.cardigan("validate", "--format", "sarif")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let driver = ((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let sarifRule = try #require(
            (driver?["rules"] as? [[String: Any]])?.first { $0["id"] as? String == "schema-enum" })
        let explained = try run("schema-enum", "--format", "json")
        #expect(explained.status == 0, "\(explained.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(explained.output.utf8)) as? [String: Any])
        #expect(object["command"] as? String == "explain" && object["format_version"] as? Int == 1)
        let rule = try #require((object["rules"] as? [[String: Any]])?.first)
        func text(_ key: String) -> String? { (sarifRule[key] as? [String: Any])?["text"] as? String }
        #expect(rule["rule"] as? String == "schema-enum")
        #expect(rule["summary"] as? String == text("shortDescription"))
        #expect(rule["why"] as? String == text("fullDescription"))
        #expect(rule["fix"] as? String == text("help"))
        #expect(rule["level"] as? String == "error")
    }

    @Test func aloneItListsEveryRule() throws {
        let text = try run()
        #expect(text.status == 0, "\(text.error)")
        let lines = text.output.split(separator: "\n")
        #expect(lines.count == RuleID.allCases.count)
        for (line, rule) in zip(lines, RuleID.allCases) {
            #expect(line.hasPrefix(rule.rawValue + " ") && line.hasSuffix("  " + rule.summary), "\(line)")
        }
        let json = try run("--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(
            (object["rules"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
                == RuleID.allCases.map(\.rawValue))
    }

    @Test func everyRuleHasARealWhyAndFix() throws {
        // The try-out found 27 rules whose why repeated the summary and whose fix was a
        // placeholder; explain and SARIF's rule help both print them.
        for rule in RuleID.allCases {
            let help = rule.help
            let summary = rule.summary.lowercased().trimmingCharacters(in: .punctuationCharacters)
            #expect(!help.why.isEmpty && !help.fix.isEmpty, "\(rule.rawValue)")
            #expect(
                help.why.lowercased().trimmingCharacters(in: .punctuationCharacters) != summary,
                "\(rule.rawValue): the why repeats the summary")
            #expect(help.fix != "See the message of the finding.", "\(rule.rawValue): a placeholder fix")
            #expect(help.why.hasSuffix(".") && help.fix.hasSuffix("."), "\(rule.rawValue)")
        }
        // End to end, one of them.
        let explained = try run("policy-unapproved")
        #expect(explained.output.contains("  why: The policy decides who may approve;"), "\(explained.output)")
        #expect(explained.output.contains("  fix: Before committing a policy change,"), "\(explained.output)")
    }

    @Test func anUnknownIdNamesCloseMatches() throws {
        let misspelt = try run("version-tag-mising")
        #expect(misspelt.status == 2 && misspelt.output.isEmpty, "\(misspelt.output)")
        #expect(misspelt.error.hasPrefix("error: no rule 'version-tag-mising'\n"), "\(misspelt.error)")
        #expect(misspelt.error.contains("did you mean 'version-tag-missing'"), "\(misspelt.error)")
        let part = try run("checkpoint-tg")
        #expect(part.status == 2 && part.error.contains("'checkpoint-tag'"), "\(part.error)")
        let nothing = try run("zzzzzzzz")
        #expect(nothing.status == 2 && !nothing.error.contains("did you mean"), "\(nothing.error)")
        #expect(nothing.error.contains("'cardigan explain' lists every rule"), "\(nothing.error)")
    }
}
