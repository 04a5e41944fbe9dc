import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import cardigan

/// The command lines read without argument-parser (`hook pre-commit`, `hook
/// reference-transaction <state>`, `commit … -m …`) give the
/// values argument-parser gives them, and every other line is left to argument-parser.
@Suite struct HotCommandLineTests {
    /// What a parsed command holds, comparable whichever parser made it.
    private struct Parsed: Equatable {
        var command: String
        var names: [String] = []
        var message: String?
        var directory: String?
        var noColor = false

        init?(_ command: (any ParsableCommand)?) {
            switch command {
            case let commit as CardiganCommand.Commit:
                self.command = "commit"
                names = commit.names
                message = commit.message
                directory = commit.global.directory
                noColor = commit.global.noColor
            case let hook as CardiganCommand.Hook.PreCommit:
                self.command = "hook pre-commit"
                directory = hook.global.directory
                noColor = hook.global.noColor
            case let hook as CardiganCommand.Hook.ReferenceTransaction:
                self.command = "hook reference-transaction"
                names = [hook.state]
                directory = hook.global.directory
                noColor = hook.global.noColor
            default:
                return nil
            }
        }
    }

    /// Both parsers on the words after the program's name, as `main` hands them over.
    private func parse(_ arguments: [String]) throws -> (hot: Parsed?, full: Parsed?) {
        let moved = try GlobalOptions.movingLeadingOptions(arguments, root: CardiganCommand.self)
        let hot = HotCommandLine.command(for: moved)
        #expect(hot == nil || Parsed(hot) != nil, "\(arguments): \(String(describing: hot))")
        return (Parsed(hot), Parsed(try CardiganCommand.parseAsRoot(moved)))
    }

    @Test(arguments: [
        ["hook", "pre-commit"],
        ["hook", "pre-commit", "--no-color"],
        ["-C", "/tmp", "hook", "pre-commit"],
        ["--no-color", "-C", "some folder", "hook", "pre-commit"],
        ["hook", "pre-commit", "-C", "x", "--no-color"],
        ["hook", "reference-transaction", "prepared"],
        ["-C", "repo", "hook", "reference-transaction", "committed", "--no-color"],
        ["commit", "-m", "one"],
        ["commit", "--message", "a message with spaces"],
        ["commit", "a", "b", "-m", "two cards"],
        ["commit", "-m", "first", "a", "--no-color", "b"],
        ["-C", "repo", "--no-color", "commit", "card-1", "--message", "x"],
        ["commit", "a", "-C", "repo", "-m", "ünïcode → 'quoted' \"text\""],
    ])
    func readsThePlainLinesAsArgumentParserDoes(arguments: [String]) throws {
        let (hot, full) = try parse(arguments)
        #expect(hot != nil, "\(arguments) should be read without argument-parser")
        #expect(hot == full, "\(arguments)")
    }

    @Test(arguments: [
        ["hook", "pre-commit", "--help"],
        ["hook", "pre-commit", "-h"],
        ["hook", "pre-commit", "extra"],
        ["hook", "pre-commit", "--no-color", "--no-color"],
        ["hook", "pre-commit", "--"],
        ["hook", "prepare-commit-msg", "file"],
        ["hook", "reference-transaction"],
        ["hook", "reference-transaction", "prepared", "extra"],
        ["hook", "reference-transaction", "--help"],
        ["hook", "reference-transaction", "-x"],
        ["commit"],
        ["commit", "a"],
        ["commit", "--help"],
        ["commit", "-m"],
        ["commit", "-m", "x", "-m", "y"],
        ["commit", "-m", "-x"],
        ["commit", "-m", ""],
        ["commit", "-mx"],
        ["commit", "--message=x"],
        ["commit", "-m", "x", "--", "-a"],
        ["commit", "-m", "x", "help"],
        ["commit", "-m", "x", "--bogus"],
        ["commit", "-m", "x", "-C", "a", "-C", "b"],
        ["commit", "-m", "x", "--generate-completion-script", "bash"],
        ["list"],
        ["--help"],
        ["help", "commit"],
    ])
    func leavesEveryOtherLineToArgumentParser(arguments: [String]) throws {
        let moved = try GlobalOptions.movingLeadingOptions(arguments, root: CardiganCommand.self)
        #expect(HotCommandLine.command(for: moved) == nil, "\(arguments)")
    }

    /// The twin, end to end: the same commit asked for in a line read without argument-parser
    /// (`-m x`) and in one argument-parser reads (`--message=x`) prints the same and records
    /// the same commit, for a change committed and for a card refused.
    @Test func aCommitReadEitherWayDoesTheSame() throws {
        let fixed = [
            "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com", "GIT_COMMITTER_NAME": "Ada",
            "GIT_COMMITTER_EMAIL": "ada@example.com", "GIT_AUTHOR_DATE": "@1700000000 +0000",
            "GIT_COMMITTER_DATE": "@1700000000 +0000",
        ]
        var results: [[String]] = []
        for message in [["-m", "two cards"], ["--message=two cards"]] {
            let repo = try CardRepo()
            try repo.write("cards/a.yaml", CardRepo.card("a"))
            try repo.write("cards/b.yaml", CardRepo.card("b"))
            let made = try repo.repo.run(
                [PackagePaths.cardigan, "--no-color", "commit", "a", "b"] + message, environment: fixed)
            try repo.write("cards/a.yaml", CardRepo.card("a", risk: "Extreme"))
            let refused = try repo.repo.run(
                [PackagePaths.cardigan, "commit", "a", "--no-color"] + message, environment: fixed)
            #expect(made.status == 0 && refused.status == 1, "\(made.error)\(refused.output)\(refused.error)")
            let tags = try repo.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/tags")
            results.append([
                made.output, made.error, refused.output, refused.error, try repo.git("rev-parse", "HEAD"), tags,
            ])
        }
        #expect(results[0] == results[1])
        #expect(results[0][2].contains("cards/a.yaml:7:16: error: 'Extreme' is not one of"), "\(results[0][2])")
    }
}
