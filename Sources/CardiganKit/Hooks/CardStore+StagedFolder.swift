import Foundation

extension CardStore {
    /// What the index holds in the cards folder that cannot be a card: a `.yaml` link (mode
    /// 120000) or submodule, a file in a subfolder, a `.yaml` name that is not a card name. The pre-commit hook refuses these as `commit` refuses them in the working tree.
    func stagedFolderProblems(_ staged: StagedFolder) -> [Finding] {
        let hint = "keep only '<name>.yaml' files in '\(cardsDirectory)'"
        var found = staged.hazards.filter { $0.kind == "a folder" || CardPaths.cardName(forFileName: $0.name) != nil }
            .map {
                let shown = cardsDirectory + "/" + $0.name
                let isFolder = $0.kind == "a folder" || $0.kind == "a submodule"
                return Finding(
                    ruleID: isFolder ? .cardFolderEntry : .cardFileType,
                    message:
                        "'\(DisplayText.escaped(shown))' is \($0.kind ?? "")\(isFolder ? "" : "; a card must be a regular file")",
                    location: Location(path: shown), hint: hint)
            }
        for fileName in staged.names {
            let shown = cardsDirectory + "/" + fileName
            // A file of another extension is never read as a card: `validate` mentions it.
            guard let name = CardPaths.cardName(forFileName: fileName) else { continue }
            if let problem = CardName.problem(with: name) {
                found.append(
                    Finding(
                        ruleID: .cardFileName, message: "file name: \(problem)", location: Location(path: shown),
                        hint: "rename the file; the name of a card is its identity"))
            }
        }
        // A link is both a hazard and a `<name>.yaml` entry: one finding per path.
        var seen = Set<String>()
        return found.filter { seen.insert($0.location?.path ?? "").inserted }
    }
}
