import Foundation

/// `cardigan validate`: checks the given card files and folders, or every card of the
/// workspace, and returns one report.
public enum CardValidationRun {
    /// Validates `paths` (files or folders, relative to `currentDirectory`); every card in the
    /// workspace's cards folder when `paths` is empty. An entry of a folder that is not a card
    /// (a subfolder, a link, another extension, a bad name) and a file that is a link or not a
    /// regular file are findings; no link is followed and no file is read past the size limit.
    /// Throws only for the environment: a path that does not exist, a schema that cannot be read.
    ///
    /// Findings name files as the user typed them, or, with `relativeToRoot` (annotations and
    /// code-scanning logs, which the host resolves against the repository), relative to the
    /// workspace root whatever folder cardigan runs in.
    ///
    /// `committedModelNames` (card → `model_name` on the branch, ``CardStore/committedModelNames()``)
    /// decides which of two cards naming one model is the newcomer that `model-name-taken` flags.
    public static func run(
        paths: [String], workspace: Workspace, currentDirectory: String, relativeToRoot: Bool = false,
        committedModelNames: [String: String] = [:]
    ) throws -> FindingReport {
        let validator = CardValidator(schema: try workspace.loadSchema())
        var (files, problems) = try cardFiles(paths: paths, workspace: workspace, currentDirectory: currentDirectory)
        if relativeToRoot {
            files = files.map {
                let absolute = URL(fileURLWithPath: $0.absolute).standardizedFileURL.path
                return CardFile(absolute: $0.absolute, display: displayPath(absolute, from: workspace.rootPath))
            }
            problems = problems.map { rootRelative($0, workspace: workspace, currentDirectory: currentDirectory) }
        }
        var findings = problems
        var roots: [(name: String, root: ValueNode, path: String)] = []
        for file in files {
            switch CardFileReader.read(file.absolute, display: file.display) {
            case .bytes(let bytes):
                let check = validator.validate(Data(bytes), path: file.display)
                findings += check.findings
                if let root = check.root,
                    let name = CardPaths.cardName(forFileName: (file.display as NSString).lastPathComponent)
                {
                    roots.append((name, root, file.display))
                }
            case .refused(let finding): findings.append(finding)
            case .missing: throw CardiganError("cannot read '\(DisplayText.escaped(file.display))': it is gone")
            }
        }
        findings += ModelNameRule.check(roots, committed: committedModelNames)  // one card per model
        var checked = files.map(\.display)
        checked += problems.compactMap { $0.location?.path }.filter { !checked.contains($0) }
        return FindingReport(findings: findings.sorted(), checkedPaths: checked)
    }

    struct CardFile {
        var absolute: String
        var display: String
    }

    static func cardFiles(paths: [String], workspace: Workspace, currentDirectory: String) throws -> (
        [CardFile], [Finding]
    ) {
        if paths.isEmpty {
            // "no errors in 0 cards" outside a card repository would pass a CI step that checks nothing.
            guard FileManager.default.fileExists(atPath: workspace.cardsDirectoryPath) else {
                throw CardiganError(
                    "not in a card repository: no '\(workspace.config.cardsDirectory)' folder in '\(workspace.rootPath)'",
                    hint: "run 'cardigan init' in the git repository, or name the card files to validate")
            }
            let display = displayPath(workspace.cardsDirectoryPath, from: currentDirectory)
            let scan = try CardFolderScan.scan(workspace.cardsDirectoryPath, display: display)
            return (
                scan.cardPaths.map { CardFile(absolute: $0, display: displayPath($0, from: currentDirectory)) },
                scan.problems
            )
        }
        var files: [CardFile] = []
        var problems: [Finding] = []
        for path in paths {
            let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
            var info = stat()
            guard lstat(absolute, &info) == 0 else {
                throw CardiganError("no such file or folder '\(DisplayText.escaped(path))'")
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                let scan = try CardFolderScan.scan(absolute, display: path)
                problems += scan.problems
                files += scan.cardPaths.map {
                    let name = ($0 as NSString).lastPathComponent
                    return CardFile(absolute: $0, display: path.hasSuffix("/") ? path + name : path + "/" + name)
                }
            } else {
                files.append(CardFile(absolute: absolute, display: path))
            }
        }
        // A file named twice (`validate f f`, or a file and its folder) is checked and counted once.
        var seen = Set<String>()
        return (
            files.filter { seen.insert(URL(fileURLWithPath: $0.absolute).standardizedFileURL.path).inserted }, problems
        )
    }

    /// `finding` with its file named relative to the workspace root instead of `currentDirectory`.
    static func rootRelative(_ finding: Finding, workspace: Workspace, currentDirectory: String) -> Finding {
        guard var location = finding.location else { return finding }
        let absolute = location.path.hasPrefix("/") ? location.path : currentDirectory + "/" + location.path
        location.path = displayPath(URL(fileURLWithPath: absolute).standardizedFileURL.path, from: workspace.rootPath)
        var moved = finding
        moved.location = location
        return moved
    }

    /// `path` relative to `directory` when it is inside it, so findings read `cards/x.yaml`.
    static func displayPath(_ path: String, from directory: String) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
