import Foundation

/// `cardigan validate`: checks the given card files and folders, or every card of the
/// workspace, and returns one report.
public enum CardValidationRun {
    /// Validates `paths` (files or folders, relative to `currentDirectory`); every card in the
    /// workspace's cards folder when `paths` is empty. Throws only for the environment: a path
    /// that does not exist, a schema that cannot be read.
    ///
    /// Findings name files as the user typed them, or, with `relativeToRoot` (annotations and
    /// code-scanning logs, which the host resolves against the repository), relative to the
    /// workspace root whatever folder cardigan runs in.
    public static func run(
        paths: [String], workspace: Workspace, currentDirectory: String, relativeToRoot: Bool = false
    ) throws -> FindingReport {
        let validator = CardValidator(schema: try workspace.loadSchema())
        var files = try cardFiles(paths: paths, workspace: workspace, currentDirectory: currentDirectory)
        if relativeToRoot {
            files = files.map {
                let absolute = URL(fileURLWithPath: $0.absolute).standardizedFileURL.path
                return CardFile(absolute: $0.absolute, display: displayPath(absolute, from: workspace.rootPath))
            }
        }
        var findings: [Finding] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.absolute) else {
                throw CardiganError("cannot read '\(file.display)'")
            }
            findings += validator.validate(data, path: file.display).findings
        }
        return FindingReport(findings: findings, checkedPaths: files.map(\.display))
    }

    struct CardFile {
        var absolute: String
        var display: String
    }

    static func cardFiles(paths: [String], workspace: Workspace, currentDirectory: String) throws -> [CardFile] {
        if paths.isEmpty {
            // "no errors in 0 cards" outside a card repository would pass a CI step that checks nothing.
            guard FileManager.default.fileExists(atPath: workspace.cardsDirectoryPath) else {
                throw CardiganError(
                    "not in a card repository: no '\(workspace.config.cardsDirectory)' folder in '\(workspace.rootPath)'",
                    hint: "run 'cardigan init' in the git repository, or name the card files to validate")
            }
            return try workspace.cardFilePaths().map {
                CardFile(absolute: $0, display: displayPath($0, from: currentDirectory))
            }
        }
        var files: [CardFile] = []
        for path in paths {
            let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw CardiganError("no such file or folder '\(path)'")
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []
                for name in names.sorted() where name.hasSuffix(CardPaths.fileExtension) && !name.hasPrefix(".") {
                    let display = path.hasSuffix("/") ? path + name : path + "/" + name
                    files.append(CardFile(absolute: absolute + "/" + name, display: display))
                }
            } else {
                files.append(CardFile(absolute: absolute, display: path))
            }
        }
        // A file named twice (`validate f f`, or a file and its folder) is checked and counted once.
        var seen = Set<String>()
        return files.filter { seen.insert(URL(fileURLWithPath: $0.absolute).standardizedFileURL.path).inserted }
    }

    /// `path` relative to `directory` when it is inside it, so findings read `cards/x.yaml`.
    static func displayPath(_ path: String, from directory: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
