import Foundation

extension CardStore {
    /// The `.yaml` files in the cards folder, on the current branch or in the working tree,
    /// whose names are not card names: they are not cards, and commands that list cards say so
    /// instead of failing on them. Each entry is the file's path and what is wrong with its name.
    public func misnamedCardFiles() throws -> [(path: String, problem: String)] {
        var names = Set<String>()
        if let head = try repository.resolve(try currentBranch()) {
            for entry in try repository.treeEntries(at: cardsDirectory, inCommit: head) where entry.isBlob {
                if let name = CardPaths.cardName(forFileName: entry.name), !CardName.isValid(name) {
                    names.insert(name)
                }
            }
        }
        return try misnamedCardFiles(onBranch: names)
    }

    /// ``misnamedCardFiles()`` for `list`, which has read the branch's cards tree already.
    public func misnamedCardFiles(alongside listing: CardListing) throws -> [(path: String, problem: String)] {
        try misnamedCardFiles(onBranch: listing.misnamedOnBranch)
    }

    /// The misnamed files: those of the branch (`names`, from their file names) and those of the
    /// working tree.
    private func misnamedCardFiles(onBranch names: Set<String>) throws -> [(path: String, problem: String)] {
        var names = names
        // The folder scan keeps a misnamed file out of its card paths and reports it as a
        // problem instead: that is where the working tree's misnamed files are. It costs an
        // `lstat` and a few strings per file, so it runs only when a listing of the folder shows
        // a `.yaml` name that is not a card name.
        if Self.mayHoldMisnamedFile(workspace.cardsDirectoryPath) {
            for problem in try workspace.scanCardFolder().problems where problem.ruleID == .cardFileName {
                guard let path = problem.location?.path else { continue }
                if let name = CardPaths.cardName(forFileName: (path as NSString).lastPathComponent) {
                    names.insert(name)
                }
            }
        }
        return names.sorted().compactMap { name in
            CardName.problem(with: name).map { (path(of: name), $0) }
        }
    }

    /// Whether the folder at `path` may hold a `.yaml` file whose name is not a card name: true
    /// when its listing shows one, or when it cannot be listed (the scan then says why); false
    /// when there is no such folder, or every `.yaml` name in it is a card name.
    static func mayHoldMisnamedFile(_ path: String) -> Bool {
        guard let directory = opendir(path) else { return errno != ENOENT }
        defer { closedir(directory) }
        let suffix = Array(CardPaths.fileExtension.utf8)
        while let entry = readdir(directory) {
            let misnamed = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let name = raw.bindMemory(to: UInt8.self).prefix { $0 != 0 }
                guard name.count >= suffix.count, name.suffix(suffix.count).elementsEqual(suffix) else {
                    return false
                }
                return !CardName.isValid(String(decoding: name.dropLast(suffix.count), as: UTF8.self))
            }
            if misnamed { return true }
        }
        return false
    }
}
