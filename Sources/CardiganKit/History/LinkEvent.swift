import Foundation

/// A link made on the branch: what `verify` expects a link tag to say.
struct LinkEvent: Sendable, Hashable {
    /// The package, `<group>/<version>`.
    var package: String
    /// The card that links it.
    var card: String
    /// The card version that made the link.
    var version: Int
    /// The commit of that version.
    var commit: String
}
