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
                path: path, position: node?.position, pointer: "/model_overview/model_name"),
            hint: "a new model version is a new model: give it its own model_name ('cardigan clone --model-name')")
    }

    /// Only what ``check(_:others:committed:)`` reads of a card, `model_overview.model_name`
    /// with its position, in a tree of its own: a commit of 10,000 new cards keeps this per card
    /// instead of each whole tree.
    static func modelNameOnly(_ root: ValueNode) -> ValueNode {
        guard let overview = root.members?.first(where: { $0.key == "model_overview" }),
            let name = overview.value.members?.first(where: { $0.key == "model_name" })
        else { return ValueNode(.object([]), at: root.position) }
        let slim = ValueNode.Member(
            key: overview.key, keyPosition: overview.keyPosition,
            value: ValueNode(.object([name]), at: overview.value.position))
        return ValueNode(.object([slim]), at: root.position)
    }

    /// Findings for every card of `roots` (card name → tree, path) whose `model_name` an
    /// earlier card of `roots` or a card of `others` (model → card) already has. Cards whose
    /// `model_name` is the one `committed` (card → model name) records for them come first, so
    /// the newcomer is the one flagged: a card with no committed version, or one whose
    /// `model_name` changed in the working tree. Otherwise the earlier card is the one by name.
    static func check(
        _ roots: [(name: String, root: ValueNode, path: String)], others: [String: String] = [:],
        committed: [String: String] = [:]
    ) -> [Finding] {
        var owners = others
        var findings: [Finding] = []
        func settled(_ card: (name: String, root: ValueNode, path: String)) -> Bool {
            guard let model = committed[card.name] else { return false }
            return card.root["model_overview"]?["model_name"]?.stringValue == model
        }
        let ordered = roots.sorted { left, right in
            let (leftSettled, rightSettled) = (settled(left), settled(right))
            return leftSettled != rightSettled ? leftSettled : left.name < right.name
        }
        for card in ordered {
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
