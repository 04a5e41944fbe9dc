import Foundation
import TestSupport
import Testing

/// git's own diff commands show card changes field by field once `hook install` (or `init`)
/// has set up the diff driver; other files keep git's plain diff. The real git CLI runs them.
@Suite struct DiffDriverEndToEndTests {
    static let environment = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_PAGER": "cat", "PAGER": "cat"]

    /// A repository with the driver installed and two versions of card `a` beside a text file.
    static func repository(install: [String] = ["hook", "install"]) throws -> (CardRepo, base: String) {
        let repo = try CardRepo()
        try repo.cardigan("init").checked()
        if install != ["init"] { try repo.cardigan(install[0], install[1]).checked() }
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "Predicts churn."))
        try repo.write("notes.txt", "hello\n")
        try repo.git("add", "notes.txt", ".gitattributes", ".cardigan.yaml", "templates")
        try repo.git("commit", "-qm", "notes and attributes")
        try repo.cardigan("commit", "-m", "a v1").checked()
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.edit("cards/a.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: "Predicts churn for retail.")
        try repo.write("notes.txt", "hello\nworld\n")
        return (repo, base)
    }

    static func git(_ repo: CardRepo, _ arguments: String...) throws -> String {
        try repo.repo.run(["git"] + arguments, environment: environment).checked().output
    }

    @Test func hookInstallSetsUpTheDriverOnce() throws {
        let (repo, _) = try Self.repository()
        #expect(try Self.git(repo, "check-attr", "diff", "cards/a.yaml") == "cards/a.yaml: diff: cardigan\n")
        #expect(try Self.git(repo, "check-attr", "diff", "notes.txt") == "notes.txt: diff: unspecified\n")
        #expect(try Self.git(repo, "config", "diff.cardigan.command").hasSuffix(" hook diff-driver\n"))
        #expect(try Self.git(repo, "config", "diff.cardigan.textconv").hasSuffix(" hook textconv\n"))
        try repo.cardigan("hook", "install").checked()
        #expect(try repo.read(".gitattributes") == "cards/*.yaml diff=cardigan\n")
    }

    @Test func initSetsUpTheDriverToo() throws {
        let (repo, _) = try Self.repository(install: ["init"])
        #expect(try Self.git(repo, "check-attr", "diff", "cards/a.yaml") == "cards/a.yaml: diff: cardigan\n")
        #expect(try Self.git(repo, "diff", "cards/a.yaml").contains("intended_uses.risk_rating: Medium → High"))
    }

    @Test func gitDiffShowsFieldsForCardsAndLinesForTheRest() throws {
        let (repo, _) = try Self.repository()
        let diff = try Self.git(repo, "diff")
        #expect(diff.contains("cardigan diff cards/a.yaml\na: modified, "), "\(diff)")
        #expect(diff.contains("  intended_uses.risk_rating: Medium → High\n"))
        #expect(diff.contains("  model_overview.model_description: Predicts churn. → Predicts churn for retail.\n"))
        #expect(!diff.contains("-  risk_rating: Medium"))
        #expect(diff.contains("diff --git a/notes.txt b/notes.txt") && diff.contains("\n+world\n"))
    }

    @Test func gitLogAndShowShowFieldsForCards() throws {
        let (repo, _) = try Self.repository()
        try repo.cardigan("commit", "-m", "a v2").checked()
        try repo.git("commit", "-qam", "more notes")
        let log = try Self.git(repo, "log", "-p", "--format=commit %s")
        #expect(log.contains("\n-intended_uses.risk_rating: Medium\n"), "\(log)")
        #expect(log.contains("\n+intended_uses.risk_rating: High\n"))
        #expect(log.contains("+model_overview.model_description: Predicts churn for retail.\n"))
        #expect(log.contains("\n+world\n"))
        let show = try Self.git(repo, "show", "HEAD~1", "--format=%s")
        #expect(show.hasPrefix("a v2\n"))
        #expect(show.contains("+intended_uses.risk_rating: High\n") && !show.contains("+  risk_rating: High"))
        let external = try Self.git(repo, "log", "-p", "--ext-diff", "-1", "HEAD~1", "--format=%s")
        #expect(external.contains("  intended_uses.risk_rating: Medium → High\n"), "\(external)")
    }

    @Test func aBrokenCardIsShownLineByLine() throws {
        let (repo, _) = try Self.repository()
        try repo.write("cards/a.yaml", "name: a\nstatus: [Draft\n")
        let diff = try Self.git(repo, "diff", "cards/a.yaml")
        #expect(diff.contains("the new file is not a readable card (3:1:"), "\(diff)")
        #expect(
            diff.contains("\n+status: [Draft\n") && diff.contains("\n-status: Draft\n") && diff.contains("\n name: a\n")
        )
    }
}
