import Foundation

/// The git hooks cardigan installs and runs.
public enum GitHook: String, Sendable, CaseIterable {
    case preCommit = "pre-commit"
    case prepareCommitMessage = "prepare-commit-msg"
    case postCommit = "post-commit"
    case prePush = "pre-push"
    case preReceive = "pre-receive"
    /// Refuses an amend of a recording commit that `prepare-commit-msg` cannot see (`--amend -m`).
    case referenceTransaction = "reference-transaction"

    /// The hooks of a developer's clone.
    public static let client: [GitHook] = [
        .preCommit, .prepareCommitMessage, .postCommit, .prePush, .referenceTransaction,
    ]
    /// The hooks of the server's bare repository.
    public static let server: [GitHook] = [.preReceive]

    /// Whether git feeds the hook lines on standard input, which a chained hook must see too.
    var readsStandardInput: Bool { self == .prePush || self == .preReceive || self == .referenceTransaction }
}

extension CardStore {
    /// The marker line that identifies a hook script cardigan wrote.
    static let hookMarker = "# installed by cardigan hook install"

    /// `cardigan hook install [--server] [--only <hook>…]`: writes thin scripts that run
    /// `cardigan hook <name>` for `hooks` into the hooks folder (`core.hooksPath` when set). A hook
    /// already there that cardigan did not write is kept as `<name>.local` and run first; if that
    /// name is taken too, nothing is written. Returns what was done, one line per hook.
    public func installHooks(_ hooks: [GitHook], executable: String) throws -> [String] {
        let folder = try hooksFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let hooks = hooks.reduce(into: [GitHook]()) { if !$0.contains($1) { $0.append($1) } }
        // Check every hook before writing any, so a refusal leaves the folder as it was.
        for hook in hooks {
            let path = folder + "/" + hook.rawValue
            if let existing = try? String(contentsOfFile: path, encoding: .utf8), !existing.contains(Self.hookMarker),
                FileManager.default.fileExists(atPath: path + ".local")
            {
                throw CardiganError(
                    "'\(path)' is not cardigan's and '\(hook.rawValue).local' exists too; nothing was installed",
                    hint: "merge the two hooks by hand, then run 'cardigan hook install' again")
            }
        }
        var done: [String] = []
        for hook in hooks {
            let path = folder + "/" + hook.rawValue
            var note = "installed \(hook.rawValue)"
            if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
                if existing.contains(Self.hookMarker) {
                    note = "updated \(hook.rawValue)"
                } else {
                    try FileManager.default.moveItem(atPath: path, toPath: path + ".local")
                    note =
                        "installed \(hook.rawValue); the existing hook is kept as \(hook.rawValue).local and runs first"
                }
            }
            try Data(Self.hookScript(hook, executable: executable).utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            done.append(note)
        }
        return done
    }

    private func hooksFolder() throws -> String {
        if let configured = try repository.configString("core.hooksPath"), !configured.isEmpty {
            if configured.hasPrefix("/") { return configured }
            return (repository.workdir ?? repository.gitDirectory) + "/" + configured
        }
        return repository.gitDirectory + "/hooks"
    }

    /// A hook script: run the kept `.local` hook first (with the same input), then cardigan.
    static func hookScript(_ hook: GitHook, executable: String) -> String {
        let quoted = "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        var script = """
            #!/bin/sh
            \(hookMarker); edit with care, 'cardigan hook install' rewrites it.
            cardigan=\(quoted)
            [ -x "$cardigan" ] || cardigan=cardigan

            """
        if hook == .referenceTransaction {
            script += referenceTransactionBody
        } else if hook.readsStandardInput {
            script += """
                input=$(cat)
                if [ -x "$0.local" ]; then printf '%s\\n' "$input" | "$0.local" "$@" || exit $?; fi
                printf '%s\\n' "$input" | exec "$cardigan" hook \(hook.rawValue) "$@"

                """
        } else {
            script += """
                if [ -x "$0.local" ]; then "$0.local" "$@" || exit $?; fi
                exec "$cardigan" hook \(hook.rawValue) "$@"

                """
        }
        return script
    }

    /// The `reference-transaction` script after its preamble. git runs it for every reference
    /// update (a commit, a checkout, a fetch, a tag), in two states each; only the `prepared`
    /// state can abort, and only a branch moving from one commit to another can take a recorded
    /// version off it. Everything else passes in the shell (`cat` for the input, then builtins;
    /// no `git`: the product reads git through libgit2) without starting cardigan, which then
    /// gets just those lines. The `committed` and `aborted` states exit before reading anything
    /// unless a kept `.local` hook wants them.
    static let referenceTransactionBody = """
        if [ "$1" != prepared ] && [ ! -x "$0.local" ]; then exit 0; fi
        input=$(cat)
        if [ -x "$0.local" ]; then printf '%s\\n' "$input" | "$0.local" "$@" || exit $?; fi
        [ "$1" = prepared ] || exit 0
        newline='
        '
        moves=
        set -f
        IFS=$newline
        for line in $input; do
            old=${line%% *}
            rest=${line#* }
            new=${rest%% *}
            case ${rest#* } in refs/heads/*) ;; *) continue ;; esac
            case $old in *[!0]*) ;; *) continue ;; esac
            case $new in *[!0]*) ;; *) continue ;; esac
            [ "$old" = "$new" ] || moves=$moves$line$newline
        done
        [ -n "$moves" ] || exit 0
        printf '%s' "$moves" | exec "$cardigan" hook reference-transaction "$@"

        """
}
