internal import CLibgit2
import Foundation

extension Repository {
    /// Commit `id`'s parents, and the whole commit only when its message holds `needle`
    /// (compared as UTF-8 bytes): a walk for one card's records passes hundreds of commits that
    /// record other cards, each message some 20 KiB at 10,000 cards, and copying every one
    /// into a `String` to search it was most of `log`'s own work. The search runs on libgit2's
    /// copy of the message. Only a copied commit counts in ``ReadCounts/commitsCopied``.
    func commit(_ id: ObjectID, ifMessageContains needle: String) throws -> (parents: [ObjectID], commit: CommitInfo?) {
        reads.commitsRead += 1
        var oid = id.oid
        var handle: OpaquePointer?
        try check(git_commit_lookup(&handle, pointer, &oid), "git_commit_lookup", reference: id.hex)
        defer { git_commit_free(handle) }
        guard let message = git_commit_message(handle), Self.bytes(of: message, contain: needle) else {
            let parents = (0..<git_commit_parentcount(handle)).compactMap {
                git_commit_parent_id(handle, $0).map(ObjectID.init)
            }
            return (parents, nil)
        }
        let info = try commit(id)
        reads.commitsRead -= 1  // one commit, read once
        return (info.parents, info)
    }

    /// Whether the C string `text` holds `part` (an empty `part` is in every text), by the C
    /// library's `strstr`; a `part` holding a NUL byte is looked for up to it.
    static func bytes(of text: UnsafePointer<CChar>, contain part: String) -> Bool {
        strstr(text, part) != nil
    }

}

extension Libgit2 {
    /// Lets libgit2 keep commits of up to `bytes` in its object cache (4 KiB by default): a
    /// revision walk reads every commit once for its parents, and a commit over the limit was
    /// inflated again when the walk's caller read its message. At 10,000 cards a scripted
    /// commit's trailers are 20 KiB. The cache's total stays bounded by its own limit.
    static func keepCommitsInCache(upTo bytes: Int) {
        initialize()
        _ = cardigan_set_cache_object_limit(GIT_OBJECT_COMMIT, bytes)
    }
}
