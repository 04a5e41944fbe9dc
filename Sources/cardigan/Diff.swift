import ArgumentParser
import CardiganKit

extension DiffFormat: ExpressibleByArgument {}

extension CardiganCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Field-level differences of a card between versions, or of every card between two revisions.",
            discussion: Examples.of("diff"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card (not with --base).", completion: .cardNames)
        var name: String?

        @Argument(help: "The version to compare from (default: the latest), as 2 or v2.")
        var from: String?

        @Argument(help: "The version to compare to (default: the working tree).")
        var to: String?

        @Option(help: "Compare every card changed between this revision and --head.")
        var base: String?

        @Option(help: "The revision to compare to (default: HEAD); only with --base.")
        var head: String?

        @Option(help: DiffFormat.formatHelp(notes: [.markdown: "a pull-request comment"]))
        var format: DiffFormat = .text

        func validate() throws {
            if base != nil, name != nil { throw ValidationError("give a card or --base, not both") }
            if base == nil, name == nil { throw ValidationError("give a card, or --base <rev> to compare revisions") }
            if head != nil, base == nil { throw ValidationError("--head needs --base") }
            for text in [from, to].compactMap({ $0 }) where Self.version(text) == nil {
                throw ValidationError("'\(text)' is not a version number")
            }
        }

        func run() throws {
            let store = try global.cardStore()
            let report =
                if let base {
                    try store.diff(base: base, head: head)
                } else {
                    try store.diff(card: name ?? "", from: from.flatMap(Self.version), to: to.flatMap(Self.version))
                }
            write(try DiffRenderer.render(report, as: format))
        }

        /// `3` or `v3`.
        static func version(_ text: String) -> Int? {
            Int(text.hasPrefix("v") ? String(text.dropFirst()) : text).flatMap { $0 >= 1 ? $0 : nil }
        }
    }
}
