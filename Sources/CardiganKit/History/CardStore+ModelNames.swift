import Foundation

extension CardStore {
    /// The card on the current branch (other than `except`) whose `model_name` is `model`.
    func cardNaming(model: String, except: String? = nil) throws -> String? {
        let head = try repository.resolve(try currentBranch())
        return try modelNames(at: head, except: Set(except.map { [$0] } ?? []))[model]
    }

    /// `model_name` → card for every card at `head` (other than those in `except`).
    func modelNames(at head: ObjectID?, except: Set<String> = []) throws -> [String: String] {
        guard let head else { return [:] }
        var blobs: [(name: String, blob: String)] = []
        for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
            guard let name = CardPaths.cardName(forFileName: entry.name), !except.contains(name) else { continue }
            blobs.append((name, entry.id.hex))
        }
        let snapshots = try readSnapshots(Set(blobs.map(\.blob)))
        var names: [String: String] = [:]
        for (name, blob) in blobs.sorted(by: { $0.name < $1.name }) {
            guard let model = snapshots[blob]?.modelName, names[model] == nil else { continue }
            names[model] = name
        }
        return names
    }
}
