import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a cards folder holds: the card files, and a finding for every entry that is not one: an
/// error for a subfolder, a `.yaml` entry that is a link or a device, or whose name is not a card
/// name, or that is over the size limit; a warning for a file of another extension (never read
/// or committed). `validate` reports them, and `commit` refuses to run while there is an error,
/// rather than silently skipping it. Editors' swap and backup files are left alone.
public struct CardFolderScan: Sendable {
    /// The absolute paths of the card files, sorted by name.
    public var cardPaths: [String] = []
    /// One finding per entry that is not a card file, sorted by name.
    public var problems: [Finding] = []

    /// Files a cards folder may hold besides cards: git's own.
    static let allowedExtras: Set<String> = [".gitkeep", ".gitignore", ".gitattributes"]

    /// Scans `absolute`, naming entries as `display/<name>` in findings. A missing folder is empty.
    public static func scan(_ absolute: String, display: String) throws -> CardFolderScan {
        var scan = CardFolderScan()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else { return scan }
        guard isDirectory.boolValue else {
            throw CardiganError("'\(DisplayText.escaped(display))' is not a folder")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: absolute).sorted()
        } catch {
            throw CardiganError("cannot list '\(DisplayText.escaped(display))': \(error.localizedDescription)")
        }
        let prefix = display.isEmpty ? "" : (display.hasSuffix("/") ? display : display + "/")
        for name in names where !isEditorFile(name) {
            let path = absolute + "/" + name
            let shown = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }  // gone since the listing
            let mode = info.st_mode & S_IFMT
            let cardName = CardPaths.cardName(forFileName: name)
            if mode == S_IFDIR {
                scan.problems.append(entryFinding(shown, "is a folder; cards are files directly in the cards folder"))
            } else if cardName == nil {
                // Not a card and never read or committed as one: said, but it stops nothing.
                var finding = entryFinding(shown, "is not a card: the cards folder holds only '<name>.yaml' files")
                finding.severity = .warning
                scan.problems.append(finding)
            } else if mode != S_IFREG {
                scan.problems.append(CardFileReader.typeFinding(shown, kind: CardFileReader.kind(of: info.st_mode)))
            } else if let cardName {
                if let problem = CardName.problem(with: cardName) {
                    scan.problems.append(
                        Finding(
                            ruleID: .cardFileName, message: "file name: \(problem)",
                            location: Location(path: shown),
                            hint: "rename the file; the name of a card is its identity"))
                } else if Int(info.st_size) > SafeYAMLLoader.maximumBytes {
                    scan.problems.append(CardFileReader.sizeFinding(shown, size: Int(info.st_size)))
                } else {
                    scan.cardPaths.append(path)
                }
            }
        }
        return scan
    }

    /// The errors among ``problems``: what makes `commit` refuse.
    public var errors: [Finding] { problems.filter { $0.severity == .error } }

    /// Files an editor or a tool keeps beside the file it works on (a hidden swap file, a
    /// `~` backup, an Emacs `#…#` autosave) and git's own: never cards, never reported. A hidden
    /// `.yaml` file (`.yaml`, `..yaml`, `.x.yaml`) is not one of them: it looks like a card.
    static func isEditorFile(_ name: String) -> Bool {
        if allowedExtras.contains(name) || name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }
        return name.hasPrefix(".") && !name.hasSuffix(CardPaths.fileExtension)
    }

    private static func entryFinding(_ shown: String, _ what: String) -> Finding {
        Finding(
            ruleID: .cardFolderEntry, message: "'\(DisplayText.escaped(shown))' \(what)",
            location: Location(path: shown), hint: "move it out of the cards folder")
    }
}

extension Workspace {
    /// The cards folder as ``CardFolderScan`` sees it.
    public func scanCardFolder() throws -> CardFolderScan {
        try CardFolderScan.scan(cardsDirectoryPath, display: config.cardsDirectory)
    }
}
