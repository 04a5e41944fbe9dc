import ArgumentParser
import CardiganKit

extension CardiganCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Make the current git repository a card repository (idempotent).", discussion: Examples.of("init")
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (workspace, _) = try global.workspace()
            let created = try WorkspaceSetup.initialize(rootPath: workspace.rootPath)
            if created.isEmpty {
                print("already a card repository: nothing to do")
            } else {
                for path in created { print("created \(path)") }
            }
        }
    }
}
