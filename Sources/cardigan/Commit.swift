import ArgumentParser
import CardiganKit

extension CardiganCommand {
    struct Commit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commit",
            abstract: "Record changed cards: each semantic change becomes a new version with its tag.",
            discussion: Examples.of("commit"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Cards to commit (default: every changed card).", completion: .cardNames)
        var names: [String] = []

        @Option(name: .shortAndLong, help: "The commit message.")
        var message: String

        func run() throws {
            let store = try global.cardStore()
            let result = try store.commit(names: names, message: message)
            try finish(result, global: global)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Change a card's status with a status commit (no new version).", discussion: Examples.of("status")
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.", completion: .cardNames)
        var name: String

        @Argument(help: "Draft, PendingReview, Approved or Archived.")
        var status: CardStatus

        @Option(name: .shortAndLong, help: "The commit message (default: '<name>: <old> → <new>').")
        var message: String?

        func run() throws {
            let store = try global.cardStore()
            try finish(store.changeStatus(of: name, to: status, message: message), global: global)
        }
    }
}

/// Prints what a commit did, or why it did nothing, and exits 1 on findings.
func finish(_ result: CommitResult, global: GlobalOptions) throws {
    if !result.findings.isEmpty {
        let report = FindingReport(
            findings: result.findings, checkedPaths: [], subject: "the changed cards; nothing was committed")
        write(TextReporter(useColor: global.useColor).render(report))
        for note in result.notes { ExitStatus.printError("note: " + note) }
        throw ExitCode(ExitStatus.findings)
    }
    write(HistoryText.commitSummary(result))
}

extension CardStatus: ExpressibleByArgument {}
