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
