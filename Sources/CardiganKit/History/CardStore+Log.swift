import Foundation

/// One commit of a card's audit trail to read: a commit whose trailers may name the card, and
/// its parents as the walk took them.
struct AuditCandidate {
    /// The commit.
    var id: ObjectID
    /// Its parents as the index gave them (nil when read from git in this walk): reading the
    /// commit checks them.
    var indexedParents: [ObjectID]?
}

extension CardStore {
    /// The commits of `head`'s history whose trailers may name `name`, oldest first in the order
    /// ``Repository/commitsOldestFirst(from:hiding:)`` gives.
    ///
    /// The history is walked through ``CommitCardIndex``: a commit it holds is not read, one it
    /// does not is read from git (its parents and `Card` trailers) and added, and the file is
    /// written anew when something was added. Without the caches (`--no-cache`), every commit
    /// of the history is a candidate, read as before the index existed. `ignoringIndexFile`
    /// builds the index from git alone, as when the file is missing.
    func auditCandidates(of name: String, head: ObjectID, ignoringIndexFile: Bool = false) throws
        -> [AuditCandidate]
    {
        guard usesSnapshotCache else {
            return try repository.commitsOldestFirst(from: head).map { AuditCandidate(id: $0, indexedParents: nil) }
        }
        var index = CommitCardIndex(gitDirectory: repository.gitDirectory, enabled: true)
        if !ignoringIndexFile { index.load() }
        // The commits the walk reaches, numbered from 0 (head) in the order met.
        var walked: [ObjectID] = [head]
        var local: [ObjectID: Int] = [head: 0]
        var parentsOf: [[Int]] = [[]]
        var fromIndex: [Bool] = [false]
        var pending = [0]
        while let node = pending.popLast() {
            let id = walked[node]
            let parents: [ObjectID]
            if let known = index.number[id] {
                parents = index.parents[known]
                fromIndex[node] = true
            } else {
                let read = try repository.parentsAndCardTrailers(of: id)
                index.add(id, parents: read.parents, cards: read.cards.filter(CardName.isValid))
                parents = read.parents
            }
            parentsOf[node] = parents.map { parent in
                if let seen = local[parent] { return seen }
                local[parent] = walked.count
                walked.append(parent)
                parentsOf.append([])
                fromIndex.append(false)
                pending.append(walked.count - 1)
                return walked.count - 1
            }
        }
        let named = index.commits(naming: name)
        if named == nil, !ignoringIndexFile {
            // A card line naming no commit of the file: not what cardigan wrote; built anew.
            return try auditCandidates(of: name, head: head, ignoringIndexFile: true)
        }
        let naming = named ?? []
        index.store()
        return CommitGraphOrder.oldestFirst(head: 0, parents: parentsOf).compactMap { node in
            let id = walked[node]
            guard let number = index.number[id], naming.contains(number) else { return nil }
            return AuditCandidate(id: id, indexedParents: fromIndex[node] ? index.parents[number] : nil)
        }
    }

    /// The audit entries of `name` in `candidates`, each commit read and parsed; nil when a
    /// commit's parents are not those the index gave.
    func auditEntries(of name: String, candidates: [AuditCandidate]) throws -> [AuditEntry]? {
        var entries: [AuditEntry] = []
        for candidate in candidates {
            let (parents, named) = try repository.commit(candidate.id, ifMessageContains: name)
            if let indexed = candidate.indexedParents, indexed != parents { return nil }
            guard let commit = named else { continue }
            for record in try lookup.records(in: commit, of: name) {
                entries.append(
                    AuditEntry(
                        record: record, commit: candidate.id.hex, author: commit.author.name,
                        email: commit.author.email, time: commit.author.time, summary: commit.summary))
            }
        }
        return entries
    }
}
