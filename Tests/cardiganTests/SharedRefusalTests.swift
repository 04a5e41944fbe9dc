import Foundation
import TestSupport
import Testing

/// Refusals that several commands share, each coded once: they must read the same from every
/// command, and leave the repository as it was.
@Suite struct SharedRefusalTests {
    @Test func newCloneAndImportRefuseAnExistingCardInTheSameWords() throws {
        let repo = try CardRepo()
        try repo.cardigan("new", "churn", "--template", "full").checked()
        try repo.cardigan("commit", "churn", "-m", "churn card").checked()
        try repo.cardigan("link", "churn", "--model-package", "churn/1").checked()
        try repo.write("content.json", #"{"model_overview": {"model_name": "imported"}}"#)
        let head = try repo.git("rev-parse", "HEAD")
        let card = try repo.read("cards/churn.yaml")
        let expected = """
            error: card 'churn' already exists at 'cards/churn.yaml'
              hint: choose another name; to change that card, edit it, or start from it with 'cardigan clone'

            """
        for arguments in [
            ["new", "churn"], ["clone", "churn", "churn", "--model-package", "churn/2", "--model-name", "churn-2"],
            ["import", "--from", "sagemaker", "content.json", "--name", "churn"],
        ] {
            let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
            #expect(result.status == 2, "\(result.command)")
            #expect(result.error == expected, "\(result.command): \(result.error)")
        }
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.read("cards/churn.yaml") == card)
        #expect(try repo.git("status", "--porcelain", "--untracked-files=all") == "?? content.json\n")
    }

    @Test func checkAndDiffRefuseAnUnknownRevisionInTheSameWords() throws {
        let repo = try CardRepo.withTwoCards()
        let expected = """
            error: unknown revision 'no-such-branch'
              hint: name a commit, branch or tag; CI checkouts need the full history and tags (fetch-depth: 0)

            """
        for arguments in [
            ["check", "--base", "no-such-branch"], ["check", "--base", "HEAD", "--head", "no-such-branch"],
            ["diff", "--base", "no-such-branch"], ["diff", "--base", "HEAD", "--head", "no-such-branch"],
        ] {
            let result = try repo.repo.run([PackagePaths.cardigan] + arguments)
            #expect(result.status == 2, "\(result.command)")
            #expect(result.error == expected, "\(result.command): \(result.error)")
        }
        // A full commit id is resolved and shown short, in the 12 digits of every message.
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let diff = try repo.cardigan("diff", "--base", head + "~1", "--head", head, "--format", "json").checked()
        #expect(diff.output.contains("\"\(head.prefix(12))\""), "\(diff.output)")
    }

    @Test func aBadRegistryURLIsLocatedAtItsKeyInTheConfiguration() throws {
        let repo = try CardRepo()
        for (settings, expected) in [
            (
                "kind: mlflow\n  uri",
                ".cardigan.yaml:3:8: error: 'registry.uri' is not an http(s) URL: 'localhost:5000'"
            ),
            (
                "kind: sagemaker\n  endpoint",
                ".cardigan.yaml:3:13: error: 'registry.endpoint' is not an http(s) URL: 'localhost:5000'"
            ),
        ] {
            try repo.write(".cardigan.yaml", "registry:\n  \(settings): localhost:5000\n")
            repo.expect(try repo.cardigan("registry", "status"), status: 2, saying: expected)
        }
    }
}
