import ArgumentParser
import CardiganKit
import Foundation

/// The `cardigan` command: model cards as documentation-as-code, with git as the store.
@main
struct CardiganCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cardigan",
        abstract: "Model cards as documentation-as-code, versioned in git.",
        discussion: "'cardigan --version' prints cardigan's version and the libgit2 it runs on.\n"
            + Examples.of("cardigan"),
        subcommands: [
            Init.self, New.self, Validate.self, Commit.self, Status.self, Show.self, Log.self, List.self, Verify.self,
            MakeCheckpoint.self, Link.self, Clone.self, Packages.self, Diff.self, Check.self, Hook.self, Export.self,
            Import.self, Approve.self, Site.self, Registry.self, Explain.self,
        ]
    )

    static func main() {
        // A write into a pipe whose reader is gone (ssh-keygen that exited before reading the
        // statement, `cardigan … | head`) fails with EPIPE instead of killing the process with
        // nothing said: the child's own message is then reported.
        signal(SIGPIPE, SIG_IGN)
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            // `--version` belongs to cardigan itself, never to a subcommand: argument-parser's own
            // would also answer `clone … --version 3` with the version and do nothing.
            if Versions.isRequested(in: arguments) {
                print(Versions.text)
                return
            }
            let moved = try GlobalOptions.movingLeadingOptions(arguments, root: self)
            // Each hook and one-card commit reads its plain command line itself; everything
            // else (help, errors, completions) is argument-parser's.
            var command = try HotCommandLine.command(for: moved) ?? parseAsRoot(moved)
            try command.run()
        } catch {
            Foundation.exit(ExitStatus.report(error, for: self))
        }
    }
}
