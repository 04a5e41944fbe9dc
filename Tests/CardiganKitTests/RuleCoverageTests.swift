import Foundation
import TestSupport
import Testing

@testable import CardiganKit

extension RuleID {
    /// The case's name as Swift code writes it: the id in lower camel case
    /// (`link-tag-missing` → `linkTagMissing`).
    var caseName: String {
        let words = rawValue.split(separator: "-")
        return String(words.first ?? "") + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Whether `text` writes this case as an implicit member, `.caseName` (not `Type.caseName`).
    func isWritten(in text: String) -> Bool {
        let pattern = #"(?<![A-Za-z0-9_])\."# + caseName + #"(?![A-Za-z0-9_])"#
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The rules that `files` of `Sources/CardiganKit/History` write as `.caseName`.
    static func named(in files: [String]) -> Set<RuleID> {
        let texts = files.map { name in
            let path = PackagePaths.root + "/Sources/CardiganKit/History/" + name
            return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        }
        return Set(allCases.filter { rule in texts.contains { rule.isWritten(in: $0) } })
    }
}

/// Every rule has a summary and help (the compiler sees to that: they are exhaustive switches
/// over ``RuleID``), is reported by some source, and is named by a test; no source writes a rule
/// id as a string or names a rule by a number of a design document.
@Suite struct RuleCoverageTests {
    /// The text of every `.swift` file under `folder` of the package, by path.
    static func swiftFiles(under folder: String) -> [(path: String, text: String)] {
        let root = PackagePaths.root + "/" + folder
        let paths = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return paths.filter { $0.hasSuffix(".swift") }.sorted().compactMap { path in
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
            return (folder + "/" + path, String(decoding: data, as: UTF8.self))
        }
    }

    /// The files that define the rules rather than report them.
    static func isRegistry(_ path: String) -> Bool { path.hasSuffix("/RuleID.swift") || path.contains("/RuleID+") }

    /// Ids that are also words the code and tests use in other roles (a command, an argument).
    static let ambiguous: Set<RuleID> = [.link, .checkpoint]

    /// Rule ids written as string literals where findings are made or compared: `ruleID: "x"`,
    /// `ruleID == "x"`, `report("x"`, `rule: "x"`, `"schema-…"`.
    static func ruleIDStrings(in text: String) -> [String] {
        let pattern =
            #"(?:ruleID\s*(?::|==|!=)|rule:|report\(|refuse\(|finding\()\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"|"(schema-[^"]*)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return ["(bad pattern)"] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            let group = match.range(at: 1).location != NSNotFound ? 1 : 2
            return Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    @Test func noSourceWritesARuleIDAsAString() {
        let sources = Self.swiftFiles(under: "Sources").filter { !Self.isRegistry($0.path) }
        #expect(sources.count > 100)
        for file in sources {
            #expect(Self.ruleIDStrings(in: file.text).isEmpty, "\(file.path) writes a rule id as a string")
            for rule in RuleID.allCases where !Self.ambiguous.contains(rule) {
                #expect(!file.text.contains("\"\(rule.rawValue)\""), "\(file.path) writes \"\(rule.rawValue)\"")
            }
        }
    }

    @Test func theStringScanSeesTheShapesItIsFor() {
        #expect(Self.ruleIDStrings(in: #"Finding(ruleID: "link", message: m)"#) == ["link"])
        #expect(Self.ruleIDStrings(in: #"$0.ruleID != "check-rewrite""#) == ["check-rewrite"])
        #expect(Self.ruleIDStrings(in: #"report("version-sequence", "…""#) == ["version-sequence"])
        #expect(Self.ruleIDStrings(in: #"ruleID: "schema-\(keyword)""#) == [#"schema-\(keyword)"#])
        #expect(Self.ruleIDStrings(in: #"Finding(ruleID: .link, message: "link")"#).isEmpty)
    }

    /// `rule 7`, `rules 1–5`, `Rule 9's`: a number of DESIGN.md, which is not in the repository.
    static let ruleNumber = #"(?i)\brules? [0-9]"#

    @Test func noSourceOrReadmeNamesARuleByNumber() throws {
        let readme = try String(contentsOfFile: PackagePaths.root + "/README.md", encoding: .utf8)
        for file in Self.swiftFiles(under: "Sources") + [("README.md", readme)] {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated()
            where line.range(of: Self.ruleNumber, options: .regularExpression) != nil {
                Issue.record("\(file.path):\(index + 1): names a rule by number: \(line)")
            }
        }
        #expect("the push breaks rule 7".range(of: Self.ruleNumber, options: .regularExpression) != nil)
        #expect("Rules 1–5 and 7".range(of: Self.ruleNumber, options: .regularExpression) != nil)
        #expect("a rule id".range(of: Self.ruleNumber, options: .regularExpression) == nil)
    }

    @Test func everyRuleIsReportedBySomeSource() {
        let sources = Self.swiftFiles(under: "Sources").filter { !Self.isRegistry($0.path) }
        for rule in RuleID.allCases where rule.schemaKeyword == nil {
            #expect(sources.contains { rule.isWritten(in: $0.text) }, "no source reports '\(rule.rawValue)'")
        }
        // Schema rules are reported through the keyword that failed.
        #expect(sources.contains { $0.text.contains("ruleID: RuleID(violation.keyword)") })
    }

    /// The level `explain` and SARIF's rule list give is the one the rule is reported with: a
    /// try-out found `checkpoint` and two registry warnings listed as errors.
    @Test func aRuleReportedAsAWarningIsListedAsOne() {
        let sources = Self.swiftFiles(under: "Sources").map(\.text).joined(separator: "\n")
        for rule in RuleID.allCases where rule.schemaKeyword == nil {
            let reportedAsWarning = sources.contains("ruleID: .\(rule.caseName), severity: .warning")
            #expect(rule.isWarning == reportedAsWarning, "'\(rule.rawValue)': isWarning is \(rule.isWarning)")
        }
    }

    @Test func everyRuleHasASummaryAndHelp() {
        for rule in RuleID.allCases {
            #expect(!rule.summary.isEmpty && !rule.summary.hasSuffix("."), "'\(rule.rawValue)'")
            #expect(!rule.help.why.isEmpty && !rule.help.fix.isEmpty, "'\(rule.rawValue)'")
        }
        #expect(RuleID.schemaType.summary == "The card breaks the schema's 'type' keyword")
        #expect(RuleID(.false).rawValue == "schema-false")
        #expect(
            SchemaKeyword.allCases.allSatisfy {
                RuleID($0).schemaKeyword == $0 && RuleID($0).rawValue == "schema-\($0.rawValue)"
            })
        #expect(RuleID.allCases.count { $0.schemaKeyword != nil } == SchemaKeyword.allCases.count)
    }

    /// Whether `text` names `rule` the way an assertion does: `.caseName`, `"id"`, `[id]`,
    /// `title=id` or `"id@`; an ambiguous id only as `[id]`, `== "id"`, `== .case` or
    /// `ruleID: .case`.
    static func names(_ text: String, _ rule: RuleID) -> Bool {
        let id = rule.rawValue
        if ambiguous.contains(rule) {
            return text.contains("[\(id)]") || text.contains("== \"\(id)\"") || text.contains("== .\(rule.caseName)")
                || text.contains("ruleID: .\(rule.caseName)") || text.contains("PlacedFinding(.\(rule.caseName),")
        }
        return rule.isWritten(in: text) || text.contains("\"\(id)\"") || text.contains("[\(id)]")
            || text.contains("title=\(id)") || text.contains("\"\(id)@")
    }

    @Test func everyRuleIsNamedByATest() {
        let tests = (Self.swiftFiles(under: "Tests/CardiganKitTests") + Self.swiftFiles(under: "Tests/cardiganTests"))
            .filter { !$0.path.hasSuffix("RuleCoverageTests.swift") }
        #expect(tests.count > 10)
        let untested = RuleID.allCases.filter { rule in
            // A schema rule is named by its keyword's fixture in SchemaRuleTests.
            rule.schemaKeyword == nil && !tests.contains { Self.names($0.text, rule) }
        }
        #expect(untested.isEmpty, "rules no test names: \(untested.map(\.rawValue).joined(separator: ", "))")
        #expect(
            Set(SchemaRuleTests.fixtures.map(\.keyword)).union(SchemaRuleTests.unreachable)
                == Set(SchemaKeyword.allCases))
    }

    @Test func theNamingCheckIsStrictForAmbiguousIDs() {
        #expect(!Self.names(#"repo.cardigan("link", "a")"#, .link))
        #expect(!Self.names(#"PackageDetailsRule.link"#, .link))
        #expect(Self.names(#"output.contains("[link]")"#, .link))
        #expect(Self.names(#"#expect(finding.ruleID == .link)"#, .link))
        #expect(Self.names(#"#expect(rule == "version-chain")"#, .versionChain))
        #expect(Self.names(#"#expect(rule == .versionChain)"#, .versionChain))
        #expect(!Self.names("version-chain is mentioned in prose", .versionChain))
        #expect(!Self.names("x.versionChainLength", .versionChain))
    }
}
