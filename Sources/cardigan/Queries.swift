import ArgumentParser
import CardiganKit

/// Output formats of the history queries.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension CardiganCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a card as of a version (default: the latest).",
            discussion: Examples.of("show"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.", completion: .cardNames)
        var name: String

        @Option(help: ArgumentHelp("The card version (default: the latest).", valueName: "N"))
        var cardVersion: Int?

        @Option(help: ShowFormat.formatHelp(notes: [.yaml: "the file, with a header"]))
        var format: ShowFormat = .yaml

        enum ShowFormat: String, ExpressibleByArgument, CaseIterable { case yaml, json }

        func run() throws {
            let store = try global.cardStore()
            let view = try store.show(name, version: cardVersion)
            let approvals = try store.signedApprovals(of: name, version: view.record.version)
            switch format {
            case .json: write(try JSONOutput.show(view, approvals: approvals))
            case .yaml: write(HistoryText.cardVersion(view) + HistoryText.approvalBlock(approvals?.approvals ?? []))
            }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "The audit trail of a card: every version and status change, who, when, commit, message.",
            discussion: Examples.of("log"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.", completion: .cardNames)
        var name: String

        @Option(help: QueryFormat.formatHelp())
        var format: QueryFormat = .text

        @Flag(help: "Read every commit of the history instead of using .git/cardigan/commit-cards-v1.")
        var noCache = false

        func run() throws {
            let store = try global.cardStore()
            store.usesSnapshotCache = !noCache
            let entries = try store.auditTrail(of: name)
            write(format == .json ? try JSONOutput.log(card: name, entries: entries) : HistoryText.auditTrail(entries))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Every card with its latest version, status, risk rating and link.",
            discussion: Examples.of("list"))

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only cards with this status.")
        var status: CardStatus?

        @Option(help: QueryFormat.formatHelp())
        var format: QueryFormat = .text

        func run() throws {
            let store = try global.branchConfiguredStore()
            let listing = try store.listing(status: status)
            write(format == .json ? try JSONOutput.list(listing.cards) : HistoryText.cardList(listing.cards))
            for file in try store.misnamedCardFiles(alongside: listing) {
                ExitStatus.printError("warning: '\(file.path)' is not a card: \(file.problem)")
            }
        }
    }
}
