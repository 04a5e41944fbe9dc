internal import CLibgit2
import Foundation

extension Repository {
    /// Commit `id`'s parents and the values of its `Card` trailers, as ``CardRecord/parse(trailers:)``
    /// would see them in ``RecordLookup/records(in:)``: none unless the message holds `Card: `.
    /// What ``CommitCardIndex`` learns of a commit it has not seen; the message is searched in
    /// libgit2's copy and only a message naming a card is copied out to be parsed.
    func parentsAndCardTrailers(of id: ObjectID) throws -> (parents: [ObjectID], cards: [String]) {
        commitsRead += 1
        var oid = id.oid
        var handle: OpaquePointer?
        try check(git_commit_lookup(&handle, pointer, &oid), "git_commit_lookup", reference: id.hex)
        defer { git_commit_free(handle) }
        let parents = (0..<git_commit_parentcount(handle)).compactMap {
            git_commit_parent_id(handle, $0).map(ObjectID.init)
        }
        guard let message = git_commit_message(handle), Self.bytes(of: message, contain: "Card: ") else {
            return (parents, [])
        }
        // The same text, copied as `commit(_:)` copies it, so the trailers are those the records come from.
        let cards = try trailers(of: String(cString: message)).filter { $0.key == "Card" }.map(\.value)
        return (parents, cards)
    }
}
