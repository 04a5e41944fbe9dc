/// A problem with the environment or the request rather than with a card: no repository, an
/// unreadable file, a bad configuration, a wrong argument. Commands exit with 2 on these.
public struct CardiganError: Error, CustomStringConvertible, Sendable {
    /// What went wrong: lowercase, names quoted, no final period.
    public var message: String
    /// Where, when it is about a file.
    public var location: Location?
    /// What to do about it.
    public var hint: String?
    /// The rule it breaks, when it is one a finding would name (an unusable approval policy:
    /// ``RuleID/approvalPolicy``), printed after the message as findings print it.
    public var ruleID: RuleID?

    /// Creates an error.
    public init(_ message: String, location: Location? = nil, hint: String? = nil, ruleID: RuleID? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
        self.ruleID = ruleID
    }

    /// A libgit2 failure as an environment error: its description is the message, except for a
    /// damaged repository (a corrupted reference, a missing object), which is said in cardigan's
    /// words with what to do, libgit2's function and code kept in the hint. The CLI's
    /// exit-status mapping is the one caller; the library lets ``GitError`` through as it is.
    public init(_ error: GitError) {
        switch error {
        case .libgit2(let function, let code, let message)
        where message.hasPrefix("corrupted loose reference file: refs/tags/"):
            // A tag's reference file is re-made from the trailers; `verify` names which one.
            self.init(
                "the repository is damaged: \(message)",
                hint:
                    "'cardigan verify' names the damaged tag reference: delete its file and run 'cardigan verify --repair' (libgit2: \(function) failed (\(code)))"
            )
        case .libgit2(let function, let code, let message) where message.hasPrefix("corrupted "):
            self.init(
                "the repository is damaged: \(message)",
                hint:
                    "'git fsck' names what is damaged; a fresh clone of the remote restores it (libgit2: \(function) failed (\(code)))"
            )
        case .notFound(let message) where message.contains("object not found"):
            self.init(
                "the repository is damaged: an object it needs is missing (\(message))",
                hint:
                    "'git fsck' names what is missing; in a shallow or partial clone fetch it ('git fetch --unshallow --tags', or 'git fetch origin'), otherwise a fresh clone of the remote restores it"
            )
        default:
            self.init(error.description)
        }
    }

    /// The error as a compiler would print it: `path:line:column: error: message`, then the hint.
    public var description: String {
        var text = ""
        if let location { text += "\(location.description): " }
        text += "error: \(message)"
        if let ruleID { text += " [\(ruleID.rawValue)]" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
