import ArgumentParser
import CardiganKit
import Foundation

extension CardiganCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the rules over the whole history of the protected branch and every card tag.",
            discussion: Examples.of("verify"))

        @OptionGroup var global: GlobalOptions

        @Option(help: "The protected branch (default: from .cardigan.yaml, else main).")
        var branch: String?

        @Option(
            help: ArgumentHelp("Also check against a checkpoint file from 'cardigan checkpoint'.", valueName: "file"))
        var checkpoint: String?

        @Flag(help: "Re-create missing version tags from the commits' trailers (and do nothing else).")
        var repair = false

        @Flag(help: "Parse every card blob again instead of using .git/cardigan/snapshots-v6.")
        var noCache = false

        @Option(help: ReportFormat.formatHelp())
        var format: ReportFormat = .text

        func run() throws {
            let store = try global.branchConfiguredStore()
            store.usesSnapshotCache = !noCache
            var recorded: Checkpoint?
            if let checkpoint {
                guard let data = FileManager.default.contents(atPath: checkpoint) else {
                    throw CardiganError("cannot read the checkpoint '\(checkpoint)'")
                }
                recorded = try Checkpoint.parse(String(decoding: data, as: UTF8.self), path: checkpoint)
            }
            let result = try store.verify(branch: branch, checkpoint: recorded, repair: repair)
            // Through `write`, as the report is: `print` buffers, so through a pipe the report
            // came out ahead of these lines.
            for tag in result.repairedTags { write("repaired: re-created tag '\(tag)' from the trailers\n") }
            for note in result.notes { write("repaired: \(note)\n") }
            let report = FindingReport(
                findings: result.findings,
                counted: [
                    CheckedCount(result.commitCount, "commit", key: "commits"),
                    CheckedCount(result.versionCount, "version", key: "versions"),
                    CheckedCount(result.tagCount, "version tag", key: "version_tags"),
                    CheckedCount(result.linkTagCount, "link tag", key: "link_tags"),
                ])
            write(try format.reporter(for: "verify", useColor: global.useColor).render(report))
            if report.errorCount > 0 { throw ExitCode(ExitStatus.findings) }
        }
    }

    struct MakeCheckpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Write the branch head and every card and link tag, with a digest, for 'verify --checkpoint'.",
            discussion: Examples.of("checkpoint"))

        @OptionGroup var global: GlobalOptions

        @Option(
            name: .shortAndLong, help: "Write to this file, replaced atomically (default, or '-': standard output).")
        var output: String?

        @Option(help: "The protected branch (default: from .cardigan.yaml, else main).")
        var branch: String?

        func run() throws {
            let text = try global.cardStore().makeCheckpoint(branch: branch).text()
            guard let output, output != OutputFile.standardOutput else { return write(text) }
            try OutputFile.write(
                Array(text.utf8), to: output, currentDirectory: FileManager.default.currentDirectoryPath)
            print("wrote checkpoint \(output)")
        }
    }
}
