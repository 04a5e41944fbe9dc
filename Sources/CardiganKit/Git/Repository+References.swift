internal import CLibgit2
import Foundation

extension Repository {
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

    /// The full name of the reference `spec` names, found as git finds a short name (`main` is
    /// `refs/heads/main`, `origin/main` is `refs/remotes/origin/main`), with `HEAD` followed to
    /// the branch it points at (`HEAD` itself when detached); nil when `spec` names no
    /// reference (a commit id, `HEAD~2`).
    public func referenceName(of spec: String) throws -> String? {
        var ref: OpaquePointer?
        let code = git_reference_dwim(&ref, pointer, spec)
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { return nil }
        try check(code, "git_reference_dwim", reference: spec)
        defer { git_reference_free(ref) }
        if git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(ref) {
            return String(cString: target)
        }
        return String(cString: git_reference_name(ref))
    }

    /// The object `reference` points at, following symbolic references; for an annotated tag
    /// this is the tag object, not the commit. Nil when the reference does not exist.
    public func resolve(_ reference: String) throws -> ObjectID? {
        reads.referenceLookups += 1
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
}
