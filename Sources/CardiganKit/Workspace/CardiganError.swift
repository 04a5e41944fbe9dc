/// A problem with the environment or the request rather than with a card: no repository, an
/// unreadable file, a bad configuration, a wrong argument. Commands exit with 2 on these.
public struct CardiganError: Error, CustomStringConvertible, Sendable {
    /// What went wrong: lowercase, names quoted, no final period.
    public var message: String
    /// Where, when it is about a file.
    public var location: Location?
    /// What to do about it.
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, location: Location? = nil, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// A libgit2 failure as an environment error: its description is the message. The CLI's
    /// exit-status mapping is the one caller; the library lets ``GitError`` through as it is.
    public init(_ error: GitError) {
        self.init(error.description)
    }

    /// The error as a compiler would print it: `path:line:column: error: message`, then the hint.
    public var description: String {
        var text = ""
        if let location { text += "\(location.path):\(location.position): " }
        text += "error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
