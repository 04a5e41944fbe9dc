internal import CLibgit2
import Foundation

/// One folder of the index as the pre-commit hook needs it, read in one pass over the index:
/// what is in it, what cannot be a file of it, and what differs from a commit's folder.
struct StagedFolder {
    /// The names of the entries directly in the folder, in the index's order, once each.
    var names: [String] = []
    /// What the folder holds that is not a regular file directly in it: links, submodules
    /// (each stage of a conflicted path), and files in subfolders (named by their first folder).
    var hazards: [FolderEntryKind] = []
    /// The entries directly in the folder whose staged object differs from the commit's (or that
    /// the commit's folder lacks, or holds as something other than a file), with the staged id
    /// (of the last stage, as a listing of the index keeps it); and the commit's files the index
    /// lacks, with nil.
    var changed: [(name: String, staged: ObjectID?)] = []
}

extension Repository {
    /// Folder `directory` of the index `staged` against the same folder in `commit` (nil: an
    /// unborn branch, whose folder is empty).
    ///
    /// The hook compared two listings of the folder, each entry copied into strings and an
    /// object id's hex: at 10,000 cards the index was read three times and a quarter of a
    /// million `String`s made to find the one staged card. Here the index is read once, entries
    /// are compared as bytes with the commit's tree (a binary search per entry), and only the
    /// names are copied.
    func stagedFolder(_ directory: String, in staged: StagedIndex, against commit: ObjectID?) throws -> StagedFolder {
        let index = staged.pointer
        var tree: OpaquePointer?
        if let commit, let treeID = try subtreeID(at: directory, inCommit: commit) {
            var oid = treeID.oid
            try check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup", reference: treeID.hex)
        }
        defer { if let tree { git_tree_free(tree) } }
        let prefix = Array((directory + "/").utf8)
        var folder = StagedFolder()
        var folders = Set<String>()
        var matched = 0  // the commit's files that the index holds too
        let count = git_index_entrycount(index)
        for position in 0..<count {
            guard let entry = git_index_get_byindex(index, position), let cPath = entry.pointee.path else { continue }
            let length = strlen(cPath)
            let path = UnsafeRawBufferPointer(start: cPath, count: length).bindMemory(to: UInt8.self)
            guard length > prefix.count, path.starts(with: prefix) else { continue }
            let name = UnsafeBufferPointer(rebasing: path[prefix.count...])
            if let slash = name.firstIndex(of: UInt8(ascii: "/")) {
                let first = String(decoding: name[..<slash], as: UTF8.self)
                if folders.insert(first).inserted {
                    folder.hazards.append(FolderEntryKind(name: first, kind: "a folder"))
                }
                continue
            }
            let text = String(decoding: name, as: UTF8.self)
            if let kind = Self.kind(of: git_filemode_t(entry.pointee.mode)) {
                folder.hazards.append(FolderEntryKind(name: text, kind: kind))
            }
            // Conflict stages of one path follow each other: the last one is the path's entry.
            if position + 1 < count, let next = git_index_get_byindex(index, position + 1)?.pointee.path,
                strcmp(next, cPath) == 0
            {
                continue
            }
            folder.names.append(text)
            let base = cPath + prefix.count
            if let tree, let committed = git_tree_entry_byname(tree, base),
                git_tree_entry_type(committed) == GIT_OBJECT_BLOB
            {
                matched += 1
                var staged = entry.pointee.id
                if git_oid_equal(&staged, git_tree_entry_id(committed)) == 1 { continue }
            }
            folder.changed.append((text, ObjectID(entry.pointee.id)))
        }
        guard let tree else { return folder }
        var files = 0
        for position in 0..<git_tree_entrycount(tree) {
            if let entry = git_tree_entry_byindex(tree, position), git_tree_entry_type(entry) == GIT_OBJECT_BLOB {
                files += 1
            }
        }
        guard files > matched else { return folder }
        // Some of the commit's files are not staged: removed from the index.
        for position in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, position), git_tree_entry_type(entry) == GIT_OBJECT_BLOB,
                let cName = git_tree_entry_name(entry)
            else { continue }
            let path = directory + "/" + String(cString: cName)
            var found = 0
            if git_index_find(&found, index, path) != 0 { folder.changed.append((String(cString: cName), nil)) }
        }
        return folder
    }
}
