import ArgumentParser
import CardiganKit

extension CardiganCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write cards/<name>.yaml from a template, status Draft (no commit).",
            discussion: Examples.of("new"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card's name: lowercase letters, digits and single hyphens.")
        var name: String

        @Option(help: "The template: 'minimal', 'full' (every section, with guidance) or one of templates/cards/.")
        var template = "minimal"

        func run() throws {
            let (workspace, _) = try global.workspace()
            // An existing card is refused first, in the writer's words; outside a git
            // repository there are no version tags to collide with.
            _ = try NewCardFile(name: name, in: workspace)
            try (try? global.cardStore())?.requireNameNeverUsed(name)
            let path = try WorkspaceSetup.newCard(name: name, template: template, workspace: workspace)
            print("wrote \(path) (status Draft); edit it, then 'cardigan commit \(name) -m <message>'")
        }
    }
}
