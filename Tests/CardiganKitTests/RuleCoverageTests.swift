import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Every rule id the code reports is in ``RuleCatalog``, and every id in the catalog is named
/// by a test: a new rule cannot ship undescribed or untested.
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

    /// Rule ids written as literals where findings are made: `ruleID: "x"`, `report("x"`,
    /// `refuse("x"`, `finding("x"`, `rule: "x"`.
    static func reportedRuleIDs(in text: String) -> Set<String> {
        let pattern = #"(?:ruleID:|rule:|report\(|refuse\(|finding\()\s*"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)""#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            regex.matches(in: text, range: range).compactMap { match in
                Range(match.range(at: 1), in: text).map { String(text[$0]) }
            })
    }

    @Test func everyRuleTheCodeReportsIsCatalogued() {
        var reported: [String: String] = [:]
        for file in Self.swiftFiles(under: "Sources") where !file.path.hasSuffix("RuleCatalog.swift") {
            for id in Self.reportedRuleIDs(in: file.text) { reported[id] = file.path }
        }
        // The scan itself must see the rules it exists for.
        #expect(reported.keys.contains("version-tag-missing") && reported.keys.contains("yaml-anchor"))
        #expect(reported.count >= 40, "the scan found only \(reported.keys.sorted())")
        for (id, path) in reported.sorted(by: { $0.key < $1.key }) {
            #expect(RuleCatalog.summaries[id] != nil, "rule '\(id)' reported in \(path) has no summary in RuleCatalog")
        }
        for id in RuleCatalog.ruleIDs {
            #expect(reported[id] != nil, "RuleCatalog lists '\(id)', which no source reports")
            #expect(RuleCatalog.summary(of: id) != id, "'\(id)' has no one-line summary")
        }
    }

    /// Ids that are also words tests use in other roles (a command, an argument): a test names
    /// such a rule only as `[id]` or `== "id"`.
    static let ambiguous: Set<String> = ["link", "checkpoint"]

    /// Whether `text` names rule `id` the way an assertion does: `"id"`, `[id]`, `title=id` or `id@`.
    static func names(_ text: String, _ id: String) -> Bool {
        if ambiguous.contains(id) { return text.contains("[\(id)]") || text.contains("== \"\(id)\"") }
        return text.contains("\"\(id)\"") || text.contains("[\(id)]") || text.contains("title=\(id)")
            || text.contains("\"\(id)@")
    }

    @Test func everyCataloguedRuleIsNamedByATest() {
        let tests = (Self.swiftFiles(under: "Tests/CardiganKitTests") + Self.swiftFiles(under: "Tests/cardiganTests"))
            .filter { !$0.path.hasSuffix("RuleCoverageTests.swift") }
        #expect(tests.count > 10)
        let untested = RuleCatalog.ruleIDs.filter { id in !tests.contains { Self.names($0.text, id) } }
        #expect(untested.isEmpty, "rules no test names: \(untested.joined(separator: ", "))")
    }

    @Test func theNamingCheckIsStrictForAmbiguousIDs() {
        #expect(!Self.names(#"repo.cardigan("link", "a")"#, "link"))
        #expect(Self.names(#"output.contains("[link]")"#, "link"))
        #expect(Self.names(#"#expect(rule == "version-chain")"#, "version-chain"))
        #expect(!Self.names("version-chain is mentioned in prose", "version-chain"))
    }
}
