import Foundation

extension CardStore {
    /// Card `name` between two points: the latest version and the working tree (no versions
    /// given), version `from` and the working tree, or versions `from` and `to`.
    public func diff(card name: String, from: Int? = nil, to: Int? = nil) throws -> DiffReport {
        try CardName.require(name)
        if to != nil, from == nil {
            throw CardiganError("a target version needs a starting version")
        }
        let branch = try currentBranch()
        let head = try repository.resolve(branch)
        let latest = try lookup.lastRecord(of: name, head: head)
        let working = try workingCard(name)

        let old: (version: Int?, label: String, text: String?, root: ValueNode?)
        if latest == nil, from == nil, to == nil {
            guard working != nil else { throw CardiganError("no card '\(name)' on '\(branch)' or in the working tree") }
            old = (nil, CardDiff.Side.nothingLabel, nil, nil)
        } else {
            let view = try show(name, version: from)
            old = (view.record.version, "v\(view.record.version)", view.text, view.root)
        }
        let new: (version: Int?, label: String, text: String?, root: ValueNode?)
        if let to {
            let view = try show(name, version: to)
            new = (view.record.version, "v\(view.record.version)", view.text, view.root)
        } else {
            new = (nil, CardDiff.Side.workingTreeLabel, working?.text, working?.root)
        }
        let change: CardDiff.Change = old.root == nil ? .added : new.root == nil ? .removed : .modified
        let cardDiff = CardDiff(
            card: name, change: change,
            old: old.root == nil && latest == nil && from == nil
                ? .nothing : CardDiff.Side(version: old.version, label: old.label, root: old.root),
            new: CardDiff.Side(version: new.version, label: new.label, root: new.root),
            changes: SemanticDiff.compare(old: old.root, new: new.root, oldText: old.text, newText: new.text))
        var report = DiffReport(base: old.label, head: new.label, cards: [cardDiff])
        report.baseIsNothing = cardDiff.old.isNothing
        return report
    }

    /// Every card changed between revisions `base` and `head` (HEAD when nil): added, removed
    /// and modified, with the version each revision's history records for it. When head does
    /// not contain base (behind or diverged), the cards are compared from their merge base, as
    /// `git diff base...head` and a forge's pull request do: what base gained since the branch
    /// point is not the branch's change. Revisions that share no commit are compared as they are.
    public func diff(base: String, head: String? = nil) throws -> DiffReport {
        var baseID = try Revision.resolve(base, in: repository)
        let headID = try Revision.resolve(head ?? "HEAD", in: repository)
        var base = Revision.label(base)
        let headSpec = Revision.label(head ?? "HEAD")
        if !(try repository.isDescendant(headID, of: baseID)), let mergeBase = try repository.mergeBase(baseID, headID)
        {
            baseID = mergeBase
            base = "\(base) (merge base \(mergeBase.short))"
        }
        var cards: [CardDiff] = []
        let changed = try repository.changedFiles(in: cardsDirectory, from: baseID, to: headID)
        for file in changed.sorted(by: { $0.name < $1.name }) {
            guard let name = CardPaths.cardName(forFileName: file.name) else { continue }
            let oldBytes = try repository.blob(at: path(of: name), inCommit: baseID)
            let newBytes = try file.blob.map { id in try repository.readBlob(id) }
            let oldRoot = try oldBytes.map { try parse($0, name: name, at: baseID.short) }
            let newRoot = try newBytes.map { try parse($0, name: name, at: headID.short) }
            let oldVersion = oldRoot == nil ? nil : try lookup.lastRecord(of: name, head: baseID)?.record.version
            let newVersion = newRoot == nil ? nil : try lookup.lastRecord(of: name, head: headID)?.record.version
            let change: CardDiff.Change = oldRoot == nil ? .added : newRoot == nil ? .removed : .modified
            cards.append(
                CardDiff(
                    card: name, change: change,
                    old: CardDiff.Side(version: oldVersion, label: base, root: oldRoot),
                    new: CardDiff.Side(version: newVersion, label: headSpec, root: newRoot),
                    changes: SemanticDiff.compare(
                        old: oldRoot, new: newRoot, oldText: oldBytes.map { String(decoding: $0, as: UTF8.self) },
                        newText: newBytes.map { String(decoding: $0, as: UTF8.self) })))
        }
        return DiffReport(base: base, head: headSpec, cards: cards)
    }

    /// The card file of `name` in the working tree, nil when there is none.
    private func workingCard(_ name: String) throws -> (text: String, root: ValueNode)? {
        let file = workspace.rootPath + "/" + path(of: name)
        guard let data = CardFileReader.contents(file).map({ Data($0) }) else { return nil }
        guard let root = SafeYAMLLoader.load(data, path: path(of: name)).root else {
            throw CardiganError(
                "'\(path(of: name))' in the working tree is not a readable card", hint: "run cardigan validate")
        }
        return (String(decoding: data, as: UTF8.self), root)
    }

    private func parse(_ bytes: [UInt8], name: String, at commit: String) throws -> ValueNode {
        guard let root = SafeYAMLLoader.load(Data(bytes), path: path(of: name)).root else {
            throw CardiganError("card '\(name)' cannot be read in commit \(commit)")
        }
        return root
    }
}
