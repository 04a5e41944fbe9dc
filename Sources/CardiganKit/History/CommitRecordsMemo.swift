/// The records of one large commit, grouped by card, kept by ``RecordLookup/lastRecord(of:head:)``.
///
/// Committing N changed cards asks for each card's last record, and the walk for every one of
/// them starts at the same head commit, whose message carries N trailer groups. Read and
/// parsed again per card, that is N² work (1,000 cards 3.7 s, 2,000 cards 11.1 s, 4,000 cards
/// 40.2 s): libgit2 does not cache a commit over 4 KiB, so each lookup also inflated the whole
/// message again. Commits are immutable, so the memo never goes stale.
struct CommitRecordsMemo {
    /// The messages worth keeping: smaller commits stay in libgit2's cache and are skipped
    /// unparsed when they do not name the card, which is cheaper than grouping their records.
    static let minimumMessageBytes = 4096

    /// The commit whose records these are.
    let commit: ObjectID
    /// Its parents, so the walk goes on without reading it again.
    let parents: [ObjectID]
    /// Its records, by card, in trailer order.
    let recordsByCard: [String: [CardRecord]]

    /// The memo of `commit` with its `records`.
    init(commit: ObjectID, parents: [ObjectID], records: [CardRecord]) {
        self.commit = commit
        self.parents = parents
        self.recordsByCard = Dictionary(grouping: records, by: \.card)
    }
}
