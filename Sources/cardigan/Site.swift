import ArgumentParser
import CardiganKit
import Foundation

extension CardiganCommand {
    struct Site: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract:
                "Build the static catalog site of the protected branch (catalog, cards, versions, diffs, packages).",
            discussion:
                "A folder holding a previous build is updated: only pages whose inputs changed are rendered, only changed files written.\n"
                + Examples.of("site")
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to build the site in.", valueName: "dir"))
        var output: String

        @Flag(
            help: ArgumentHelp(
                "Also list the package versions that the registry in .cardigan.yaml holds and no card documents."))
        var registry = false

        func run() throws {
            let store = try global.branchConfiguredStore()
            let current = FileManager.default.currentDirectoryPath  // after -C, as git does
            let folder = output.hasPrefix("/") ? output : current + "/" + output
            let report = try store.buildSite(into: folder, registry: registry ? requiredRegistry(store) : nil)
            print(
                "site: \(report.files) files from commit \(report.commit.prefix(12)): \(report.rendered) rendered, \(report.written.count) written, \(report.removed.count) removed → \(output)"
            )
        }
    }
}
