internal import CLibgit2
import Foundation

extension Repository {
    /// Stores `bytes` as a blob. `hashed`: their id, when the caller computed it
    /// (``ObjectID/ofBlob(_:)``, on another thread): while the objects go into one pack, the
    /// blob is given to the in-memory backend under that id, as libgit2 would after hashing the
    /// bytes again (a quarter of a large commit's work on its one thread). `git fsck` and every
    /// read with hash verification on still hash the blob against its id.
    public func writeBlob(_ bytes: [UInt8], hashed: ObjectID? = nil) throws -> ObjectID {
        if let hashed, let staging = packStaging, let write = staging.pointee.write {
            var oid = hashed.oid
            _ = try bytes.withUnsafeBytes { buffer in
                try check(write(staging, &oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "git_mempack write")
            }
            return written(hashed)
        }
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try check(
                git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count),
                "git_blob_create_from_buffer")
        }
        return written(ObjectID(oid))
    }

    /// The id `bytes` have as a blob; nothing is written.
    public func blobID(of bytes: [UInt8]) throws -> ObjectID {
        try ObjectID.ofBlob(bytes)
    }

    /// A tree: the tree of `commit` (empty when nil) with `files` replaced (nested paths such as
    /// `cards/x.yaml`; nil deletes). Built with tree builders, never through the index.
    public func writeTree(basedOn commit: ObjectID?, replacing files: [String: ObjectID?]) throws -> ObjectID {
        var base: ObjectID?
        if let commit { base = try self.commit(commit).tree }
        return try writeTree(base: base, changes: files.map { (Substring($0.key), $0.value) })
    }

    private func writeTree(base: ObjectID?, changes: [(path: Substring, blob: ObjectID?)]) throws -> ObjectID {
        var baseTree: OpaquePointer?
        if let base {
            var oid = base.oid
            try check(git_tree_lookup(&baseTree, pointer, &oid), "git_tree_lookup", reference: base.hex)
        }
        defer { git_tree_free(baseTree) }
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, pointer, baseTree), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        var nested: [Substring: [(path: Substring, blob: ObjectID?)]] = [:]
        for change in changes {
            if let slash = change.path.firstIndex(of: "/") {
                nested[change.path[..<slash], default: []].append(
                    (change.path[change.path.index(after: slash)...], change.blob))
            } else if let blob = change.blob {
                var oid = blob.oid
                try check(
                    git_treebuilder_insert(nil, builder, String(change.path), &oid, GIT_FILEMODE_BLOB),
                    "git_treebuilder_insert",
                    reference: String(change.path))
            } else if git_treebuilder_get(builder, String(change.path)) != nil {
                try check(git_treebuilder_remove(builder, String(change.path)), "git_treebuilder_remove")
            }
        }
        for (folder, folderChanges) in nested {
            let name = String(folder)
            var existing: ObjectID?
            if let entry = git_treebuilder_get(builder, name), git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                existing = ObjectID(git_tree_entry_id(entry))
            }
            let subtree = try writeTree(base: existing, changes: folderChanges)
            if try treeEntries(of: subtree).isEmpty {
                if git_treebuilder_get(builder, name) != nil {
                    try check(git_treebuilder_remove(builder, name), "git_treebuilder_remove")
                }
            } else {
                var oid = subtree.oid
                try check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE), "git_treebuilder_insert")
            }
        }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return written(ObjectID(oid))
    }

    /// Writes a commit object; no reference moves (``updateReference(_:to:expecting:logMessage:)``
    /// does that, separately and compare-and-swap). With `sign`, the commit carries the
    /// signature `sign` returns for its bytes in a `gpgsig` header, as `git commit -S` writes it.
    public func createCommit(
        tree: ObjectID, parents: [ObjectID], message: String, author: Signature, committer: Signature,
        sign: ((String) throws -> String)? = nil
    ) throws -> ObjectID {
        var treeOID = tree.oid
        var treeObject: OpaquePointer?
        try check(git_tree_lookup(&treeObject, pointer, &treeOID), "git_tree_lookup", reference: tree.hex)
        defer { git_tree_free(treeObject) }
        var parentObjects: [OpaquePointer?] = []
        defer {
            for parent in parentObjects { git_commit_free(parent) }
        }
        for parent in parents {
            var oid = parent.oid
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup", reference: parent.hex)
            parentObjects.append(commit)
        }
        let authorSignature = try makeSignature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try makeSignature(committer)
        defer { git_signature_free(committerSignature) }
        var oid = git_oid()
        guard let sign else {
            _ = try parentObjects.withUnsafeMutableBufferPointer { buffer in
                try check(
                    git_commit_create(
                        &oid, pointer, nil, authorSignature, committerSignature, nil, message, treeObject,
                        parents.count, buffer.baseAddress),
                    "git_commit_create")
            }
            return written(ObjectID(oid))
        }
        var content = git_buf()
        defer { git_buf_dispose(&content) }
        _ = try parentObjects.withUnsafeMutableBufferPointer { buffer in
            try check(
                git_commit_create_buffer(
                    &content, pointer, authorSignature, committerSignature, nil, message, treeObject, parents.count,
                    buffer.baseAddress),
                "git_commit_create_buffer")
        }
        let text = content.ptr.map { String(cString: $0) } ?? ""
        // libgit2 indents every line break of the signature, so a final one would leave a line
        // holding one space that `git commit -S` does not write.
        var signature = try sign(text)
        while signature.hasSuffix("\n") { signature.removeLast() }
        try check(
            git_commit_create_with_signature(&oid, pointer, text, signature, "gpgsig"),
            "git_commit_create_with_signature")
        return written(ObjectID(oid))
    }

    /// A boolean from git's configuration as git reads it (`true`, `yes`, `on`, `1` …); nil
    /// when unset.
    public func configBool(_ key: String) throws -> Bool? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: Int32 = 0
        let code = git_config_get_bool(&value, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "git_config_get_bool", reference: key)
        return value != 0
    }

    /// Points `name` at `new` only if it still points at `expected` (nil: only if it does not
    /// exist). Otherwise throws ``GitError/referenceMoved(reference:expected:actual:)`` and
    /// changes nothing. Never forced.
    public func updateReference(_ name: String, to new: ObjectID, expecting expected: ObjectID?, logMessage: String)
        throws
    {
        var newOID = new.oid
        var ref: OpaquePointer?
        let code: Int32
        if let expected {
            var expectedOID = expected.oid
            // force = 1 lets an existing reference be replaced; current_id makes it conditional.
            code = git_reference_create_matching(&ref, pointer, name, &newOID, 1, &expectedOID, logMessage)
        } else {
            code = git_reference_create(&ref, pointer, name, &newOID, 0, logMessage)
        }
        defer { git_reference_free(ref) }
        if code == GIT_EMODIFIED.rawValue || code == GIT_EEXISTS.rawValue || code == GIT_ENOTFOUND.rawValue {
            throw GitError.referenceMoved(reference: name, expected: expected, actual: try? resolve(name))
        }
        if code == GIT_ELOCKED.rawValue { throw GitError.locked(gitDirectory + "/" + name + ".lock") }
        try check(code, "git_reference_create", reference: name)
    }

    /// Creates the annotated tag `name` (`cards/x/v1`) on commit `target`; refuses when it exists.
    public func createAnnotatedTag(name: String, target: ObjectID, message: String, tagger: Signature) throws
        -> ObjectID
    {
        let object = try tagTarget(target)
        let signature = try makeSignature(tagger)
        defer { git_signature_free(signature) }
        var oid = git_oid()
        let code = git_tag_create(&oid, pointer, name, object.pointer, signature, message, 0)
        if code == GIT_ELOCKED.rawValue { throw GitError.locked(gitDirectory + "/refs/tags/" + name + ".lock") }
        try check(code, "git_tag_create", reference: "refs/tags/" + name)
        return ObjectID(oid)
    }

    /// Writes an annotated tag object named `name` on commit `target`; no reference is made
    /// (``createTagReference(_:to:)`` does that). The object is the one ``createAnnotatedTag(name:target:message:tagger:)``
    /// writes for the same arguments.
    public func writeTagObject(name: String, target: ObjectID, message: String, tagger: Signature) throws -> ObjectID {
        let object = try tagTarget(target)
        let signature = try makeSignature(tagger)
        defer { git_signature_free(signature) }
        var oid = git_oid()
        try check(
            git_tag_annotation_create(&oid, pointer, name, object.pointer, signature, message),
            "git_tag_annotation_create", reference: "refs/tags/" + name)
        return written(ObjectID(oid))
    }

    /// Creates the reference `refs/tags/<name>` to the tag object `object`; refuses when it
    /// exists (``GitError/alreadyExists(reference:)``), never replaces it.
    public func createTagReference(_ name: String, to object: ObjectID) throws {
        var oid = object.oid
        var ref: OpaquePointer?
        let code = git_reference_create(&ref, pointer, "refs/tags/" + name, &oid, 0, nil)
        defer { git_reference_free(ref) }
        if code == GIT_ELOCKED.rawValue { throw GitError.locked(gitDirectory + "/refs/tags/" + name + ".lock") }
        try check(code, "git_reference_create", reference: "refs/tags/" + name)
    }

    /// Commit `id` as a tag target, looked up once for all the tags one commit gets.
    private func tagTarget(_ id: ObjectID) throws -> LoadedObject {
        if let last = lastTagTarget, last.id == id { return last.object }
        var oid = id.oid
        var handle: OpaquePointer?
        try check(git_object_lookup(&handle, pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup", reference: id.hex)
        guard let handle else { throw GitError.libgit2(function: "git_object_lookup", code: -1, message: id.hex) }
        let object = LoadedObject(pointer: handle)
        lastTagTarget = (id, object)
        return object
    }

    private func makeSignature(_ signature: Signature) throws -> UnsafeMutablePointer<git_signature>? {
        var result: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&result, signature.name, signature.email, signature.time, signature.offsetMinutes),
            "git_signature_new")
        return result
    }
}
