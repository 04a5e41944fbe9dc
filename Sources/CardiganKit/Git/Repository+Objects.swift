internal import CLibgit2
import Foundation

extension Repository {
    /// The commit `id`.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        reads.commitsCopied += 1
        reads.commitsRead += 1
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup", reference: id.hex)
        defer { git_commit_free(commit) }
        let parents = (0..<git_commit_parentcount(commit)).compactMap {
            git_commit_parent_id(commit, $0).map(ObjectID.init)
        }
        let tree = ObjectID(git_commit_tree_id(commit))
        rootTrees[id] = tree
        return CommitInfo(
            id: id, tree: tree, parents: parents,
            message: String(cString: git_commit_message(commit)),
            summary: git_commit_summary(commit).map { String(cString: $0) } ?? "",
            author: Signature(git_commit_author(commit)), committer: Signature(git_commit_committer(commit)))
    }

    /// The trailers of a commit message (`Key: value` lines of its last paragraph), in order.
    public func trailers(of message: String) throws -> [(key: String, value: String)] {
        var array = git_message_trailer_array()
        try check(git_message_trailers(&array, message), "git_message_trailers")
        defer { git_message_trailer_array_free(&array) }
        return (0..<array.count).map { index in
            let trailer = array.trailers[index]
            return (String(cString: trailer.key), String(cString: trailer.value))
        }
    }

    /// The object id of `path` in the tree of `commit`, nil when absent.
    ///
    /// Each folder on the way is read through ``loadedTree(_:)``, which keeps the last two:
    /// committing 1,000 cards looks up 1,000 files in one 40 KiB folder, and libgit2 does not
    /// cache trees over 4 KiB, so it would otherwise inflate that tree 1,000 times.
    func entryID(at path: String, inCommit commitID: ObjectID) throws -> (id: ObjectID, isBlob: Bool)? {
        let folderTree: ObjectID
        let name: Substring
        if let slash = path.lastIndex(of: "/") {
            guard let folder = try entryID(at: String(path[..<slash]), inCommit: commitID), !folder.isBlob else {
                return nil
            }
            folderTree = folder.id
            name = path[path.index(after: slash)...]
        } else {
            folderTree = try rootTreeID(of: commitID)
            name = Substring(path)
        }
        let tree = try loadedTree(folderTree)
        guard let entry = git_tree_entry_byname(tree.pointer, String(name)) else { return nil }
        return (ObjectID(git_tree_entry_id(entry)), git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
    }

    /// The root tree of `commit`, known without reading it again once read (see ``rootTrees``).
    func rootTreeID(of commitID: ObjectID) throws -> ObjectID {
        if let known = rootTrees[commitID] { return known }
        return try commit(commitID).tree
    }

    /// The blob id of `path` in `commit`, nil when absent or not a file.
    public func blobID(at path: String, inCommit commit: ObjectID) throws -> ObjectID? {
        guard let entry = try entryID(at: path, inCommit: commit), entry.isBlob else { return nil }
        return entry.id
    }

    /// The bytes of `path` (`cards/x.yaml`) in `commit`, nil when absent.
    public func blob(at path: String, inCommit commit: ObjectID) throws -> [UInt8]? {
        guard let id = try blobID(at: path, inCommit: commit) else { return nil }
        return try readBlob(id)
    }

    /// The tree id of folder `path` in `commit`, nil when absent: equal ids mean nothing in it
    /// changed.
    public func subtreeID(at path: String, inCommit commit: ObjectID) throws -> ObjectID? {
        guard let entry = try entryID(at: path, inCommit: commit), !entry.isBlob else { return nil }
        return entry.id
    }

    /// The entries of folder `path` in `commit`; empty when there is no such folder.
    public func treeEntries(at path: String, inCommit commit: ObjectID) throws -> [TreeEntry] {
        guard let treeID = try subtreeID(at: path, inCommit: commit) else { return [] }
        return try treeEntries(of: treeID)
    }

    func treeEntries(of treeID: ObjectID) throws -> [TreeEntry] {
        var oid = treeID.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup", reference: treeID.hex)
        defer { git_tree_free(tree) }
        return (0..<git_tree_entrycount(tree)).compactMap { index in
            guard let entry = git_tree_entry_byindex(tree, index) else { return nil }
            return TreeEntry(
                name: String(cString: git_tree_entry_name(entry)), id: ObjectID(git_tree_entry_id(entry)),
                isBlob: git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
        }
    }

    /// The bytes of blob `id`.
    public func readBlob(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup", reference: id.hex)
        defer { git_blob_free(blob) }
        reads.blobsRead += 1
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The annotated tag object `id`; nil when `id` is not a tag object (a lightweight tag
    /// points straight at a commit).
    public func tag(_ id: ObjectID) throws -> TagInfo? {
        reads.tagObjectsRead += 1
        var oid = id.oid
        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup", reference: id.hex)
        defer { git_object_free(object) }
        guard git_object_type(object) == GIT_OBJECT_TAG else { return nil }
        let tag = object  // a git_object of type tag is a git_tag
        return TagInfo(
            id: id, name: String(cString: git_tag_name(tag)), target: ObjectID(git_tag_target_id(tag)),
            targetIsCommit: git_tag_target_type(tag) == GIT_OBJECT_COMMIT,
            message: git_tag_message(tag).map { String(cString: $0) } ?? "",
            tagger: git_tag_tagger(tag).map(Signature.init))
    }

    /// The commit `id` leads to (itself, or what a tag points at); nil when it leads to none.
    public func peelToCommit(_ id: ObjectID) throws -> ObjectID? {
        var oid = id.oid
        var object: OpaquePointer?
        guard git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY) == 0 else { return nil }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        guard git_object_peel(&commit, object, GIT_OBJECT_COMMIT) == 0 else { return nil }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }
}
