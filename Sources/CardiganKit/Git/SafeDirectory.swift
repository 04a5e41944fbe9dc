internal import CLibgit2
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// git's `safe.directory` rule, which libgit2 1.5 only half keeps: a repository owned by another
/// user is opened only when the protected configuration (system and global files, not the
/// repository's own) names it, or names `*`. libgit2 1.5 reads `$HOME/.gitconfig` but neither
/// `*` nor `GIT_CONFIG_GLOBAL`, which CI containers rely on; so cardigan reads the setting as
/// git does (from the files ``ConfigEnvironment`` names) and, when git would trust the folder,
/// switches libgit2's owner check off for it.
enum SafeDirectory {
    /// The repository folder (a working tree, or a bare repository) at or above `path` whose
    /// owner is not the current user, or nil when there is none (or it is ours).
    static func foreignRepository(above path: String) -> (path: String, owner: uid_t)? {
        var candidate = URL(fileURLWithPath: path).standardizedFileURL.path
        let files = FileManager.default
        while true {
            let isWorkTree = files.fileExists(atPath: candidate + "/.git")
            let isBare =
                files.fileExists(atPath: candidate + "/HEAD") && files.fileExists(atPath: candidate + "/objects")
                && files.fileExists(atPath: candidate + "/refs")
            if isWorkTree || isBare {
                var info = stat()
                guard stat(candidate, &info) == 0 else { return nil }
                return info.st_uid == geteuid() ? nil : (candidate, info.st_uid)
            }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { return nil }
            candidate = parent
        }
    }

    /// Whether git's `safe.directory` values in the protected configuration trust `path`: a
    /// value equal to it (with or without a trailing `/`, or `path/*` above it) or `*`; an empty
    /// value forgets the ones before it, as in git.
    static func trusts(_ path: String, environment: [String: String]) -> Bool {
        var trusted = false
        for value in values(environment: environment) {
            if value.isEmpty {
                trusted = false
                continue
            }
            if value == "*" || matches(value, path) { trusted = true }
        }
        return trusted
    }

    /// Whether one `safe.directory` value names `path` (exactly, or as `<folder>/*` above it).
    static func matches(_ value: String, _ path: String) -> Bool {
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
        var given = value.hasPrefix("%(prefix)/") ? String(value.dropFirst("%(prefix)".count)) : value
        if given.hasSuffix("/*") {
            given.removeLast()
            return wanted.hasPrefix(given)
        }
        while given.count > 1 && given.hasSuffix("/") { given.removeLast() }
        return given == wanted
    }

    /// The `safe.directory` values of the system and global files, in the order git reads them.
    static func values(environment: [String: String]) -> [String] {
        let files = ConfigEnvironment(environment).protectedFiles
        return files.filter { FileManager.default.fileExists(atPath: $0) }.flatMap(multivar)
    }

    /// Every value of `safe.directory` in one configuration file.
    private static func multivar(_ file: String) -> [String] {
        Libgit2.initialize()
        var config: OpaquePointer?
        guard git_config_open_ondisk(&config, file) == 0 else { return [] }
        defer { git_config_free(config) }
        var iterator: OpaquePointer?
        guard git_config_multivar_iterator_new(&iterator, config, "safe.directory", nil) == 0 else { return [] }
        defer { git_config_iterator_free(iterator) }
        var values: [String] = []
        var entry: UnsafeMutablePointer<git_config_entry>?
        while git_config_next(&entry, iterator) == 0, let entry {
            values.append(entry.pointee.value.map { String(cString: $0) } ?? "")
        }
        return values
    }

    /// Turns libgit2's owner check off for this process: done only once git's own rule has
    /// said the folder is trusted.
    static func disableOwnerValidation() {
        _ = cardigan_set_owner_validation(0)
    }
}
