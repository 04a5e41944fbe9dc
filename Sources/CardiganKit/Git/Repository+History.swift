internal import CLibgit2
import Foundation

extension Repository {
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
        reads.commitsRead += commits.count
        return commits
    }
}
