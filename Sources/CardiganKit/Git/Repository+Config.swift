internal import CLibgit2
import Foundation

extension Repository {
    /// Sets `key` to `value` in the repository's own configuration (`.git/config`), as
    /// `git config <key> <value>` does.
    func setLocalConfigString(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        _ = try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        _ = try check(
            git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level", reference: key)
        defer { git_config_free(local) }
        _ = try check(git_config_set_string(local, key, value), "git_config_set_string", reference: key)
    }
}

extension Repository {
    /// Makes the repository's configuration read the system and global files git's environment
    /// names (``ConfigEnvironment``) instead of the ones libgit2 finds by itself, so identity,
    /// `commit.gpgsign`, `gpg.*` and `user.signingkey` are the values `git` would use. Called once,
    /// right after the repository is opened.
    func applyConfigEnvironment(_ environment: [String: String]) throws {
        let files = ConfigEnvironment(environment)
        guard files.globalOverride != nil || files.overridesSystem else { return }
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        if let global = files.globalOverride {
            // git reads neither `~/.gitconfig` nor the XDG file then; an empty value names no file.
            let file = global.isEmpty ? ConfigEnvironment.emptyFile : global
            try replaceLevel(GIT_CONFIG_LEVEL_GLOBAL, of: config, with: file, variable: "GIT_CONFIG_GLOBAL")
            try replaceLevel(
                GIT_CONFIG_LEVEL_XDG, of: config, with: ConfigEnvironment.emptyFile, variable: "GIT_CONFIG_GLOBAL")
        }
        if files.overridesSystem {
            let file =
                files.systemFile.map { $0.isEmpty ? ConfigEnvironment.emptyFile : $0 } ?? ConfigEnvironment.emptyFile
            try replaceLevel(GIT_CONFIG_LEVEL_SYSTEM, of: config, with: file, variable: "GIT_CONFIG_SYSTEM")
        }
    }

    /// Puts `file` at `level` of `config`, replacing what libgit2 loaded there; a missing file
    /// reads as empty, as in git.
    private func replaceLevel(
        _ level: git_config_level_t, of config: OpaquePointer?, with file: String, variable: String
    ) throws {
        let code = git_config_add_file_ondisk(config, file, level, pointer, 1)
        try check(code, "git_config_add_file_ondisk", reference: "\(variable)=\(file)")
    }
}
