import ArgumentParser
import CardiganKit
import Foundation

extension ExportFormat: ExpressibleByArgument {}
extension CardImporter.Source: ExpressibleByArgument {}

extension CardiganCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write a card as of a version as Markdown, HTML, PDF, SageMaker content JSON or a Hugging Face README.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.")
        var name: String

        @Option(help: ArgumentHelp("The card version (default: the latest).", valueName: "N"))
        var cardVersion: Int?

        @Option(help: "markdown, html, pdf, sagemaker or huggingface.")
        var format: ExportFormat

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "Write to <file> (replaced atomically; '-': standard output, the default).", valueName: "file"))
        var output: String?

        func run() throws {
            let bytes = try global.cardStore().export(name, version: cardVersion, format: format)
            let current = FileManager.default.currentDirectoryPath  // after -C, as git does
            try OutputFile.write(bytes, to: output ?? OutputFile.standardOutput, currentDirectory: current)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make cards/<name>.yaml (status Draft) from another platform's model card (no commit).")

        @OptionGroup var global: GlobalOptions

        @Option(help: "What the file is: sagemaker (model card content JSON).")
        var from: CardImporter.Source

        @Argument(help: "The file to import.")
        var file: String

        @Option(help: "The new card's name.")
        var name: String

        @Flag(help: "Keep model_package_details: the card's first commit then links that model package.")
        var keepLink = false

        func run() throws {
            let (workspace, current) = try global.workspace()
            let path = file.hasPrefix("/") ? file : current + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CardiganError("cannot read '\(file)'")
            }
            let result = try CardImporter.sageMaker(
                data, sourcePath: file, name: name, workspace: workspace, keepLink: keepLink)
            if !result.written {
                let report = FindingReport(findings: result.findings, checkedPaths: [file])
                write(ReportFormat.text.reporter(useColor: global.useColor).render(report))
                ExitStatus.printError("error: '\(file)' does not make a valid card; nothing written")
                throw ExitCode(ExitStatus.findings)
            }
            if let dropped = result.droppedLink {
                print(
                    "note: model_package_details (model package '\(dropped)') was left out, so committing the card links nothing; 'cardigan link' links it, or import with --keep-link"
                )
            }
            print("wrote \(result.path) (status Draft); review it, then 'cardigan commit \(name) -m <message>'")
        }
    }
}
