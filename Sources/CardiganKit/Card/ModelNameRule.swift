import Foundation

/// One card per model: `model_overview.model_name` is unique among the cards of a branch (the
/// model card service this mirrors allows one card per model). A second card naming a model is
/// reported at its `model_name`, naming the card that has it.
enum ModelNameRule {
    /// The finding for card `name` (whose `model_name` node is `node`) naming the model that
    /// `owner` already documents.
    static func finding(_ name: String, model: String, owner: String, node: ValueNode?, path: String) -> Finding {
        Finding(
            ruleID: .modelNameTaken,
            message: "model name '\(model)' of '\(name)' is already documented by card '\(owner)'; one card per model",
            location: Location(
                path: path, position: node?.position ?? .start, pointer: "/model_overview/model_name"),
            hint: "a new model version is a new model: give it its own model_name ('cardigan clone --model-name')")
    }

    /// Findings for every card of `roots` (card name → tree, path) whose `model_name` an
    /// earlier card (by name) of `roots` or a card of `others` (model → card) already has.
    static func check(_ roots: [(name: String, root: ValueNode, path: String)], others: [String: String] = [:])
        -> [Finding]
    {
        var owners = others
        var findings: [Finding] = []
        for card in roots.sorted(by: { $0.name < $1.name }) {
            let node = card.root["model_overview"]?["model_name"]
            guard let model = node?.stringValue else { continue }
            if let owner = owners[model], owner != card.name {
                findings.append(finding(card.name, model: model, owner: owner, node: node, path: card.path))
            } else {
                owners[model] = card.name
            }
        }
        return findings
    }
}

extension CardStore {
    /// The card on the current branch (other than `except`) whose `model_name` is `model`.
    func cardNaming(model: String, except: String? = nil) throws -> String? {
        let head = try git { try repository.resolve(try currentBranch()) }
        return try modelNames(at: head, except: Set(except.map { [$0] } ?? []))[model]
    }

    /// `model_name` → card for every card at `head` (other than those in `except`).
    func modelNames(at head: ObjectID?, except: Set<String> = []) throws -> [String: String] {
        guard let head else { return [:] }
        var blobs: [(name: String, blob: String)] = []
        for entry in try git({ try repository.treeEntries(at: cardsDirectory, inCommit: head) }) where entry.isBlob {
            guard let name = CardPaths.cardName(forFileName: entry.name), !except.contains(name) else { continue }
            blobs.append((name, entry.id.hex))
        }
        let snapshots = try git { try readSnapshots(Set(blobs.map(\.blob))) }
        var names: [String: String] = [:]
        for (name, blob) in blobs.sorted(by: { $0.name < $1.name }) {
            guard let model = snapshots[blob]?.modelName, names[model] == nil else { continue }
            names[model] = name
        }
        return names
    }
}
