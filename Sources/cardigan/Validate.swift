import ArgumentParser
import CardiganKit

extension CardiganCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check cards against safe YAML, the schema and the card rules.",
            discussion: Examples.of("validate"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Card files or folders (default: every card in cards/).")
        var paths: [String] = []

        @Option(help: ReportFormat.formatHelp())
        var format: ReportFormat = .text

        @Flag(help: "Treat warnings (such as values YAML 1.1 reads otherwise) as errors.")
        var strict = false

        func run() throws {
            let (workspace, current) = try global.workspace()
            // Outside a git repository there is no committed card to tell a newcomer from.
            let committed = try (try? global.cardStore()).map { try $0.committedModelNames() } ?? [:]
            var report = try CardValidationRun.run(
                paths: paths, workspace: workspace, currentDirectory: current, relativeToRoot: format.pathsFromRoot,
                committedModelNames: committed)
            if strict { report = report.treatingWarningsAsErrors() }
            write(try format.reporter(for: "validate", useColor: global.useColor).render(report))
            if report.errorCount > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }
}
