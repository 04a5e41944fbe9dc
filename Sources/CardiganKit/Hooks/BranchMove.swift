import Foundation

/// A branch moving from one commit to another, read from git's `reference-transaction` input:
/// the only kind of reference update that can take a recorded card version off a branch.
struct BranchMove: Equatable {
    /// The full reference name, `refs/heads/<branch>`.
    var reference: String
    /// The commit the branch is on.
    var old: ObjectID
    /// The commit the branch would move to.
    var new: ObjectID

    /// The branch's short name, as git prints it.
    var branch: String { String(reference.dropFirst("refs/heads/".count)) }

    /// The moves among `input`'s `<old> <new> <reference>` lines. `HEAD` is left out: on a
    /// branch, git lists that branch in the same transaction; detached, moving it takes nothing
    /// off a branch. Creations and deletions (a zero id), tags, remote-tracking branches and
    /// other references pass, as the hook script's own filter lets them.
    static func parse(_ input: String) -> [BranchMove] {
        input.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[2].hasPrefix("refs/heads/"), fields[0] != fields[1],
                let old = ObjectID(hex: String(fields[0])), let new = ObjectID(hex: String(fields[1])),
                old.hex != zeroObjectID, new.hex != zeroObjectID
            else { return nil }
            return BranchMove(reference: String(fields[2]), old: old, new: new)
        }
    }
}
