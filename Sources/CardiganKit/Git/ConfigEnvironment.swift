import Foundation

/// Which system and global configuration files git reads, as its environment chooses them:
/// `GIT_CONFIG_GLOBAL` replaces `~/.gitconfig` and `$XDG_CONFIG_HOME/git/config`,
/// `GIT_CONFIG_SYSTEM` replaces `/etc/gitconfig`, and a true `GIT_CONFIG_NOSYSTEM` drops the
/// system file. libgit2 1.5 knows none of these variables, so cardigan applies them itself.
struct ConfigEnvironment {
    /// The file `/dev/null` as git reads it in these variables: an empty configuration.
    static let emptyFile = "/dev/null"

    /// The system file git reads, nil when `GIT_CONFIG_NOSYSTEM` turns it off.
    let systemFile: String?
    /// The global file `GIT_CONFIG_GLOBAL` names, nil when it is not set (git then reads the
    /// XDG file and `~/.gitconfig`, as libgit2 does).
    let globalOverride: String?
    /// The XDG file and `~/.gitconfig`, in the order git reads them, when no override is set.
    let homeFiles: [String]
    /// Whether `GIT_CONFIG_SYSTEM` or `GIT_CONFIG_NOSYSTEM` changes what libgit2 would read.
    let overridesSystem: Bool

    /// The files `environment` selects.
    init(_ environment: [String: String]) {
        let noSystem = environment["GIT_CONFIG_NOSYSTEM"].map(Self.isTrue) ?? false
        systemFile = noSystem ? nil : environment["GIT_CONFIG_SYSTEM"] ?? "/etc/gitconfig"
        overridesSystem = noSystem || environment["GIT_CONFIG_SYSTEM"] != nil
        globalOverride = environment["GIT_CONFIG_GLOBAL"]
        let home = environment["HOME"] ?? NSHomeDirectory()
        homeFiles = [(environment["XDG_CONFIG_HOME"] ?? home + "/.config") + "/git/config", home + "/.gitconfig"]
    }

    /// The system and global files git reads, in its order (lowest level first).
    var protectedFiles: [String] {
        (systemFile.map { [$0] } ?? []) + (globalOverride.map { [$0] } ?? homeFiles)
    }

    /// A boolean variable as git reads it: `false`, `no`, `off`, `0` and the empty value are
    /// false, anything else true.
    static func isTrue(_ value: String) -> Bool {
        !["", "false", "no", "off", "0"].contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
