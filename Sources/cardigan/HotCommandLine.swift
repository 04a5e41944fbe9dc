import ArgumentParser

/// The command lines every process of a one-card workflow runs — `hook pre-commit` and `hook
/// reference-transaction <state>` (each `git commit`), and `commit [<name>…] -m <msg>` — read
/// without argument-parser.
///
/// argument-parser's `parseAsRoot` costs some 18M instructions a process (its
/// completion-script check builds two parsers on every run, and each command is read by
/// reflection), more than the rest of a hook's own start-up. Only plain shapes are read here: a
/// word that starts with `-` other than the options below, `help`, an empty word, a value that
/// looks like an option or an option given twice returns nil, and argument-parser reads the
/// line as before, with its help, errors and completions.
enum HotCommandLine {
    /// The command `arguments` asks for, with the values argument-parser would give it; nil
    /// when the line is not one of the plain shapes. `arguments` are the words after the
    /// program's name with the global options already moved behind the command names
    /// (``GlobalOptions/movingLeadingOptions(_:root:)``).
    static func command(for arguments: [String]) -> (any ParsableCommand)? {
        switch arguments.first {
        case "hook":
            guard arguments.count >= 2, let line = PlainLine(arguments.dropFirst(2), takesMessage: false) else {
                return nil
            }
            switch (arguments[1], line.words.count) {
            case ("pre-commit", 0):
                var command = CardiganCommand.Hook.PreCommit()
                command.global = line.global
                return command
            case ("reference-transaction", 1):
                var command = CardiganCommand.Hook.ReferenceTransaction()
                command.global = line.global
                command.state = line.words[0]
                return command
            default:
                return nil
            }
        case "commit":
            guard let line = PlainLine(arguments.dropFirst(), takesMessage: true), let message = line.message
            else { return nil }
            var command = CardiganCommand.Commit()
            command.global = line.global
            command.names = line.words
            command.message = message
            return command
        default:
            return nil
        }
    }
}

/// The words after a command's name, when they are only plain words, `-C <dir>`, `--no-color`
/// and (where the command takes one) `-m`/`--message <msg>`, each option at most once.
private struct PlainLine {
    var words: [String] = []
    var directory: String?
    var noColor = false
    var message: String?

    /// Reads `arguments`; nil for anything else.
    init?(_ arguments: ArraySlice<String>, takesMessage: Bool) {
        var rest = arguments[...]
        while let word = rest.popFirst() {
            switch word {
            case "-C":
                guard directory == nil, let value = Self.value(rest.popFirst()) else { return nil }
                directory = value
            case "--no-color":
                guard !noColor else { return nil }
                noColor = true
            case "-m", "--message":
                guard takesMessage, message == nil, let value = Self.value(rest.popFirst()) else { return nil }
                message = value
            default:
                guard Self.value(word) != nil, word != "help" else { return nil }
                words.append(word)
            }
        }
    }

    /// `word` when it is a value argument-parser reads as one: not empty, not option-like.
    private static func value(_ word: String?) -> String? {
        guard let word, !word.isEmpty, !word.hasPrefix("-") else { return nil }
        return word
    }

    /// The global options as argument-parser would have parsed them.
    var global: GlobalOptions {
        var global = GlobalOptions()
        global.directory = directory
        global.noColor = noColor
        return global
    }
}
