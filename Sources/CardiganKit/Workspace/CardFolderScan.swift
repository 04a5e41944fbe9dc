import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a cards folder holds: the card files, and a finding for every entry that is not one
/// (a subfolder, a link, a device, a file with another extension or a name that is not a card
/// name, a file over the size limit). `validate` reports those, and `commit` refuses to run
/// while there are any, rather than silently skipping them.
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
        for name in names where !allowedExtras.contains(name) {
            let path = absolute + "/" + name
            let shown = prefix + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }  // gone since the listing
            let mode = info.st_mode & S_IFMT
            if mode == S_IFDIR {
                scan.problems.append(entryFinding(shown, "is a folder; cards are files directly in the cards folder"))
            } else if mode != S_IFREG {
                scan.problems.append(CardFileReader.typeFinding(shown, kind: CardFileReader.kind(of: info.st_mode)))
            } else if let cardName = CardPaths.cardName(forFileName: name) {
                if let problem = CardName.problem(with: cardName) {
                    scan.problems.append(
                        Finding(
                            ruleID: "card-file-name", message: "file name: \(problem)",
                            location: Location(path: shown),
                            hint: "rename the file; the name of a card is its identity"))
                } else if Int(info.st_size) > SafeYAMLLoader.maximumBytes {
                    scan.problems.append(CardFileReader.sizeFinding(shown, size: Int(info.st_size)))
                } else {
                    scan.cardPaths.append(path)
                }
            } else {
                scan.problems.append(
                    entryFinding(shown, "is not a card: the cards folder holds only '<name>.yaml' files"))
            }
        }
        return scan
    }

    private static func entryFinding(_ shown: String, _ what: String) -> Finding {
        Finding(
            ruleID: "card-folder-entry", message: "'\(DisplayText.escaped(shown))' \(what)",
            location: Location(path: shown), hint: "move it out of the cards folder")
    }
}

extension Workspace {
    /// The cards folder as ``CardFolderScan`` sees it.
    public func scanCardFolder() throws -> CardFolderScan {
        try CardFolderScan.scan(cardsDirectoryPath, display: config.cardsDirectory)
    }
}
