import Foundation

extension CardStore {
    /// The card on the current branch (other than `except`) whose `model_name` is `model`.
    func cardNaming(model: String, except: String? = nil) throws -> String? {
        let head = try repository.resolve(try currentBranch())
        return try modelNames(at: head, except: Set(except.map { [$0] } ?? []))[model]
    }

    /// Throws when card `name` has version tags, though its file may be gone: `new`, `import`
    /// and `clone` refuse it alike, because card names are never reused.
    public func requireNameNeverUsed(_ name: String) throws {
        // A name that is no card name has no tags; the writer refuses it with its own message.
        guard CardName.problem(with: name) == nil else { return }
        if try lookup.highestTaggedVersion(of: name) != nil {
            throw CardiganError("card '\(name)' has version tags already; card names are never reused")
        }
    }

    /// Card → `model_name` for every card committed on the current branch (empty before the
    /// first commit): what `validate` needs to tell a newcomer from the card that has the name.
    public func committedModelNames() throws -> [String: String] {
        guard let head = try repository.resolve(try currentBranch()) else { return [:] }
        var blobs: [(name: String, blob: String)] = []
        for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
            guard let name = CardPaths.cardName(forFileName: entry.name) else { continue }
            blobs.append((name, entry.id.hex))
        }
        let snapshots = try readSnapshots(Set(blobs.map(\.blob)))
        var models: [String: String] = [:]
        for (name, blob) in blobs {
            if let model = snapshots[blob]?.modelName { models[name] = model }
        }
        return models
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
