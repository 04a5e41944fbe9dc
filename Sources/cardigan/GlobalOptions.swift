import ArgumentParser
import CardiganKit
import Foundation

/// Flags every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if cardigan was started in <dir>.", valueName: "dir"))
    var directory: String?

    @Flag(
        name: .customLong("no-color"),
        help: "Never colour the output (also: NO_COLOR set to a non-empty value, or TERM=dumb).")
    var noColor = false

    /// `cardigan -C <dir> --no-color list` reads like git; argument-parser wants the options after
    /// the subcommand, so the global ones written before it are moved behind it. A `-C` without
    /// its folder, global options with no command after them, and a word that is not a command
    /// are usage errors that say so (argument-parser would blame the options: "Unknown option '-C'").
    static func movingLeadingOptions(_ arguments: [String], root: any ParsableCommand.Type) throws -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-C" {
                guard index + 1 < arguments.count else { throw missingFolder }
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if argument.hasPrefix("-C"), argument.count > 2 {
                leading.append(argument)
                index += 1
            } else if argument == "--no-color" {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard index < arguments.count else {
            if leading.isEmpty { return arguments }
            throw CardiganError(
                "no command after '\(leading.joined(separator: " "))'", hint: "'cardigan --help' lists the commands")
        }
        // The root's own options (`--help`, `--generate-completion-script`) need no folder.
        if arguments[index].hasPrefix("-") { return Array(arguments[index...]) }
        // `hook pre-commit`: nested subcommand names stay together before the moved options.
        var subcommands: [String] = []
        var command = root
        while index < arguments.count,
            let next = command.configuration.subcommands.first(where: { $0._commandName == arguments[index] })
        {
            subcommands.append(arguments[index])
            command = next
            index += 1
        }
        guard !subcommands.isEmpty else {
            // argument-parser's own `help` subcommand.
            if arguments[index] == "help" { return Array(arguments[index...]) }
            throw unknownCommand(arguments[index], root: root)
        }
        let moved = subcommands + leading + arguments[index...]
        try checkFolders(in: moved)
        return moved
    }

    /// The usage error for a `-C` with no folder after it, wherever it is written: before the
    /// command (`cardigan -C`) or after it (`cardigan list -C`).
    static let missingFolder = CardiganError(
        "option '-C' needs a folder", hint: "give the folder right after it: 'cardigan -C <dir> <command>'")

    /// Throws ``missingFolder`` for a `-C` that argument-parser would find no value for: the
    /// last argument, or one followed by another option (`list -C --no-color`). Its own wording
    /// ("Missing value for '-C <dir>'") would otherwise be the only place that says it differently.
    /// Arguments after `--` are values, never options.
    static func checkFolders(in arguments: [String]) throws {
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return }
            guard argument == "-C" else { continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if let next, !(next.hasPrefix("-") && next.count > 1) { continue }
            throw missingFolder
        }
    }

    /// The usage error for `word` where a command of `root` belongs, with the nearest command.
    static func unknownCommand(_ word: String, root: any ParsableCommand.Type) -> CardiganError {
        let names = root.configuration.subcommands.map { $0._commandName }
        let nearest = Suggestion.closest(to: word, in: names)
        return CardiganError(
            "'\(DisplayText.escaped(word))' is not a cardigan command",
            hint: (nearest.map { "did you mean '\($0)'? " } ?? "") + "'cardigan --help' lists the commands")
    }

    /// Moves to `-C <dir>` when given and returns the current directory.
    func enterDirectory() throws -> String {
        if let directory {
            guard FileManager.default.changeCurrentDirectoryPath(directory) else {
                throw CardiganError("cannot change to '\(directory)': no such folder")
            }
        }
        return FileManager.default.currentDirectoryPath
    }

    /// The workspace around the current directory.
    func workspace() throws -> (workspace: Workspace, currentDirectory: String) {
        let current = try enterDirectory()
        return (try Workspace.locate(from: current), current)
    }

    /// The card repository around the current directory.
    func cardStore() throws -> CardStore {
        try CardStore(discoveringFrom: try enterDirectory())
    }

    /// The card repository with the configuration of its protected branch (what `verify`,
    /// `check` and `list` judge by); says so on standard error when the working tree's differs.
    func branchConfiguredStore() throws -> CardStore {
        let (store, note) = try cardStore().onProtectedBranchConfiguration()
        if let note { ExitStatus.printError(note) }
        return store
    }

    /// Whether to colour output: on a terminal, unless `--no-color`, `NO_COLOR` or `TERM` says not to.
    var useColor: Bool {
        !noColor && ColorPolicy.allowsColor(environment: ProcessInfo.processInfo.environment)
            && isatty(STDOUT_FILENO) != 0
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension CaseIterable where Self: RawRepresentable & Hashable, RawValue == String {
    /// The `--format` help of an option of this format enum, built from its cases so that a new
    /// format is listed without touching each command: `Output format: text, markdown (a
    /// pull-request comment) or json.`, with `notes` after the cases that have one.
    static func formatHelp(notes: [Self: String] = [:]) -> ArgumentHelp {
        let names = allCases.map { format in notes[format].map { "\(format.rawValue) (\($0))" } ?? format.rawValue }
        let list =
            names.count < 2
            ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
        return ArgumentHelp("Output format: \(list).")
    }
}

extension CompletionKind {
    /// Shell completion of card names: the cards of the card repository around the folder the
    /// shell is in.
    static var cardNames: CompletionKind {
        .custom { _, _, prefix in
            let workspace = try? Workspace.locate(from: FileManager.default.currentDirectoryPath)
            return (workspace?.cardNames() ?? []).filter { $0.hasPrefix(prefix) }
        }
    }
}

/// This program's absolute path, so hooks and git's diff driver find it without PATH (GUI
/// clients have little).
func cardiganExecutablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// Writes text to standard output without an added newline.
func write(_ text: String) {
    writeOutput(Data(text.utf8))
}

/// Writes bytes to standard output. A failed write (a full disk behind a redirect, a closed
/// pipe) is said on standard error and ends the command with exit 2, never a crash.
func writeOutput(_ data: Data) {
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
        // Foundation wraps the system error; its POSIX code says why.
        let wrapped = error as NSError
        let posix = (wrapped.userInfo[NSUnderlyingErrorKey] as? NSError) ?? wrapped
        let reason =
            posix.domain == NSPOSIXErrorDomain
            ? String(cString: strerror(Int32(posix.code))).lowercased()
            : wrapped.code == NSFileWriteOutOfSpaceError ? "no space left on device" : wrapped.localizedDescription
        ExitStatus.printError("error: cannot write the output: \(reason)")
        exit(ExitStatus.usage)
    }
}
