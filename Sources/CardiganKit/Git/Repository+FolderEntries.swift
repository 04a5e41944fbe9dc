internal import CLibgit2
import Foundation

/// An entry of a folder in git (a tree or the index) that is not a plain file: what a card
/// folder must not hold, since a card is read as the bytes of a regular file.
public struct FolderEntryKind: Sendable, Hashable {
    /// The entry's name in its folder.
    public var name: String
    /// What it is, in words: `a symbolic link`, `a folder`, `a submodule`, or nil for a regular file.
    public var kind: String?
}

extension Repository {
    /// The entries of folder `directory` in `commit` that are new or changed against `parent`
    /// (every entry when there is no parent), each with what it is: a card file that is a
    /// symbolic link (mode 120000), a subfolder or a submodule is reported by the callers, so
    /// a link in `cards/` never passes as a card. Empty when the folder did not change.
    public func changedFolderEntries(in directory: String, from parent: ObjectID?, to commit: ObjectID) throws
        -> [FolderEntryKind]
    {
        guard let newTree = try subtreeID(at: directory, inCommit: commit) else { return [] }
        let oldTree = try parent.flatMap { try subtreeID(at: directory, inCommit: $0) }
        if newTree == oldTree { return [] }
        var newOID = newTree.oid
        var new: OpaquePointer?
        try check(git_tree_lookup(&new, pointer, &newOID), "git_tree_lookup", reference: newTree.hex)
        defer { git_tree_free(new) }
        var old: OpaquePointer?
        if var oldOID = oldTree?.oid {
            try check(git_tree_lookup(&old, pointer, &oldOID), "git_tree_lookup", reference: oldTree?.hex)
        }
        defer { if let old { git_tree_free(old) } }
        var entries: [FolderEntryKind] = []
        for index in 0..<git_tree_entrycount(new) {
            guard let entry = git_tree_entry_byindex(new, index), let cName = git_tree_entry_name(entry) else {
                continue
            }
            if let old, let before = git_tree_entry_byname(old, cName),
                git_tree_entry_filemode(before) == git_tree_entry_filemode(entry),
                git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(entry)) == 1
            {
                continue
            }
            entries.append(
                FolderEntryKind(name: String(cString: cName), kind: Self.kind(of: git_tree_entry_filemode(entry))))
        }
        return entries
    }

    /// What a tree or index entry of `mode` is, in words; nil for a regular file.
    static func kind(of mode: git_filemode_t) -> String? {
        switch mode {
        case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: return nil
        case GIT_FILEMODE_LINK: return "a symbolic link"
        case GIT_FILEMODE_TREE: return "a folder"
        case GIT_FILEMODE_COMMIT: return "a submodule"
        default: return "not a regular file"
        }
    }
}
