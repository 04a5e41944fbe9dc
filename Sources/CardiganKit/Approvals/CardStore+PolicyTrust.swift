import Foundation

extension CardStore {
    /// The refusal of an approval under the policy in force at `head` when that policy, or one
    /// it grew from, came in by a change without the approvals the policy before it needed: the
    /// change `verify` reports as `policy-unapproved`. Nil when every change since the first
    /// policy carries its approvals. Walks first parents back to the first policy; at a merge it
    /// follows the parent whose policy the merge kept, as `verify` judges the change where it
    /// was made.
    func unapprovedPolicyChange(head: ObjectID) throws -> Finding? {
        let cache = PolicyCache()
        var current = head
        var state = try policyState(at: current, cache: cache)
        while state.judge != nil {
            let commit = try repository.commit(current)
            guard let first = commit.parents.first else { return nil }
            let parents = try commit.parents.map { ($0, try policyState(at: $0, cache: cache)) }
            if let same = parents.first(where: { $0.1.isSamePolicy(as: state) }) {
                current = same.0
                continue
            }
            if let old = parents[0].1.judge {
                let change = try policyChange(at: current)
                if let problem = change.problems(under: old).last {
                    let needed = old.settings.strictestThreshold
                    return Finding(
                        ruleID: .policyUnapproved,
                        message:
                            "the approval policy in force came in by commit \(current.short) ('\(commit.summary)') without the approvals of the policy before it: \(problem.message); nothing is approved under it",
                        location: change.location,
                        hint:
                            "approve the change before it is committed: undo it keeping the files ('git reset --soft \(first.short)' when it is the last commit), \(needed) signer\(needed == 1 ? "" : "s") of the policy before it run 'cardigan approve --policy', then commit with their 'Policy-Approval:' trailers"
                    )
                }
            }
            current = first
            state = parents[0].1
        }
        return nil
    }

    /// Where a policy change in `commit` is seen: `.cardigan.yaml` when it changed from the first
    /// parent's, else the allowed signers file; at the first line the change added, or the first
    /// line that differs when it only removed lines (the whole file when it removed the last).
    func policyChangeLocation(at commit: ObjectID) throws -> Location {
        let parent = try repository.commit(commit).parents.first
        let oldConfig = try parent.flatMap { try repository.blob(at: CardiganConfig.fileName, inCommit: $0) }
        let newConfig = try repository.blob(at: CardiganConfig.fileName, inCommit: commit)
        var path = CardiganConfig.fileName
        var old = oldConfig
        var new = newConfig
        if oldConfig == newConfig,
            let config = newConfig,
            let signers = (try? CardiganConfig.parse(Data(config), path: path))?.approval?.signersPath
        {
            path = signers
            old = try parent.flatMap { try repository.blob(at: signers, inCommit: $0) }
            new = try repository.blob(at: signers, inCommit: commit)
        }
        let line = new.flatMap { Self.firstChangedLine(old: old ?? [], new: $0) }
        return Location(path: path, position: line.map { SourcePosition(line: $0, column: 1) })
    }

    /// The 1-based number of the first line of `new` that `old` does not have, else of the first
    /// line where the two differ; nil when `new` is `old` with lines removed at its end.
    static func firstChangedLine(old: [UInt8], new: [UInt8]) -> Int? {
        let split = { (bytes: [UInt8]) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) }
        let oldLines = split(old)
        let newLines = split(new)
        let known = Set(oldLines.map { Array($0) })
        if let added = newLines.firstIndex(where: { !$0.isEmpty && !known.contains(Array($0)) }) {
            return added + 1
        }
        let common = min(oldLines.count, newLines.count)
        let differing = (0..<common).first { oldLines[$0] != newLines[$0] } ?? common
        return differing < newLines.count && !(differing == newLines.count - 1 && newLines[differing].isEmpty)
            ? differing + 1 : nil
    }
}
