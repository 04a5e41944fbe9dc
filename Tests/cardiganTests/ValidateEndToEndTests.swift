import Foundation
import TestSupport
import Testing

/// `cardigan validate` as a user runs it: exit codes, formats, and bad input that must never
/// crash it.
@Suite struct ValidateEndToEndTests {
    @Test func theBundledCardsAreValid() throws {
        let result = try ProcessResult.run([PackagePaths.cardigan, "validate"], in: PackagePaths.root)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("no errors in "))
    }

    @Test func smallThingsSayWhatTheyMean() throws {
        let repo = try CardRepo()
        // `log` of a card before any commit: an unknown card, as after commits.
        let log = try repo.cardigan("log", "nope")
        #expect(log.status == 2 && log.error.contains("no card 'nope'"), "\(log.error)")
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        // A file named twice is one card.
        let twice = try repo.cardigan("validate", "cards/a.yaml", "cards/a.yaml", "cards")
        #expect(twice.output == "no errors in 1 card\n", "\(twice.output)")
        // `commit` of a card that does not exist is an error, not "nothing to commit".
        let missing = try repo.cardigan("commit", "nope", "-m", "x")
        #expect(missing.status == 2 && missing.error.contains("no card 'nope'"), "\(missing.error)")
        // An unknown template lists the card templates, by the names `new` takes.
        let template = try repo.cardigan("new", "b", "--template", "nope")
        #expect(
            template.status == 2 && template.error.contains("built-in templates: full, minimal"), "\(template.error)")
        // A package version too large for any registry says so.
        let large = try repo.cardigan("link", "a", "--model-package", "a/99999999999999999999")
        #expect(large.status == 2 && large.error.contains("is too large"), "\(large.error)")
    }

    @Test func badInputGetsALocatedErrorAndExitOne() throws {
        let repo = try CardRepo()
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let cases: [(file: String, contents: Data, rule: String)] = [
            ("empty", Data(), "yaml-empty"),
            ("list", Data("- a\n- b\n".utf8), "schema-type"),
            ("binary", Data((0..<2048).map { UInt8(($0 * 7919) % 256) }), "yaml-encoding"),
            ("huge", Data(repeating: UInt8(ascii: "a"), count: 5 * 1024 * 1024), "yaml-size"),
            (
                "deep", Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8),
                "yaml-depth"
            ),
            ("bomb", Data(bomb.utf8), "yaml-anchor"),
        ]
        for item in cases {
            try FileManager.default.createDirectory(atPath: repo.path + "/cards", withIntermediateDirectories: true)
            try item.contents.write(to: URL(fileURLWithPath: repo.path + "/cards/\(item.file).yaml"))
            let result = try repo.cardigan("validate", "cards/\(item.file).yaml")
            #expect(result.status == 1, "\(item.file): \(result.status) \(result.error)")
            #expect(result.output.contains("cards/\(item.file).yaml:"), "\(item.file): \(result.output)")
            #expect(result.output.contains("[\(item.rule)]"), "\(item.file): \(result.output)")
        }
        let all = try repo.cardigan("validate")
        #expect(all.status == 1)
        #expect(all.output.contains("in 6 of 6 cards"))
    }

    @Test func formatsAndExitCodes() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Meduim"))
        try repo.write("cards/b.yaml", CardRepo.card("b"))
        let text = try repo.cardigan("validate")
        #expect(text.status == 1)
        #expect(
            text.output == """
                cards/a.yaml:7:16: error: 'Meduim' is not one of 'High', 'Medium', 'Low', 'Unknown' [schema-enum]
                    hint: did you mean 'Medium'?
                1 error in 1 of 2 cards

                """)
        let json = try repo.cardigan("validate", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 1)
        let github = try repo.cardigan("validate", "--format", "github")
        #expect(github.output.hasPrefix("::error file=cards/a.yaml,line=7,col=16,title=schema-enum::"))
        let sarif = try repo.cardigan("validate", "--format", "sarif")
        #expect(sarif.output.contains("\"version\" : \"2.1.0\""))
        #expect(try repo.cardigan("validate", "cards/b.yaml").status == 0)
        repo.expect(
            try repo.cardigan("validate", "--format", "yaml"), status: 2,
            saying: "The value 'yaml' is invalid for '--format <format>'")
        repo.expect(
            try repo.cardigan("validate", "cards/missing.yaml"), status: 2,
            saying: "error: no such file or folder 'cards/missing.yaml'")
        repo.expect(try repo.cardigan("frobnicate"), status: 2, saying: "error: 'frobnicate' is not a cardigan command")
        let version = try repo.cardigan("--version")
        #expect(version.status == 0 && version.output.contains("libgit2 1."))
    }

    /// The quick tour on `git init` with git's own default branch ('master' here): `init` names
    /// the branch the repository is on, and verify and site judge it without `.cardigan.yaml`
    /// committed (its absence there does not send them to 'main'). Found by a try-out.
    @Test func initProtectsTheBranchTheRepositoryIsOn() throws {
        let repo = try CardRepo()
        try repo.git("symbolic-ref", "HEAD", "refs/heads/master")
        try repo.cardigan("init").checked()
        #expect(try repo.read(".cardigan.yaml").contains("branch: master "))
        try repo.write(
            "cards/customer-churn.yaml",
            try String(contentsOfFile: PackagePaths.root + "/cards/customer-churn.yaml", encoding: .utf8))
        let commit = try repo.cardigan("commit", "-m", "first")
        #expect(commit.status == 0, "\(commit.output)\(commit.error)")
        let verify = try repo.cardigan("verify")
        #expect(
            verify.status == 0 && verify.output.contains("no errors in 1 commit"), "\(verify.output)\(verify.error)")
        #expect(!verify.error.contains("committed configuration"), "\(verify.error)")
        let site = try repo.cardigan("site", "-o", "out")
        #expect(site.status == 0, "\(site.error)")
    }

    @Test func newAndInitRefuseWhatWouldLoseWork() throws {
        let repo = try CardRepo()
        try repo.cardigan("init").checked()
        #expect(try repo.cardigan("init").checked().output.contains("nothing to do"))
        try repo.cardigan("new", "churn", "--template", "full").checked()
        let again = try repo.cardigan("new", "churn")
        #expect(again.status == 2 && again.error.contains("already exists"))
        repo.expect(
            try repo.cardigan("new", "Bad_Name"), status: 2, saying: "error: 'Bad_Name' is not a valid card name")
        repo.expect(
            try repo.cardigan("new", "x", "--template", "nope"), status: 2,
            saying: "error: no template 'cards/nope.yaml'")
        #expect(try repo.cardigan("validate").status == 0)
    }
}
