import Foundation

extension CardStore {
    /// The `.yaml` files in the cards folder, on the current branch or in the working tree,
    /// whose names are not card names: they are not cards, and commands that list cards say so
    /// instead of failing on them. Each entry is the file's path and what is wrong with its name.
    public func misnamedCardFiles() throws -> [(path: String, problem: String)] {
        var names = Set<String>()
        if let head = try repository.resolve(try currentBranch()) {
            for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
                if let name = CardPaths.cardName(forFileName: entry.name) { names.insert(name) }
            }
        }
        // The folder scan keeps a misnamed file out of its card paths and reports it as a
        // problem instead: that is where the working tree's misnamed files are.
        for problem in try workspace.scanCardFolder().problems where problem.ruleID == .cardFileName {
            guard let path = problem.location?.path else { continue }
            if let name = CardPaths.cardName(forFileName: (path as NSString).lastPathComponent) { names.insert(name) }
        }
        return names.sorted().compactMap { name in
            CardName.problem(with: name).map { (path(of: name), $0) }
        }
    }
}
