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
            // git diff, log -p and show compare card fields (a no-op when already set up).
            let store = try CardStore(discoveringFrom: workspace.rootPath)
            let driver = try store.installDiffDriver(executable: cardiganExecutablePath())
            if created.isEmpty {
                for line in driver where line.hasPrefix("added") { print(line) }
                print("already a card repository: nothing to do")
            } else {
                for path in created { print("created \(path)") }
                for line in driver { print(line) }
            }
        }
    }
}
