import ArgumentParser
import CardiganKit
import Foundation

extension CardiganCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "The pull-request gate: validation and the history rules for the commits between base and head.",
            discussion: Examples.of("check"))

        @OptionGroup var global: GlobalOptions

        @Option(help: "The base revision (the target branch of the pull request).")
        var base: String

        @Option(help: "The head revision (default: HEAD).")
        var head: String?

        @Option(help: ReportFormat.formatHelp())
        var format: ReportFormat = .text

        func run() throws {
            let store = try global.branchConfiguredStore()
            let result = try store.check(base: base, head: head)
            let report = FindingReport(
                findings: result.findings,
                counted: result.counted)
            var output = try format.reporter(for: "check", useColor: global.useColor).render(report)
            if format == .markdown, result.historyChecked {
                // Reviewers read the gate's verdict and the card changes in one comment.
                output += "\n" + (try DiffRenderer.render(try store.diff(base: base, head: head), as: .markdown))
            }
            write(output)
            // GitHub shows only the first annotations of a step; the job summary gets the whole report.
            if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
                !summary.isEmpty
            {
                let markdown = MarkdownReporter(title: "cardigan check").render(report)
                if let handle = FileHandle(forWritingAtPath: summary) {
                    handle.seekToEndOfFile()
                    handle.write(Data(markdown.utf8))
                    handle.closeFile()
                } else if !FileManager.default.createFile(atPath: summary, contents: Data(markdown.utf8)) {
                    ExitStatus.printError("warning: cannot write the job summary to '\(summary)'")
                }
            }
            if report.errorCount > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }
}
