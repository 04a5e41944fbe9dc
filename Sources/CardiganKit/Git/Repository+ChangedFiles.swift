internal import CLibgit2
import Foundation

extension Repository {
    /// The files of folder `directory` that `commit` added, changed (new blob) or deleted
    /// (nil) against `parent` (all of them, as added, when there is no parent). Files in
    /// subfolders are not reported.
    public func changedFiles(in directory: String, from parent: ObjectID?, to commit: ObjectID) throws -> [(
        name: String, blob: ObjectID?
    )] {
        var special: [FolderEntryKind] = []
        return try changedFiles(in: directory, from: parent, to: commit, special: &special)
    }

    /// ``changedFiles(in:from:to:)``, and in `special` the added or changed entries that are
    /// not regular files (links, subfolders, submodules), found on the same walk.
    public func changedFiles(
        in directory: String, from parent: ObjectID?, to commit: ObjectID, special: inout [FolderEntryKind]
    ) throws -> [(name: String, blob: ObjectID?)] {
        let newTree = try subtreeID(at: directory, inCommit: commit)
        let oldTree = try parent.flatMap { try subtreeID(at: directory, inCommit: $0) }
        return try changedFiles(in: directory, fromTree: oldTree, toTree: newTree, commit: commit, special: &special)
    }

    /// ``changedFiles(in:from:to:special:)`` when the folder's trees in `commit` (`newTree`)
    /// and in its parent (`oldTree`) are known; nil for a commit or parent without the folder.
    func changedFiles(
        in directory: String, fromTree oldTree: ObjectID?, toTree newTree: ObjectID?, commit: ObjectID,
        special: inout [FolderEntryKind]
    ) throws -> [(name: String, blob: ObjectID?)] {
        if newTree == oldTree { return [] }
        guard let newTree else {
            return try oldTree.map { try treeEntries(of: $0).filter(\.isBlob).map { ($0.name, nil) } } ?? []
        }
        guard let oldTree else {
            special += try changedFolderEntries(in: directory, from: nil, to: commit).filter { $0.kind != nil }
            return try treeEntries(of: newTree).filter(\.isBlob).map { ($0.name, $0.id) }
        }
        // A walk over both trees in git's entry order, instead of git_diff_tree_to_tree: on a
        // folder of 1,000 cards where one changed, this makes Swift values for that one only.
        // Both trees are held here: loading the second may drop the first from `recentTrees`.
        reads.folderDiffsWalked += 1
        let oldLoaded = try loadedTree(oldTree)
        let newLoaded = try loadedTree(newTree)
        defer { withExtendedLifetime((oldLoaded, newLoaded)) {} }
        let old = oldLoaded.pointer
        let new = newLoaded.pointer
        let oldCount = git_tree_entrycount(old)
        let newCount = git_tree_entrycount(new)
        var changes: [(name: String, blob: ObjectID?)] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldCount || newIndex < newCount {
            let oldEntry = oldIndex < oldCount ? git_tree_entry_byindex(old, oldIndex) : nil
            let newEntry = newIndex < newCount ? git_tree_entry_byindex(new, newIndex) : nil
            let order: Int32 =
                if let oldEntry, let newEntry { git_tree_entry_cmp(oldEntry, newEntry) } else {
                    oldEntry == nil ? 1 : -1
                }
            if order == 0, let oldEntry, let newEntry {
                oldIndex += 1
                newIndex += 1
                if git_oid_equal(git_tree_entry_id(oldEntry), git_tree_entry_id(newEntry)) == 1
                    && git_tree_entry_filemode(oldEntry) == git_tree_entry_filemode(newEntry)
                {
                    continue
                }
                if let kind = Self.kind(of: git_tree_entry_filemode(newEntry)) {
                    special.append(FolderEntryKind(name: String(cString: git_tree_entry_name(newEntry)), kind: kind))
                }
                if git_tree_entry_type(newEntry) == GIT_OBJECT_BLOB {
                    changes.append(
                        (String(cString: git_tree_entry_name(newEntry)), ObjectID(git_tree_entry_id(newEntry))))
                } else if git_tree_entry_type(oldEntry) == GIT_OBJECT_BLOB {
                    changes.append((String(cString: git_tree_entry_name(oldEntry)), nil))  // a file became a folder
                }
            } else if order < 0, let oldEntry {
                oldIndex += 1
                if git_tree_entry_type(oldEntry) == GIT_OBJECT_BLOB {
                    changes.append((String(cString: git_tree_entry_name(oldEntry)), nil))
                }
            } else if let newEntry {
                newIndex += 1
                if let kind = Self.kind(of: git_tree_entry_filemode(newEntry)) {
                    special.append(FolderEntryKind(name: String(cString: git_tree_entry_name(newEntry)), kind: kind))
                }
                if git_tree_entry_type(newEntry) == GIT_OBJECT_BLOB {
                    changes.append(
                        (String(cString: git_tree_entry_name(newEntry)), ObjectID(git_tree_entry_id(newEntry))))
                }
            }
        }
        return changes
    }
}

extension Repository {
    /// Tree `id`, from the last two loaded or read now.
    func loadedTree(_ id: ObjectID) throws -> LoadedObject {
        if let recent = recentTrees.first(where: { $0.id == id }) { return recent.tree }
        var oid = id.oid
        var handle: OpaquePointer?
        try check(git_tree_lookup(&handle, pointer, &oid), "git_tree_lookup", reference: id.hex)
        guard let handle else { throw GitError.libgit2(function: "git_tree_lookup", code: -1, message: id.hex) }
        let tree = LoadedObject(pointer: handle)
        recentTrees.append((id, tree))
        if recentTrees.count > 2 { recentTrees.removeFirst() }
        return tree
    }
}
