/// A revision as a command takes it (`--base origin/main`, `--head`, a commit id, a tag): what
/// `check` and `diff --base` resolve, with one message for one that names nothing.
enum Revision {
    /// The commit `spec` names in `repository`; an unknown revision is the user's mistake (exit
    /// 2), and in CI it is most often a checkout without the history.
    static func resolve(_ spec: String, in repository: Repository) throws -> ObjectID {
        do {
            return try repository.revparse(spec)
        } catch {
            throw CardiganError(
                "unknown revision '\(spec)'",
                hint: "name a commit, branch or tag; CI checkouts need the full history and tags (fetch-depth: 0)")
        }
    }

    /// `spec` as people read it: a full commit id shortened to the 12 digits every message
    /// names a commit with (``ObjectID/short``), anything else as given.
    static func label(_ spec: String) -> String {
        spec.count == 40 && spec.allSatisfy(\.isHexDigit) ? String(spec.prefix(12)) : spec
    }
}
