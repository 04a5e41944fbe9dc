import ArgumentParser
import CardiganKit
import Foundation

extension ExportFormat: ExpressibleByArgument {}
extension CardImporter.Source: ExpressibleByArgument {}

extension CardiganCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract:
                "Write a card as of a version as Markdown, HTML, PDF, SageMaker content JSON or a Hugging Face README.",
            discussion: Examples.of("export"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card.", completion: .cardNames)
        var name: String

        @Option(help: ArgumentHelp("The card version (default: the latest).", valueName: "N"))
        var cardVersion: Int?

        @Option(help: ExportFormat.formatHelp())
        var format: ExportFormat

        @Flag(help: "Preview the uncommitted working file instead of a recorded version (marked so in the footer).")
        var workingTree = false

        @Option(
            help: ArgumentHelp(
                "PDF: the TrueType font to embed (default: DejaVu Sans from the system's fonts).", valueName: "ttf"))
        var font: String?

        @Option(help: ArgumentHelp("PDF: the TrueType font for bold text (default: --font's).", valueName: "ttf"))
        var boldFont: String?

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp(
                "Write to <file> (replaced atomically; '-': standard output, the default).", valueName: "file"))
        var output: String?

        func validate() throws {
            if workingTree, cardVersion != nil {
                throw ValidationError("--working-tree previews the working file; it takes no version")
            }
        }

        func run() throws {
            let store = try global.cardStore()
            let current = FileManager.default.currentDirectoryPath  // after -C, as git does
            let options = ExportOptions(
                fontPath: font.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 },
                boldFontPath: boldFont.map { $0.hasPrefix("/") ? $0 : current + "/" + $0 })
            let bytes: [UInt8]
            do {
                let exported =
                    workingTree
                    ? try store.exportWorkingTree(name, format: format, options: options)
                    : try store.export(name, version: cardVersion, format: format, options: options)
                bytes = exported.bytes
                for warning in exported.warnings { ExitStatus.printError("warning: " + warning) }
            } catch let invalid as InvalidCardError {
                let report = FindingReport(findings: invalid.findings, checkedPaths: [name])
                ExitStatus.printError(TextReporter().render(report))
                throw ExitCode(ExitStatus.findings)
            }
            try OutputFile.write(bytes, to: output ?? OutputFile.standardOutput, currentDirectory: current)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Make cards/<name>.yaml (status Draft) from another platform's model card (no commit).",
            discussion: Examples.of("import"))

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
            // An existing card is refused first, in the writer's words; outside a git
            // repository there are no version tags to collide with.
            _ = try NewCardFile(name: name, in: workspace)
            try (try? global.cardStore())?.requireNameNeverUsed(name)
            let path = file.hasPrefix("/") ? file : current + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CardiganError("cannot read '\(file)'")
            }
            let result = try CardImporter.sageMaker(
                data, sourcePath: file, name: name, workspace: workspace, keepLink: keepLink)
            if !result.written {
                let report = FindingReport(findings: result.findings, checkedPaths: [file])
                write(TextReporter(useColor: global.useColor).render(report))
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
