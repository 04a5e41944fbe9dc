import Foundation

/// The file of a card that does not exist yet, `cards/<name>.yaml`, as `new`, `clone` and
/// `import` make it: the name is checked and an existing card is refused before any work, and the
/// text is written whole or not at all (a temporary file beside it, flushed, then linked to its
/// name, which never replaces a file that appeared in the meantime).
public struct NewCardFile: Sendable {
    /// The card's name.
    public let name: String
    /// The file's path relative to the workspace root, e.g. `cards/churn.yaml`.
    public let path: String
    private let absolutePath: String
    private let folder: String

    /// The file of new card `name` in `workspace`. Throws for a name that is not a card name and
    /// for a card file that exists already.
    public init(name: String, in workspace: Workspace) throws {
        if let problem = CardName.problem(with: name) {
            throw CardiganError(problem, hint: "for example 'customer-churn' or 'credit-risk-v2'")
        }
        self.name = name
        path = CardPaths.path(of: name, in: workspace.config.cardsDirectory)
        absolutePath = workspace.rootPath + "/" + path
        folder = workspace.cardsDirectoryPath
        var info = stat()
        if lstat(absolutePath, &info) == 0 { throw exists }
    }

    /// Writes `text` as the card's file, making the cards folder when needed. Throws, and
    /// leaves the file that is there, when a card of the name appeared since ``init(name:in:)``.
    public func write(_ text: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CardiganError("cannot write '\(path)': \(error.localizedDescription)")
        }
        guard try OutputFile.writeAtomically(Array(text.utf8), to: absolutePath, shown: path, replacing: false)
        else { throw exists }
    }

    /// Removes the file this value wrote (a clone whose commit was refused leaves no card behind).
    public func remove() {
        unlink(absolutePath)
    }

    private var exists: CardiganError {
        CardiganError(
            "card '\(name)' already exists at '\(path)'",
            hint: "choose another name; to change that card, edit it, or start from it with 'cardigan clone'")
    }
}
