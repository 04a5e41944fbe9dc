internal import CLibgit2

extension Cardigan {
    /// The version of the libgit2 library cardigan is running on, e.g. `1.5.1`.
    public static var libgit2Version: String {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        _ = git_libgit2_version(&major, &minor, &revision)
        return "\(major).\(minor).\(revision)"
    }
}
