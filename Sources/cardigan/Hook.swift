import ArgumentParser
import CardiganKit
import Foundation

extension CardiganCommand {
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract:
                "Install and run git hooks (client: pre-commit, prepare-commit-msg, post-commit, pre-push, reference-transaction; server: pre-receive).",
            discussion: Examples.of("hook"),
            subcommands: [
                Install.self, PreCommit.self, PrepareCommitMessage.self, PostCommit.self, PrePush.self,
                ReferenceTransaction.self, PreReceive.self,
                DiffDriver.self, Textconv.self,
            ])
    }
}

extension CardiganCommand.Hook {
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Write the hook scripts; an existing hook is kept as <name>.local and runs first.",
            discussion: Examples.of("hook install"))

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Install the server hook (pre-receive), for a bare repository.")
        var server = false

        @Option(
            help: ArgumentHelp(
                "Install only this hook (repeatable), e.g. the ones the pre-commit framework cannot run: --only reference-transaction --only pre-push; git's diff driver is left as it is.",
                valueName: "hook"))
        var only: [GitHook] = []

        func validate() throws {
            if server, !only.isEmpty {
                throw ValidationError("'--server' installs the server's hook; name hooks with '--only' instead")
            }
        }

        func run() throws {
            let store = try global.cardStore()
            let hooks = only.isEmpty ? (server ? GitHook.server : GitHook.client) : only
            for line in try store.installHooks(hooks, executable: cardiganExecutablePath()) { print(line) }
            if !server, only.isEmpty {
                for line in try store.installDiffDriver(executable: cardiganExecutablePath()) { print(line) }
            }
        }
    }

    struct DiffDriver: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff-driver",
            abstract: "git's external diff for card files (diff.cardigan.command): the field-level diff.",
            discussion: Examples.of("hook diff-driver"))

        @Argument var path: String
        @Argument var oldFile: String = "/dev/null"
        @Argument var oldHex: String = ""
        @Argument var oldMode: String = ""
        @Argument var newFile: String = "/dev/null"
        @Argument var newHex: String = ""
        @Argument var newMode: String = ""

        func run() throws {
            write(
                GitDiffDriver.externalDiff(
                    path: path, oldFile: oldFile, oldHex: oldHex, newFile: newFile, newHex: newHex))
        }
    }

    struct Textconv: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "textconv",
            abstract: "git's text conversion for card files (diff.cardigan.textconv): one line per field.",
            discussion: Examples.of("hook textconv"))

        @Argument var file: String

        func run() throws {
            write(GitDiffDriver.textconv(file: file))
        }
    }

    struct PreCommit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-commit", abstract: "Validate the staged cards.",
            discussion: Examples.of("hook pre-commit"))

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try report(try global.cardStore().runPreCommit(), hook: "pre-commit", global: global)
        }
    }

    struct PrepareCommitMessage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prepare-commit-msg", abstract: "Add the version trailers to a plain git commit of cards.",
            discussion: Examples.of("hook prepare-commit-msg"))

        @OptionGroup var global: GlobalOptions

        @Argument var messageFile: String
        @Argument var source: String?
        @Argument var commit: String?

        func run() throws {
            // The pre-commit framework passes only the message file; git's other two arguments
            // arrive in its environment.
            let environment = ProcessInfo.processInfo.environment
            let findings = try global.cardStore().runPrepareCommitMessage(
                messageFile: messageFile, source: source ?? environment["PRE_COMMIT_COMMIT_MSG_SOURCE"],
                commit: commit ?? environment["PRE_COMMIT_COMMIT_OBJECT_NAME"])
            try report(findings, hook: "prepare-commit-msg", global: global)
        }
    }

    struct PostCommit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "post-commit", abstract: "Create the tags the new commit's trailers call for.",
            discussion: Examples.of("hook post-commit"))

        @OptionGroup var global: GlobalOptions

        func run() throws {
            for tag in try global.cardStore().runPostCommit() { print("cardigan: tagged \(tag)") }
        }
    }

    struct ReferenceTransaction: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reference-transaction",
            abstract:
                "Refuse an amend of a commit that records card versions; note a reset that leaves one off a branch.",
            discussion: Examples.of("hook reference-transaction"))

        @OptionGroup var global: GlobalOptions

        @Argument var state: String

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let verdict = try CardStore.runReferenceTransaction(
                state: state, input: input, directory: global.enterDirectory())
            for note in verdict.notes { ExitStatus.printError(note) }
            try report(verdict.refusals, hook: "reference-transaction", global: global)
        }
    }

    struct PrePush: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-push", abstract: "Check what is being pushed (reads git's pre-push input).",
            discussion: Examples.of("hook pre-push"))

        @OptionGroup var global: GlobalOptions

        @Argument var remote: String?
        @Argument var url: String?

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let store = try global.cardStore()
            let findings = try store.checkRefUpdates(CardStore.parseRefUpdates(input, prePush: true), everyBranch: true)
            try report(findings, hook: "pre-push", global: global)
        }
    }

    struct PreReceive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pre-receive", abstract: "The server's gate (reads git's pre-receive input).",
            discussion: Examples.of("hook pre-receive"))

        func run() throws {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let updates = CardStore.parseRefUpdates(input, prePush: false)
            let store = try CardStore.fromGitEnvironment().judgingFirstPush(updates)
            let findings = try store.checkRefUpdates(updates)
            // git relays the hook's output to the person pushing, prefixed "remote: ".
            if findings.errorCount > 0 {
                let report = FindingReport(
                    findings: findings, checkedPaths: [], subject: "the pushed references; push refused")
                ExitStatus.printError(TextReporter().render(report))
                throw ExitCode(ExitStatus.findings)
            }
        }
    }
}

extension GitHook: ExpressibleByArgument {}

/// Prints a hook's findings on standard error (where git shows them) and fails the hook on errors.
private func report(_ findings: [Finding], hook: String, global: GlobalOptions) throws {
    guard !findings.isEmpty else { return }
    let report = FindingReport(findings: findings, checkedPaths: [], subject: "the \(hook) hook")
    ExitStatus.printError(TextReporter(useColor: false).render(report))
    if report.errorCount > 0 { throw ExitCode(ExitStatus.findings) }
}
