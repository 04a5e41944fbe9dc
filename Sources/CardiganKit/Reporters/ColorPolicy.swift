/// When output may be coloured, as the conventions of command-line tools say: `NO_COLOR` set
/// to a non-empty value turns colour off (no-color.org: an empty value does not), and so does
/// `TERM=dumb` (a terminal that cannot show escape sequences). Whether standard output is a
/// terminal is the caller's question.
public enum ColorPolicy {
    /// Whether `environment` allows colour.
    public static func allowsColor(environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }
}
