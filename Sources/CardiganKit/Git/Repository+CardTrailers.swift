internal import CLibgit2
import Foundation

extension Repository {
    /// Commit `id`'s parents and the values of its `Card` trailers, as ``CardRecord/parse(trailers:)``
    /// would see them in ``RecordLookup/records(in:)``: none unless the message holds `Card: `.
    /// What ``CommitCardIndex`` learns of a commit it has not seen; the message is searched in
    /// libgit2's copy and only a message naming a card is copied out to be parsed.
    func parentsAndCardTrailers(of id: ObjectID) throws -> (parents: [ObjectID], cards: [String]) {
        reads.commitsRead += 1
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
        let cards = try trailers(of: String(cString: message), groupOf: nil).map(\.value)
        return (parents, cards)
    }

    /// The trailers of `message` that ``CardRecord/parse(trailers:)`` reads for card `card`:
    /// each group from a `Card: <card>` trailer up to the next `Card` trailer, in order. The
    /// records of a group depend on that group alone, so these give the card's records; only
    /// they are copied into strings (a commit of 10,000 cards holds 50,000 trailers). With
    /// `card` nil, the `Card` trailers alone, whatever card they name.
    func trailers(of message: String, groupOf card: String?) throws -> [(key: String, value: String)] {
        var array = git_message_trailer_array()
        try check(git_message_trailers(&array, message), "git_message_trailers")
        defer { git_message_trailer_array_free(&array) }
        var found: [(key: String, value: String)] = []
        var inGroup = false
        for index in 0..<array.count {
            let trailer = array.trailers[index]
            guard let key = trailer.key, let value = trailer.value else { continue }
            if strcmp(key, "Card") == 0 {
                guard let card else {
                    found.append(("Card", String(cString: value)))
                    continue
                }
                inGroup = strcmp(value, card) == 0
            }
            if inGroup { found.append((String(cString: key), String(cString: value))) }
        }
        return found
    }
}
