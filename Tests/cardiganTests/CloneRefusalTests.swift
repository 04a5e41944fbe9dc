import Foundation
import TestSupport
import Testing

/// `clone`'s refusals and its template path: each refusal by its message, nothing written.
@Suite struct CloneRefusalTests {
    private func linkedRepo() throws -> CardRepo {
        let repo = try CardRepo()
        try repo.cardigan("new", "churn", "--template", "full").checked()
        try repo.cardigan("commit", "churn", "-m", "churn card").checked()
        try repo.cardigan("link", "churn", "--model-package", "churn/1").checked()
        return repo
    }

    @Test func refusesAnExistingOrReusedNameAndAnUnknownSection() throws {
        let repo = try linkedRepo()
        let head = try repo.git("rev-parse", "HEAD")
        repo.expect(
            try repo.cardigan("clone", "churn", "churn", "--model-package", "churn/2", "--model-name", "churn-2"),
            status: 2,
            saying: "error: card 'churn' already exists at 'cards/churn.yaml'")
        repo.expect(
            try repo.cardigan(
                "clone", "churn", "next", "--model-package", "churn/2", "--model-name", "next", "--carry", "nonsense"),
            status: 2, saying: "error: 'nonsense' is not a section that can be carried")
        try repo.write("cards/gone.yaml", CardRepo.card("gone"))
        try repo.cardigan("commit", "-m", "gone").checked()
        try repo.git("rm", "-q", "cards/gone.yaml")
        try repo.git("commit", "-qm", "remove gone")
        let reused = try repo.git("rev-parse", "HEAD")
        repo.expect(
            try repo.cardigan("clone", "churn", "gone", "--model-package", "churn/2", "--model-name", "gone-2"),
            status: 2,
            saying: "error: card 'gone' has version tags already; card names are never reused")
        #expect(try repo.git("rev-parse", "HEAD") == reused && reused != head)
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/cards/next.yaml"))
    }

    @Test func aTemplateCloneWrittenThenCommittedRecordsItsOrigin() throws {
        let repo = try linkedRepo()
        let written = try repo.cardigan(
            "clone", "churn", "churn-v2", "--model-package", "churn/2", "--model-name", "churn-v2", "--template",
            "minimal",
            "--no-commit")
        #expect(written.status == 0, "\(written.error)")
        let text = try repo.read("cards/churn-v2.yaml")
        #expect(text.hasPrefix("# Cloned from churn v2 for model package churn/2 by cardigan clone.\nname: churn-v2\n"))
        #expect(text.contains("model_name: churn-v2"))
        #expect(text.contains("model_package_group_name: churn") && text.contains("model_package_version: 2"))
        try repo.cardigan("commit", "churn-v2", "-m", "the next model").checked()
        #expect(try repo.git("log", "-1", "--format=%(trailers:key=Cloned-From,valueonly)") == "churn/v2\n\n")
        try repo.cardigan("verify").checked()
    }
}
