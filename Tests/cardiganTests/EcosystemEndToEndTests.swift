import Foundation
import TestSupport
import Testing

/// Outputs that other tools read, checked with those tools: SARIF against the OASIS schema, and
/// annotations whose paths the runner resolves against the repository root.
@Suite struct EcosystemEndToEndTests {
    @Test func annotationsNameFilesFromTheRepositoryRootInAnyFolder() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Meduim"))
        let inCards = repo.path + "/cards"
        for arguments in [["validate"], ["validate", "a.yaml"], ["validate", "."], ["validate", "../cards"]] {
            let github = try ProcessResult.run(
                [PackagePaths.cardigan] + arguments + ["--format", "github"], in: inCards)
            #expect(github.status == 1)
            #expect(
                github.output.hasPrefix("::error file=cards/a.yaml,line=7,col=16,title=schema-enum::"),
                "\(arguments): \(github.output)")
            let sarif = try ProcessResult.run([PackagePaths.cardigan] + arguments + ["--format", "sarif"], in: inCards)
            #expect(sarif.output.contains("\"uri\" : \"cards/a.yaml\""), "\(arguments): \(sarif.output)")
        }
        // The text format stays relative to where the user is, as a compiler's does.
        let text = try ProcessResult.run([PackagePaths.cardigan, "validate", "a.yaml"], in: inCards)
        #expect(text.output.hasPrefix("a.yaml:7:16: error:"))
        let fromC = try repo.cardigan("-C", "cards", "validate", "--format", "github")
        #expect(fromC.output.hasPrefix("::error file=cards/a.yaml,"), "\(fromC.output)")
    }

    @Test(.enabled(if: SARIFSchemaCheck.usable, "check-jsonschema is missing"))
    func everySARIFLogTheCommandsWriteIsValid() throws {
        let repo = try CardRepo.withTwoCards()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.write("cards/a b é.yaml", CardRepo.card("a", risk: "Meduim"))
        try repo.edit("cards/b.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.git("commit", "-qam", "plain edit")
        try repo.git("tag", "-d", "cards/a/v2")
        let logs = [
            try repo.cardigan("validate", "--format", "sarif"),
            try repo.cardigan("check", "--base", base, "--format", "sarif"),
            try repo.cardigan("verify", "--format", "sarif"),
        ]
        for log in logs {
            #expect(log.status == 1, "\(log.command): \(log.error)")
            #expect(log.output.contains("\"columnKind\" : \"unicodeCodePoints\""))
            let result = try SARIFSchemaCheck.validate(log.output)
            #expect(result.status == 0, "\(log.command): \(result.output)\(result.error)")
        }
        #expect(logs[0].output.contains("cards/a%20b%20%C3%A9.yaml"))
    }
}
