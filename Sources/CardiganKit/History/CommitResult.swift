import Foundation

/// What `cardigan commit` or `cardigan status` did.
public struct CommitResult: Sendable {
    /// The records written, one per changed card; empty when nothing changed.
    public var records: [CardRecord] = []
    /// The commit made, if any.
    public var commit: String?
    /// The version tags created.
    public var tags: [String] = []
    /// The link tags created (`model-packages/<group>/<version>`).
    public var linkTags: [String] = []
    /// Things the user should know (a status rewritten to Draft, a retry after a race).
    public var notes: [String] = []
    /// Problems that stopped the commit; nothing was written when there are any.
    public var findings: [Finding] = []
    /// How many card files the commit read from the working tree: the cards it changes, not
    /// every card (those git's index vouches for are not read). Tests check it; not reported.
    var cardFilesRead = 0
}
