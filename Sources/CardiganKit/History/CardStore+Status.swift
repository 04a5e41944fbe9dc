import Foundation

extension CardStore {
    /// `cardigan status <name> <status>`: a status commit of the card as the branch has it.
    /// Checked against the status rules before anything is touched; a card with uncommitted
    /// edits is refused, so that a status change never sweeps content into a commit.
    public func changeStatus(of name: String, to status: CardStatus, message: String?) throws -> CommitResult {
        if let problem = CardName.problem(with: name) { throw CardiganError(problem) }
        let path = path(of: name)
        let branch = try currentBranch()
        let head = try repository.resolve(branch)
        guard let head, let committed = try repository.blob(at: path, inCommit: head),
            let previous = try lookup.lastRecord(of: name, head: head)?.record
        else {
            guard FileManager.default.fileExists(atPath: workspace.rootPath + "/" + path) else {
                throw CardiganError(
                    "there is no card '\(name)' (no '\(path)')",
                    hint: "'cardigan list' names the cards; 'cardigan new \(name)' makes one")
            }
            throw CardiganError(
                "card '\(name)' has no committed version",
                hint: "commit it first: 'cardigan commit \(name) -m <message>'")
        }
        let absolute = workspace.rootPath + "/" + path
        let working = CardFileReader.contents(absolute)
        guard working == committed else {
            // A refusal of this card, like every other: exit 1, as the README says.
            return CommitResult(findings: [
                Finding(
                    ruleID: .uncommittedEdits, message: "card '\(name)' has uncommitted changes",
                    location: Location(path: path),
                    hint: "commit them first ('cardigan commit \(name) -m <message>'), or restore the file")
            ])
        }
        guard previous.status != status else {
            return CommitResult(notes: ["'\(name)' is already \(status.rawValue); nothing to commit"])
        }
        guard let root = SafeYAMLLoader.load(Data(committed), path: path).root else {
            throw CardiganError("card '\(name)' on the branch is not readable", location: Location(path: path))
        }
        if let refusal = CardTransitions(card: name, path: path).statusChange(
            from: previous.status, to: status, at: root["status"]?.position)
        {
            return CommitResult(findings: [refusal])
        }
        let text = StatusEditor.setStatus(status, in: String(decoding: committed, as: UTF8.self), root: root)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: absolute))
            let result = try commit(
                names: [name], message: message ?? "\(name): \(previous.status.rawValue) → \(status.rawValue)")
            if result.commit == nil { try Data(committed).write(to: URL(fileURLWithPath: absolute)) }
            return result
        } catch {
            try? Data(committed).write(to: URL(fileURLWithPath: absolute))  // leave the card as it was
            throw error
        }
    }
}
