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
        let head = try repository.resolve(try currentBranch())
        return Dictionary(try cardModels(at: head).map { ($0.card, $0.model) }, uniquingKeysWith: { first, _ in first })
    }

    /// `model_name` → card for every card at `head` (other than those in `except`); when two
    /// cards name one model, the first by card name has it.
    func modelNames(at head: ObjectID?, except: Set<String> = []) throws -> [String: String] {
        var names: [String: String] = [:]
        for (card, model) in try cardModels(at: head) where !except.contains(card) && names[model] == nil {
            names[model] = card
        }
        return names
    }

    /// Every card at `head` with the `model_name` it gives, sorted by card name: the one walk of
    /// the cards folder that both maps above are read from. Empty without a head.
    private func cardModels(at head: ObjectID?) throws -> [(card: String, model: String)] {
        guard let head else { return [] }
        var blobs: [(name: String, blob: String)] = []
        for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
            guard let name = CardPaths.cardName(forFileName: entry.name) else { continue }
            blobs.append((name, entry.id.hex))
        }
        let snapshots = try readSnapshots(Set(blobs.map(\.blob)))
        return blobs.sorted { $0.name < $1.name }.compactMap { entry in
            snapshots[entry.blob]?.modelName.map { (entry.name, $0) }
        }
    }
}
