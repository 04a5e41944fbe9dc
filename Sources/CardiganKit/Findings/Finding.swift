/// One problem found in a card, a schema or the history: the single type every check returns
/// and every reporter prints.
public struct Finding: Sendable, Hashable {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// The rule broken, e.g. ``RuleID/yamlAnchor`` (printed `yaml-anchor`).
    public var ruleID: RuleID
    /// How serious it is.
    public var severity: Severity
    /// What is wrong: lowercase, names quoted with '…', no final period.
    public var message: String
    /// Where it is, when it is in a file.
    public var location: Location?
    /// What to do about it, when there is something to say.
    public var hint: String?
    /// The commit the finding is about, for history findings.
    public var commit: String?

    /// Creates a finding.
    public init(
        ruleID: RuleID, severity: Severity = .error, message: String, location: Location? = nil,
        hint: String? = nil, commit: String? = nil
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
        self.commit = commit
    }
}

/// A place in a file: the path as the user would type it, a 1-based line and column when the
/// finding is about a place in the file (nil when it is about the whole file: a file name, a
/// history record), and the JSON pointer of the value (empty for the whole document).
public struct Location: Sendable, Hashable, Comparable {
    /// The file's path, relative to where the user works when possible.
    public var path: String
    /// The line and column; nil for a finding about the whole file, which reports print with no
    /// line (`path: error: …`, a SARIF location without a region), never a made-up 1:1.
    public var position: SourcePosition?
    /// The JSON pointer of the value, e.g. `/intended_uses/risk_rating`.
    public var pointer: String
    /// Where the located text ends (just after it), when known; reports that give regions use it.
    public var end: SourcePosition?

    /// Creates a location.
    public init(path: String, position: SourcePosition? = nil, pointer: String = "", end: SourcePosition? = nil) {
        self.path = path
        self.position = position
        self.pointer = pointer
        self.end = end
    }

    /// `path:line:column` with a position, `path` without one: how text reports write the place.
    public var description: String { position.map { "\(path):\($0)" } ?? path }

    /// Locations sort by path, then position; a whole-file location comes before the file's lines.
    public static func < (lhs: Location, rhs: Location) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        switch (lhs.position, rhs.position) {
        case (let l?, let r?): return l < r
        case (nil, .some): return true
        default: return false
        }
    }
}

extension Finding: Comparable {
    /// Findings sort by file, then position, then severity, so reports read top to bottom.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        switch (lhs.location, rhs.location) {
        case (let l?, let r?) where l != r: return l < r
        case (nil, .some): return true
        case (.some, nil): return false
        default:
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            return (lhs.ruleID, lhs.message) < (rhs.ruleID, rhs.message)
        }
    }
}

extension Array where Element == Finding {
    /// The number of findings with severity `error`.
    public var errorCount: Int { count { $0.severity == .error } }
}
