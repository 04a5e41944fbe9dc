import Foundation

extension CardStore {
    /// The history rules over `commits` (oldest first), and what the link rules will ask of the
    /// snapshots: the ARN each link's card names at its commit. The history's steps and the
    /// snapshots of every blob are let go when this returns, before 100,000 tags are read, so
    /// they are not held at the same time (`verify`'s peak memory, issue 18).
    func judgeHistory(_ commits: [ObjectID]) throws -> (
        rules: HistoryRules, folderFindings: [Finding], linkedARNs: [LinkEvent: String?]
    ) {
        var rules = HistoryRules(cardsDirectory: cardsDirectory)
        rules.approvalLedger = approvalLedger(base: nil)
        let schemas = CommitSchemas(repository: repository)
        let history = try readHistory(commits, schemas: schemas)
        let snapshots = try readSnapshots(of: history, schemas: schemas)
        applyRules(history, snapshots: snapshots, to: &rules)
        // The snapshot of the card's blob at a link knows its ARN: no second parse of 667 cards
        // per 1,000. The cache keeps it exactly as read; a link left out here (no snapshot) is
        // read from the blob itself.
        var linkedARNs: [LinkEvent: String?] = [:]
        for link in rules.links {
            guard let commit = ObjectID(hex: link.commit),
                let blob = try? repository.blobID(at: path(of: link.card), inCommit: commit),
                let snapshot = snapshots.snapshot(blob.hex, schema: "")
            else { continue }
            linkedARNs[link] = .some(snapshot.packageARN)
        }
        return (rules, history.folderFindings, linkedARNs)
    }

    /// Applies the history rules to every step of `history`, oldest first. A parent outside
    /// `history` starts from `outsideState` (empty for a whole history, the cards' state at the
    /// base for a pull request).
    func applyRules(
        _ history: History, snapshots: SnapshotTable, outsideState: [String: CardState] = [:],
        to rules: inout HistoryRules
    ) {
        // States are kept only until every child has read them; on a linear history each state
        // is moved, not copied, from a commit to the next.
        var states: [ObjectID: [String: CardState]] = [:]
        var pendingChildren = history.childCount
        rules.noteModelNames(of: outsideState)
        for step in history.steps {
            var parentStates: [[String: CardState]] = []
            for parent in step.parents {
                pendingChildren[parent, default: 1] -= 1
                let state = pendingChildren[parent] == 0 ? states.removeValue(forKey: parent) : states[parent]
                parentStates.append(state ?? outsideState)
            }
            var state: [String: CardState]
            var changes = step.changes
            if parentStates.count > 1 {
                var tree = (parentStates.first ?? [:]).mapValues(\.blob)
                for (name, blob) in step.changes { tree[name] = blob }  // nil removes: the file was deleted
                state = rules.merge(parentStates, commit: step.id.hex, tree: tree)
                changes = [:]
                for name in Set(tree.keys).union(state.keys) where state[name]?.blob != tree[name] {
                    changes.updateValue(tree[name], forKey: name)
                }
            } else {
                // Taken out of the array, not copied from it: `apply` then changes the one
                // dictionary in place instead of copying all cards' states on every commit.
                state = parentStates.popLast() ?? outsideState
            }
            rules.apply(step.facts, to: &state, changes: changes) { blob in
                snapshots.snapshot(blob, schema: step.schema) ?? CardSnapshot(problem: "unreadable blob \(blob)")
            }
            states[step.id] = state
        }
        checkRegistryRefreshes(&rules)
    }

    /// Reports each version of `rules` that says the registry refreshed its
    /// `model_package_details` (`Package-Details-Source: registry`) but changed more of the card:
    /// `registry pull` writes only that section, so the record is a hand edit's claim. Such
    /// versions are few; each reads its two blobs.
    func checkRegistryRefreshes(_ rules: inout HistoryRules) {
        for refresh in rules.registryRefreshes {
            let path = path(of: refresh.card)
            guard let before = ObjectID(hex: refresh.before), let after = ObjectID(hex: refresh.after),
                let old = try? SafeYAMLLoader.load(Data(repository.readBlob(before)), path: path).root,
                let new = try? SafeYAMLLoader.load(Data(repository.readBlob(after)), path: path).root,
                let change = RegistryRefresh.otherChange(old: old, new: new)
            else { continue }
            rules.report(
                .packageDetailsEdited,
                "version \(refresh.version) of '\(refresh.card)' records that the registry refreshed model_package_details, but it also changed \(change.field); 'registry pull' changes nothing else",
                card: nil, commit: refresh.commit,
                hint: "the record was written by hand: make the edit a version of its own with 'cardigan commit'",
                path: path, position: change.position)
        }
    }
}
