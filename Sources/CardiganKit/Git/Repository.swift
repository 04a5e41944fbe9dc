internal import CLibgit2
import Foundation

/// A git repository opened through libgit2; owns the `git_repository` handle and frees it in
/// `deinit`. Every read and write cardigan makes to git goes through here.
///
/// Not `Sendable`: libgit2 allows one repository handle per thread. Code that reads on several
/// threads copies the bytes out first.
public final class Repository {
    let pointer: OpaquePointer
    /// The last trees ``changedFiles(in:from:to:)`` loaded: walking a linear history, each
    /// commit's folder is the next commit's parent folder, and libgit2 does not cache trees of
    /// more than 4 KiB.
    private var recentTrees: [(id: ObjectID, tree: LoadedObject)] = []
    /// The commit the last annotated tag pointed at: one commit of 1,000 new cards gets 2,000
    /// tags, and a commit whose trailers are over 4 KiB is not in libgit2's cache, so looking
    /// it up for each tag inflated and parsed it 2,000 times.
    var lastTagTarget: (id: ObjectID, object: LoadedObject)?
    /// The last commit ``rootTreeID(of:)`` read, with its root tree.
    private var lastRootTree: (commit: ObjectID, tree: ObjectID)?
    /// While ``writingObjectsAsOnePack(_:)`` runs: every object written so far, in order, for
    /// the pack (nil otherwise).
    var objectsForPack: [ObjectID]?
    /// How many references ``resolve(_:)`` has looked up: what tests read to tell a command whose
    /// look-ups follow its cards from one that looks up every tag.
    private(set) var referenceLookups = 0

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        // Objects and trees kept for speed go first: they belong to the repository.
        recentTrees.removeAll()
        lastTagTarget = nil
        git_repository_free(pointer)
    }

    /// The repository holding `path`, searched upwards from it as git does. A repository owned
    /// by another user is opened when git's `safe.directory` trusts it (``SafeDirectory``).
    public static func discover(
        from path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        Libgit2.initialize()
        var handle: OpaquePointer?
        var code = git_repository_open_ext(&handle, path, 0, nil)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EOWNER.rawValue,
            let foreign = SafeDirectory.foreignRepository(above: path)
        {
            guard SafeDirectory.trusts(foreign.path, environment: environment) else {
                throw GitError.notOwned(path: foreign.path, owner: foreign.owner)
            }
            SafeDirectory.disableOwnerValidation()
            code = git_repository_open_ext(&handle, path, 0, nil)
        }
        if code == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path: path) }
        try check(code, "git_repository_open_ext")
        guard let handle else { throw GitError.notARepository(path: path) }
        let repository = Repository(pointer: handle)
        try repository.applyConfigEnvironment(environment)
        return repository
    }

    /// The repository exactly at `path` (a working tree or a `.git`/bare folder), reading git's
    /// configuration from the files `environment` names, as git would.
    public static func open(
        at path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        Libgit2.initialize()
        var handle: OpaquePointer?
        let code = git_repository_open_ext(&handle, path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
        if code == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path: path) }
        try check(code, "git_repository_open_ext")
        guard let handle else { throw GitError.notARepository(path: path) }
        let repository = Repository(pointer: handle)
        try repository.applyConfigEnvironment(environment)
        return repository
    }

    /// The repository git's environment names (`GIT_DIR`, `GIT_OBJECT_DIRECTORY`,
    /// `GIT_ALTERNATE_OBJECT_DIRECTORIES`): what a server hook must open, since the objects being
    /// pushed wait in a quarantine folder that only these variables point at.
    public static func openFromEnvironment(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        Libgit2.initialize()
        var handle: OpaquePointer?
        try check(
            git_repository_open_ext(&handle, nil, UInt32(GIT_REPOSITORY_OPEN_FROM_ENV.rawValue), nil),
            "git_repository_open_ext")
        guard let handle else { throw GitError.notARepository(path: "$GIT_DIR") }
        let repository = Repository(pointer: handle)
        try repository.applyConfigEnvironment(environment)
        return repository
    }

    /// The working tree's folder, without a trailing slash; nil for a bare repository.
    public var workdir: String? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        return Self.trimmed(String(cString: path))
    }

    /// The `.git` folder (or the bare repository's folder), without a trailing slash.
    public var gitDirectory: String { Self.trimmed(String(cString: git_repository_path(pointer))) }

    /// Whether the repository is a shallow clone (its history cut off by `--depth`).
    public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// Whether the repository has no working tree.
    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    private static func trimmed(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    // MARK: References

    /// The full name of the branch HEAD points at (`refs/heads/main`), also while it has no
    /// commits; nil when HEAD is detached.
    public func currentBranch() throws -> String? {
        var head: OpaquePointer?
        try check(git_reference_lookup(&head, pointer, "HEAD"), "git_reference_lookup", reference: "HEAD")
        defer { git_reference_free(head) }
        guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(head)
        else {
            return nil
        }
        return String(cString: target)
    }

    /// The object `reference` points at, following symbolic references; for an annotated tag
    /// this is the tag object, not the commit. Nil when the reference does not exist.
    public func resolve(_ reference: String) throws -> ObjectID? {
        referenceLookups += 1
        var ref: OpaquePointer?
        let code = git_reference_lookup(&ref, pointer, reference)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_reference_lookup", reference: reference)
        defer { git_reference_free(ref) }
        var resolved: OpaquePointer?
        let resolveCode = git_reference_resolve(&resolved, ref)
        if resolveCode == GIT_ENOTFOUND.rawValue { return nil }  // a symbolic ref to an unborn branch
        try check(resolveCode, "git_reference_resolve", reference: reference)
        defer { git_reference_free(resolved) }
        return git_reference_target(resolved).map(ObjectID.init)
    }

    /// Every reference whose name matches `glob` (`*` also matches `/`), with its direct target.
    public func references(matching glob: String) throws -> [(name: String, target: ObjectID)] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, pointer, glob), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var found: [(name: String, target: ObjectID)] = []
        while true {
            var ref: OpaquePointer?
            let code = git_reference_next(&ref, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_reference_next")
            defer { git_reference_free(ref) }
            if let target = git_reference_target(ref) {
                found.append((String(cString: git_reference_name(ref)), ObjectID(target)))
            }
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Whether any reference matches `glob` (loose or packed): the first one the iterator
    /// yields answers, so no other reference file is read.
    public func hasReference(matching glob: String) throws -> Bool {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_glob_new(&iterator, pointer, glob), "git_reference_iterator_glob_new")
        defer { git_reference_iterator_free(iterator) }
        var name: UnsafePointer<CChar>?
        let code = git_reference_next_name(&name, iterator)
        if code == GIT_ITEROVER.rawValue { return false }
        try check(code, "git_reference_next_name")
        return true
    }

    /// The commit `spec` names (`main`, `HEAD~2`, an id, a tag), peeled to a commit.
    public func revparse(_ spec: String) throws -> ObjectID {
        var object: OpaquePointer?
        try check(git_revparse_single(&object, pointer, spec), "git_revparse_single", reference: spec)
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel", reference: spec)
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit))
    }

    // MARK: Objects

    /// The commit `id`.
    public func commit(_ id: ObjectID) throws -> CommitInfo {
        var oid = id.oid
        var commit: OpaquePointer?
        try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup", reference: id.hex)
        defer { git_commit_free(commit) }
        let parents = (0..<git_commit_parentcount(commit)).compactMap {
            git_commit_parent_id(commit, $0).map(ObjectID.init)
        }
        return CommitInfo(
            id: id, tree: ObjectID(git_commit_tree_id(commit)), parents: parents,
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
    private func entryID(at path: String, inCommit commitID: ObjectID) throws -> (id: ObjectID, isBlob: Bool)? {
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

    /// The root tree of `commit`, the last one kept: a commit of 1,000 new cards carries 1,000
    /// trailer groups, over libgit2's 4 KiB cache limit for commits.
    private func rootTreeID(of commitID: ObjectID) throws -> ObjectID {
        if let last = lastRootTree, last.commit == commitID { return last.tree }
        let tree = try commit(commitID).tree
        lastRootTree = (commitID, tree)
        return tree
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
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    /// The annotated tag object `id`; nil when `id` is not a tag object (a lightweight tag
    /// points straight at a commit).
    public func tag(_ id: ObjectID) throws -> TagInfo? {
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

    // MARK: History

    /// Whether `commit` has `ancestor` in its history; a commit counts as its own descendant.
    public func isDescendant(_ commit: ObjectID, of ancestor: ObjectID) throws -> Bool {
        if commit == ancestor { return true }
        var commitOID = commit.oid
        var ancestorOID = ancestor.oid
        return try check(git_graph_descendant_of(pointer, &commitOID, &ancestorOID), "git_graph_descendant_of") == 1
    }

    /// The best common ancestor of `one` and `other`, nil when they share no history.
    public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws -> ObjectID? {
        var result = git_oid()
        var first = one.oid
        var second = other.oid
        let code = git_merge_base(&result, pointer, &first, &second)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_merge_base")
        return ObjectID(result)
    }

    /// The commits reachable from `head` but not from any of `hiding`, parents before children.
    public func commitsOldestFirst(from head: ObjectID, hiding: [ObjectID] = []) throws -> [ObjectID] {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        try check(
            git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue), "git_revwalk_sorting")
        var headOID = head.oid
        try check(git_revwalk_push(walk, &headOID), "git_revwalk_push", reference: head.hex)
        for hidden in hiding {
            var oid = hidden.oid
            try check(git_revwalk_hide(walk, &oid), "git_revwalk_hide", reference: hidden.hex)
        }
        var commits: [ObjectID] = []
        var oid = git_oid()
        while true {
            let code = git_revwalk_next(&oid, walk)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_revwalk_next")
            commits.append(ObjectID(oid))
        }
        return commits
    }

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

/// A git object looked up by libgit2 — a commit, or a tree (`git_tree_free` is `git_object_free`)
/// — owned and freed in `deinit`.
final class LoadedObject {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_object_free(pointer)
    }
}

extension Repository {
    /// Tree `id`, from the last two loaded or read now.
    fileprivate func loadedTree(_ id: ObjectID) throws -> LoadedObject {
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
