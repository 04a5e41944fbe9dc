import Foundation

extension CardStore {
    /// `reference-transaction <state>`: refuses a transaction that replaces a commit recording
    /// card versions with an amended copy of it, whatever way the amend was asked for.
    ///
    /// `prepare-commit-msg` cannot tell `git commit --amend -m …` (or `-F`, `-c`) from a plain
    /// commit: git passes it the source `message` and no commit. The reference update can: an
    /// amend moves `HEAD` (or its branch) from the old commit to a new one with the very same
    /// parents, where a commit moves it to a child of the old one. In the `prepared` state a
    /// failing hook aborts the transaction, so the branch keeps the recorded commit. Other
    /// states, references outside `HEAD` and `refs/heads/`, creations and deletions pass.
    public func runReferenceTransaction(state: String, input: String) throws -> [Finding] {
        guard state == "prepared" else { return [] }
        var refused: Set<ObjectID> = []
        var findings: [Finding] = []
        for update in Self.parseRefUpdates(input, prePush: false)
        where update.reference == "HEAD" || update.reference.hasPrefix("refs/heads/") {
            guard update.old != zeroObjectID, update.new != zeroObjectID, update.old != update.new,
                let old = ObjectID(hex: update.old), let new = ObjectID(hex: update.new),
                !refused.contains(old),
                let oldCommit = try? repository.commit(old), let newCommit = try? repository.commit(new),
                oldCommit.parents == newCommit.parents,
                !(try lookup.records(in: oldCommit)).isEmpty
            else { continue }
            refused.insert(old)
            findings.append(
                Finding(
                    ruleID: .amendRefused,
                    message:
                        "amending commit \(old.short) rewrites the card versions it records; their tags point at it",
                    location: Location(path: update.reference),
                    hint:
                        "make a new commit instead ('git commit', or 'cardigan commit'); the branch keeps the commit")
            )
        }
        return findings
    }
}
