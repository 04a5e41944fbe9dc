import Foundation
import TestSupport
import Testing

/// Every command's `--format json` through the built binary, compared byte for byte with a golden
/// file in `Golden/` (`UPDATE_GOLDEN=1` rewrites them and says which changed), and the contract's
/// rules checked on each: the envelope, snake_case keys, the card's name under `card`, no key
/// left out for an absent value.
@Suite struct JSONContractTests {
    /// Fixed identities and dates, so the commits (and so the output) are the same on every run.
    static let environment = [
        "GIT_AUTHOR_NAME": "Ann Author", "GIT_AUTHOR_EMAIL": "ann@example.com",
        "GIT_AUTHOR_DATE": "@1795953600 +0000", "GIT_COMMITTER_NAME": "Ann Author",
        "GIT_COMMITTER_EMAIL": "ann@example.com", "GIT_COMMITTER_DATE": "@1795953600 +0000",
    ]

    /// `churn` v1, linked to churn/3 as v2, approved, then v3 (Draft); `fraud` v1 (High risk).
    static func history() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/churn.yaml", CardRepo.card("churn", description: "Predicts churn."))
        try repo.write("cards/fraud.yaml", CardRepo.card("fraud", description: "Flags fraud.", risk: "High"))
        try repo.cardigan("commit", "-m", "two cards", environment: environment).checked()
        try repo.cardigan("link", "churn", "--model-package", "churn/3", environment: environment).checked()
        try repo.cardigan("status", "churn", "PendingReview", environment: environment).checked()
        try repo.cardigan("status", "churn", "Approved", environment: environment).checked()
        try repo.edit("cards/churn.yaml", replacing: "Predicts churn.", with: "Predicts churn weekly.")
        try repo.edit("cards/churn.yaml", replacing: "status: Approved", with: "status: Draft")
        try repo.cardigan("commit", "-m", "churn v3", environment: environment).checked()
        return repo
    }

    /// The command lines whose JSON is kept as golden files, by file name.
    static let commands: [(golden: String, arguments: [String], status: Int32)] = [
        ("show.json", ["show", "churn", "--card-version", "2", "--format", "json"], 0),
        ("log.json", ["log", "churn", "--format", "json"], 0),
        ("list.json", ["list", "--format", "json"], 0),
        ("packages.json", ["packages", "--format", "json"], 0),
        ("diff.json", ["diff", "churn", "2", "3", "--format", "json"], 0),
        ("verify.json", ["verify", "--format", "json"], 0),
        ("check.json", ["check", "--base", "cards/fraud/v1", "--format", "json"], 0),
        ("validate.json", ["validate", "--format", "json"], 1),
        ("explain.json", ["explain", "version-tag-missing", "--format", "json"], 0),
    ]

    @Test func everyCommandsJSONMatchesItsGoldenFile() throws {
        let repo = try Self.history()
        // An uncommitted mistake for validate to find; the other commands read the branch.
        try repo.edit("cards/fraud.yaml", replacing: "risk_rating: High", with: "risk_rating: Hihg")
        for (golden, arguments, status) in Self.commands {
            let result = try repo.repo.run([PackagePaths.cardigan] + arguments, environment: Self.environment)
            #expect(result.status == status, "\(arguments): \(result.output)\(result.error)")
            Self.expect(result.output, matches: golden)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(arguments)")
            #expect(object["command"] as? String == arguments[0], "\(golden)")
            #expect(object["format_version"] as? Int == 1, "\(golden)")
            #expect(Self.keyProblems(object, at: golden).isEmpty, "\(Self.keyProblems(object, at: golden))")
        }
        // A finding about a commit: a version tag deleted behind cardigan's back; and one about
        // the repository, placed at the reference file it concerns: a tag that is no version's.
        try repo.git("tag", "-d", "cards/fraud/v1")
        try repo.git("tag", "cards/stray")
        let verify = try repo.repo.run(
            [PackagePaths.cardigan, "verify", "--format", "json"], environment: Self.environment)
        #expect(verify.status == 1, "\(verify.output)\(verify.error)")
        Self.expect(verify.output, matches: "verify.findings.json")
    }

    @Test func absentValuesAreNullAndEmptyListsArePresent() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        let list = try Self.object(repo, "list", "--format", "json")
        let card = try #require((list["cards"] as? [[String: Any]])?.first)
        #expect(card["card"] as? String == "a" && card["name"] == nil)
        #expect(card.keys.contains("model_package") && card["model_package"] is NSNull, "\(card)")
        let show = try Self.object(repo, "show", "a", "--format", "json")
        #expect(show["superseded_by"] is NSNull && show["model_package"] is NSNull, "\(show)")
        #expect((show["approvals"] as? [Any])?.isEmpty == true, "\(show)")
        #expect((show["content"] as? [String: Any])?["name"] as? String == "a", "\(show)")
        let packages = try Self.object(repo, "packages", "--format", "json")
        #expect((packages["packages"] as? [Any])?.isEmpty == true, "\(packages)")
        let verify = try Self.object(repo, "verify", "--format", "json")
        #expect((verify["findings"] as? [Any])?.isEmpty == true, "\(verify)")
        // The twin: a finding without a hint or a commit still has both keys.
        try repo.write("cards/b.yaml", "name: b\n")
        let validate = try Self.object(repo, "validate", "--format", "json")
        let finding = try #require((validate["findings"] as? [[String: Any]])?.first)
        #expect(finding.keys.contains("commit") && finding["commit"] is NSNull, "\(finding)")
    }

    /// Keys that are not snake_case (lowercase words joined by `_`), or an envelope key reused
    /// below the top; a card's content (under `content`, `old_value`, `new_value`) is the card's own.
    static func keyProblems(_ value: Any, at path: String, top: Bool = true) -> [String] {
        if let array = value as? [Any] {
            return array.enumerated().flatMap { keyProblems($1, at: "\(path)[\($0)]", top: false) }
        }
        guard let object = value as? [String: Any] else { return [] }
        var problems: [String] = []
        for (key, child) in object {
            if key.range(of: "^[a-z][a-z0-9]*(_[a-z0-9]+)*$", options: .regularExpression) == nil {
                problems.append("\(path).\(key) is not snake_case")
            }
            if !top, key == "format_version" || key == "command" {
                problems.append("\(path).\(key) repeats the envelope")
            }
            if ["content", "old_value", "new_value"].contains(key) { continue }
            problems += keyProblems(child, at: "\(path).\(key)", top: false)
        }
        return problems
    }

    static func object(_ repo: CardRepo, _ arguments: String...) throws -> [String: Any] {
        let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
        return try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
            "\(arguments): \(result.output)\(result.error)")
    }

    /// The golden files of this suite, beside it.
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden"
    ).path

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = goldenFolder + "/" + name
        if GoldenFile.updating {
            do {
                try GoldenFile.update(path, with: actual)
            } catch {
                Issue.record("cannot write golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(name); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == String(decoding: data, as: UTF8.self), "output differs from golden file \(name)",
            sourceLocation: sourceLocation)
    }
}
