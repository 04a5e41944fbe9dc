import ArgumentParser
import CardiganKit
import Foundation

/// The `cardigan` command: model cards as documentation-as-code, with git as the store.
@main
struct CardiganCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardigan",
        abstract: "Model cards as documentation-as-code, versioned in git.",
        discussion: Examples.of("cardigan"),
        version: Versions.text,
        subcommands: [
            Init.self, New.self, Validate.self, Commit.self, Status.self, Show.self, Log.self, List.self, Verify.self,
            MakeCheckpoint.self, Link.self, Clone.self, Packages.self, Diff.self, Check.self, Hook.self, Export.self,
            Import.self,
        ])

    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.movingLeadingOptions(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            Foundation.exit(ExitStatus.report(error, for: self))
        }
    }
}
