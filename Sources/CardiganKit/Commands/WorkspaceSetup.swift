import Foundation

/// `cardigan init` and `cardigan new`: making a card repository and new cards in it.
public enum WorkspaceSetup {
    /// Makes `rootPath` a card repository: the cards and templates folders and a
    /// `.cardigan.yaml` with the defaults. Idempotent: what exists is left as it is. Returns the
    /// paths created, relative to the root.
    public static func initialize(rootPath: String) throws -> [String] {
        let files = FileManager.default
        guard files.fileExists(atPath: rootPath + "/.git") else {
            throw CardiganError(
                "'\(rootPath)' is not the root of a git repository", hint: "run 'git init' first, or use -C <dir>")
        }
        var created: [String] = []
        let config = CardiganConfig()
        // The protected branch is the one this repository is on (git's default may be 'master'
        // or `init.defaultBranch`), not always 'main': versions committed there must be the record.
        let branch =
            (try? Repository.open(at: rootPath).currentBranch()).flatMap { $0 }
            .map { $0.hasPrefix("refs/heads/") ? String($0.dropFirst("refs/heads/".count)) : $0 } ?? config.branch
        let configText = """
            # cardigan settings (all optional; cards, templates and schema are the defaults)
            branch: \(yamlScalar(branch))        # the protected branch: its history is the record
            cards: \(config.cardsDirectory)         # one <name>.yaml per card
            templates: \(config.templatesDirectory) # your own templates override the built-in ones
            schema: builtin:\(Workspace.defaultBuiltInSchema)  # the built-in schema, by name and version; or a file of yours

            """
        let entries: [(path: String, contents: String?)] = [
            (config.cardsDirectory, nil),
            (config.templatesDirectory, nil),
            (config.templatesDirectory + "/README.md", templatesReadme),
            (CardiganConfig.fileName, configText),
        ]
        for entry in entries {
            let absolute = rootPath + "/" + entry.path
            if files.fileExists(atPath: absolute) { continue }
            do {
                if let contents = entry.contents {
                    try Data(contents.utf8).write(to: URL(fileURLWithPath: absolute), options: .withoutOverwriting)
                } else {
                    try files.createDirectory(atPath: absolute, withIntermediateDirectories: true)
                }
            } catch {
                throw CardiganError("cannot create '\(entry.path)': \(error.localizedDescription)")
            }
            created.append(entry.path)
        }
        return created
    }

    /// `text` as a YAML scalar: plain when it is a simple name, else double-quoted (JSON's
    /// quoting, which YAML reads).
    private static func yamlScalar(_ text: String) -> String {
        let plain =
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/-".contains($0)) }
        if plain { return text }
        let quoted = (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) }
        return quoted ?? "main"
    }

    static let templatesReadme = """
        # Templates

        Files here override cardigan's built-in ones of the same path:

        - `cards/<template>.yaml`: card templates for `cardigan new <name> --template <template>`;
          `{{name}}` is replaced by the card's name. Built in: `minimal`, `full`.
        - `model-card.schema.json`: the card schema (set `schema:` in `.cardigan.yaml` to use it).

        """

    /// Writes `cards/<name>.yaml` from template `template` (a built-in one or the repository's
    /// own), status Draft, without committing. Refuses an invalid name, an existing card, and a
    /// template that does not give a valid card; nothing is written then. Returns the path
    /// written, relative to the root.
    public static func newCard(name: String, template: String, workspace: Workspace) throws -> String {
        let file = try NewCardFile(name: name, in: workspace)
        let templatePath = "cards/\(template).yaml"
        let text = try workspace.templateText(templatePath).replacingOccurrences(of: "{{name}}", with: name)
        let check = CardValidator(schema: try workspace.loadSchema()).validate(Data(text.utf8), path: file.path)
        if let finding = check.findings.first(where: { $0.severity == .error }) {
            throw CardiganError(
                "template '\(template)' does not give a valid card: \(finding.message)",
                location: Location(path: "templates/" + templatePath, position: finding.location?.position),
                hint: finding.hint)
        }
        try file.write(text)
        return file.path
    }
}
