/// What a ``Repository`` has read, counted for tests: they tell a command whose reads follow its
/// cards from one that reads every commit of the history or every tag object.
///
/// One plain value on the repository (``Repository/reads``), read and reset there: counting is an
/// integer add, and nothing else happens when no test looks.
struct ReadCounts: Equatable, Sendable {
    /// References ``Repository/resolve(_:)`` has looked up.
    var referenceLookups = 0
    /// Commits ``Repository/commit(_:)`` has copied out of libgit2, message and all.
    var commitsCopied = 0
    /// Commits read in any way: copied out, searched in place, or passed by a revision walk.
    var commitsRead = 0
    /// Tag objects read: looked up by ``Repository/tag(_:)`` or parsed by
    /// ``Repository/plainTagMessages(_:)``.
    var tagObjectsRead = 0
    /// Pairs of cards-folder trees ``Repository/changedFiles(in:fromTree:toTree:commit:special:)``
    /// has walked (a warm `verify` knows each commit's changes from ``TreeDiffCache``).
    var folderDiffsWalked = 0
    /// Index files read whole (``StagedIndex``): the pre-commit hook reads one, once.
    var indexesRead = 0
    /// Blobs ``Repository/readBlob(_:)`` has copied out of libgit2.
    var blobsRead = 0

    /// Every count back to zero, to count what one command reads.
    mutating func reset() { self = ReadCounts() }
}
