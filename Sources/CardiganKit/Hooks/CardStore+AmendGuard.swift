import Foundation

extension CardStore {
    /// `reference-transaction <state>` in the repository around `directory`: refuses replacing a
    /// commit that records card versions with an amended copy of it, whatever way the amend was
    /// asked for, and notes any other move that leaves such commits off a branch.
    ///
    /// `prepare-commit-msg` cannot tell `git commit --amend -m …` (or `-F`, `-c`) from a plain
    /// commit: git passes it the source `message` and no commit. The branch's move can: an amend
    /// moves it from the old commit to a new one with the very same parents, which no other
    /// branch has yet. A reset to an existing commit (a sibling made on another branch, an
    /// ancestor) is the user's explicit move: it goes through with a note, since the version
    /// tags stay on the commits that recorded them and `verify`, `pre-push` and the server's
    /// `pre-receive` refuse a rewrite of the protected branch. In the `prepared` state a failing
    /// hook aborts the transaction, so the branch keeps the recorded commit.
    ///
    /// A plain commit (the new commit's parent is the old one), nearly every transaction that
    /// gets here, reads that one commit and nothing of the card workspace.
    public static func runReferenceTransaction(
        state: String, input: String, directory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> (refusals: [Finding], notes: [String]) {
        guard state == "prepared" else { return ([], []) }
        let moves = BranchMove.parse(input)
        guard !moves.isEmpty else { return ([], []) }
        let repository = try discoverRepository(from: directory, environment: environment)
        let others = moves.filter { move in
            !((try? repository.commit(move.new).parents.contains(move.old)) ?? false)
        }
        guard !others.isEmpty else { return ([], []) }
        return try CardStore(repository: repository, environment: environment).judgeBranchMoves(others)
    }

    /// Refuses each move in `moves` that replaces a recording commit with a new commit on the
    /// same parents; notes each other move whose new commit does not contain commits that
    /// record card versions. Fast-forwards and moves that leave only commits without records pass.
    func judgeBranchMoves(_ moves: [BranchMove]) throws -> (refusals: [Finding], notes: [String]) {
        var refusals: [Finding] = []
        var notes: [String] = []
        for move in moves {
            guard let oldCommit = try? repository.commit(move.old), let newCommit = try? repository.commit(move.new),
                !(try repository.isDescendant(move.new, of: move.old))
            else { continue }
            var records: [CardRecord] = []
            for id in try repository.commitsOldestFirst(from: move.old, hiding: [move.new]).reversed() {
                records += try lookup.records(in: repository.commit(id))
            }
            guard !records.isEmpty else { continue }
            let (old, new) = (move.old.short, move.new.short)
            if oldCommit.parents == newCommit.parents, !(try isOnAnotherBranch(move.new, besides: move.reference)) {
                refusals.append(
                    Finding(
                        ruleID: .amendRefused,
                        message:
                            "replacing commit \(old) on '\(move.branch)' with \(new), a new commit on the same parents (an amend), drops \(Self.describe(records)) from the branch while the tags point at \(old)",
                        location: Location(path: move.reference),
                        hint:
                            "make a new commit on top instead ('git commit', or 'cardigan commit'); the branch stays at \(old)"
                    ))
            } else {
                notes.append(
                    "cardigan: note: '\(move.branch)' moved from \(old) to \(new), which does not contain \(Self.describe(records)); the tags stay on the commits that recorded them, and 'cardigan verify' reports them while no branch has those commits ('git reset --hard \(old)' moves back)"
                )
            }
        }
        return (refusals, notes)
    }

    /// Whether a branch other than `reference`, or a remote-tracking branch, contains `commit`:
    /// then the move is to a commit that exists already (a reset), not to a freshly made copy.
    private func isOnAnotherBranch(_ commit: ObjectID, besides reference: String) throws -> Bool {
        let tips = try
            (repository.references(matching: "refs/heads/*") + repository.references(matching: "refs/remotes/*"))
            .filter { $0.name != reference }.map(\.target)
        if tips.contains(commit) { return true }
        return try tips.contains { try repository.isDescendant($0, of: commit) }
    }

    /// `the record of 'x' v2`, `the records of 'x' v3, 'x' v2 and 'y' v1`: at most three named.
    private static func describe(_ records: [CardRecord]) -> String {
        var names: [String] = []
        for record in records where !names.contains("'\(record.card)' v\(record.version)") {
            names.append("'\(record.card)' v\(record.version)")
        }
        let shown = names.count > 3 ? Array(names.prefix(3)) + ["\(names.count - 3) more"] : names
        let list = shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
        return (names.count == 1 ? "the record of " : "the records of ") + list
    }
}
