/// The order in which libgit2's revision walk gives the history of one commit, sorted
/// topologically and reversed (``Repository/commitsOldestFirst(from:hiding:)`` with nothing
/// hidden), worked out from the commits' parents alone, so that `log` can walk a history it has
/// indexed (``CommitCardIndex``) without inflating a commit.
///
/// With one commit pushed and none hidden, libgit2 (1.5, `sort_in_topological_order`) starts
/// from the pushed commit, the only one no other commit of the walk has as a parent; it keeps a
/// stack, and gives a commit once every child of it in the walk has been given, pushing each
/// parent, in the commit's order of parents, when its last child is given. Commit times play no
/// part: they order only the tips, and there is one. `CommitGraphOrderTests` compares this with
/// libgit2's own walk over histories full of merges.
enum CommitGraphOrder {
    /// The commits reachable from commit `head`, parents before children, as libgit2's walk
    /// gives them. Commits are indices into `parents`: `parents[i]` are commit `i`'s parents, in
    /// the commit's order, a parent named twice kept twice.
    static func oldestFirst(head: Int, parents: [[Int]]) -> [Int] {
        // In-degree as libgit2 counts it: 1 for every commit of the walk, plus one per child entry.
        var reachable = [Bool](repeating: false, count: parents.count)
        var pending = [head]
        reachable[head] = true
        var members: [Int] = []
        while let node = pending.popLast() {
            members.append(node)
            for parent in parents[node] where !reachable[parent] {
                reachable[parent] = true
                pending.append(parent)
            }
        }
        var inDegree = [Int](repeating: 0, count: parents.count)
        for node in members { inDegree[node] = 1 }
        for node in members {
            for parent in parents[node] { inDegree[parent] += 1 }
        }
        var order: [Int] = []
        order.reserveCapacity(members.count)
        var stack = [head]
        while let node = stack.popLast() {
            for parent in parents[node] where inDegree[parent] != 0 {
                inDegree[parent] -= 1
                if inDegree[parent] == 1 { stack.append(parent) }
            }
            inDegree[node] = 0
            order.append(node)
        }
        return order.reversed()
    }
}
