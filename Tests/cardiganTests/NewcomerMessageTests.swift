import Foundation
import TestSupport
import Testing

/// What new users tripped over in the sixteenth round of try-outs: a card without `status`
/// (refused alike by `validate`, `commit` and the pre-commit hook, at the card's line, with what
/// to write) and hand-written JSON given to `import` (located, with what JSON wants).
@Suite struct NewcomerMessageTests {
    /// The finding every command prints for card `a` written without `status`.
    private let noStatus =
        "cards/a.yaml:1:1: error: the card has no 'status' [schema-required]\n    hint: add 'status: Draft' below 'name:' (a new card starts as Draft; 'commit' records the status the file says)"

    @Test func aCardWithoutStatusIsRefusedAlikeByValidateCommitAndThePreCommitHook() throws {
        let repo = try CardRepo()
        try repo.cardigan("hook", "install").checked()
        try repo.write("cards/a.yaml", CardRepo.card("a").replacingOccurrences(of: "status: Draft\n", with: ""))
        let validate = try repo.cardigan("validate")
        repo.expect(validate, status: 1, saying: noStatus)
        let commit = try repo.cardigan("commit", "-m", "a")
        repo.expect(commit, status: 1, saying: noStatus)
        try repo.git("add", "cards/a.yaml")
        let hooked = try repo.repo.run(["git", "commit", "-qm", "a"])
        #expect(hooked.status != 0 && hooked.error.contains(noStatus), "\(hooked.output)\(hooked.error)")
        // git is the oracle: neither commit nor the hook let anything in.
        #expect(try repo.repo.run(["git", "rev-parse", "-q", "--verify", "HEAD"]).status != 0)
        #expect(try repo.git("tag", "--list") == "")
        // The twin: the line the hint names makes the card, and version 1 is born Draft.
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("validate").checked()
        try repo.cardigan("commit", "-m", "a").checked()
        #expect(try repo.git("log", "-1", "--format=%B").contains("Card-Status: Draft\n"))
    }

    @Test func aMisspeltStatusKeepsTheSchemasSuggestion() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a").replacingOccurrences(of: "status:", with: "stauts:"))
        let validate = try repo.cardigan("validate")
        repo.expect(validate, status: 1, saying: "error: the card has no 'status' [schema-required]")
        #expect(validate.output.contains("hint: is 'stauts' a misspelling of 'status'?"), "\(validate.output)")
    }

    /// `import` of `json`: the finding's first line and hint, and nothing written.
    private func imported(_ json: String) throws -> (line: String, hint: String) {
        let repo = try CardRepo()
        try repo.write("content.json", json)
        let result = try repo.cardigan("import", "--from", "sagemaker", "content.json", "--name", "x")
        #expect(result.status == 1, "\(result.output)\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/cards/x.yaml"), "a card was written")
        let lines = result.output.split(separator: "\n").map(String.init)
        let hint = lines.first { $0.hasPrefix("    hint: ") } ?? ""
        return (lines.first ?? "", hint)
    }

    @Test func importLocatesJSONQuotingMistakesAndSaysWhatJSONWants() throws {
        let single = try imported("{\n  'model_overview': {}\n}\n")
        #expect(
            single.line
                == "content.json:2:3: error: not valid JSON: unexpected character ''', expected a key in double quotes [import-content]",
            "\(single)")
        #expect(single.hint.contains(#"double quotes: "model_description": "…", never '…'"#), "\(single)")
        let bare = try imported("{\n  model_overview: {}\n}\n")
        #expect(bare.line.hasPrefix("content.json:2:3: error: not valid JSON: "), "\(bare)")
        #expect(bare.hint.contains("its only bare words are true, false and null"), "\(bare)")
        let trailing = try imported("{\n  \"model_overview\": {\"model_description\": \"x\"},\n}\n")
        #expect(
            trailing.line.hasPrefix("content.json:3:1: error: not valid JSON: trailing comma before '}'"), "\(trailing)"
        )
        #expect(trailing.hint.contains("no comma after the last member"), "\(trailing)")
        let comment = try imported("{\n  // the overview\n  \"model_overview\": {}\n}\n")
        #expect(comment.line.hasPrefix("content.json:2:3: error: not valid JSON: "), "\(comment)")
        #expect(comment.hint.contains("JSON has no comments"), "\(comment)")
        // Any other mistake still says what the input should be, never only 'cardigan explain'.
        let truncated = try imported("{\n  \"model_overview\": {\n")
        #expect(truncated.hint.contains("SageMaker model card content as JSON"), "\(truncated)")
    }
}
