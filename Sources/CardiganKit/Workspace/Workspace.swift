import Foundation

/// A folder of cards and its configuration: usually the working tree of a git repository.
public struct Workspace: Sendable {
    /// The absolute path of the root (the folder holding `.git` or `.cardigan.yaml`).
    public let rootPath: String
    /// The configuration read from `.cardigan.yaml`, or the defaults.
    public let config: CardiganConfig
    /// The configured schema file's bytes when they come from git, not from disk: a bare
    /// repository (a server) has no working tree, so its schema is the one at HEAD.
    var committedSchema: Data?

    /// Creates a workspace rooted at `rootPath`.
    public init(rootPath: String, config: CardiganConfig = CardiganConfig()) {
        self.rootPath = rootPath
        self.config = config
    }

    /// The workspace that holds `directory`: the nearest folder upwards with a `.cardigan.yaml`
    /// or a `.git`; `directory` itself when there is none. A bare repository on the way up is
    /// an error: card commands need a working tree.
    public static func locate(from directory: String) throws -> Workspace {
        let start = URL(fileURLWithPath: directory).standardizedFileURL.path
        var candidate = start
        let files = FileManager.default
        while true {
            let configPath = candidate + "/" + CardiganConfig.fileName
            if files.fileExists(atPath: configPath) || files.fileExists(atPath: candidate + "/.git") {
                return try Workspace(rootPath: candidate, configFile: configPath)
            }
            if files.fileExists(atPath: candidate + "/HEAD") && files.fileExists(atPath: candidate + "/objects")
                && files.fileExists(atPath: candidate + "/refs")
            {
                // A bare repository (or a `.git` folder): no working tree, so no card files. Saying
                // "no errors in 0 cards" there would pass a check that checked nothing.
                throw CardiganError(
                    "'\(candidate)' is a bare repository (or a git folder): it has no working tree, so no cards to work on",
                    hint: "run this in a clone; on a server, 'cardigan hook install --server' checks what is pushed")
            }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { break }
            candidate = parent
        }
        return Workspace(rootPath: start)
    }

    /// A workspace rooted at `rootPath` with the configuration at `configFile`, if present.
    public init(rootPath: String, configFile: String) throws {
        var config = CardiganConfig()
        if let data = FileManager.default.contents(atPath: configFile) {
            config = try CardiganConfig.parse(data, path: CardiganConfig.fileName)
        }
        self.init(rootPath: rootPath, config: config)
    }

    /// The absolute path of the cards folder.
    public var cardsDirectoryPath: String { rootPath + "/" + config.cardsDirectory }

    /// The absolute paths of every card file (`<name>.yaml`, a regular file, directly in the
    /// cards folder), sorted; ``scanCardFolder()`` also says what else is there.
    public func cardFilePaths() throws -> [String] {
        try scanCardFolder().cardPaths
    }

    /// The names of the cards in the cards folder (files whose names are card names), sorted:
    /// what shell completion offers.
    public func cardNames() -> [String] {
        ((try? cardFilePaths()) ?? []).compactMap {
            CardPaths.cardName(forFileName: ($0 as NSString).lastPathComponent)
        }.filter(CardName.isValid)
    }

    /// The text of a template: the repository's own `templates/<relativePath>` when it exists,
    /// otherwise the built-in one compiled into cardigan.
    public func templateText(_ relativePath: String) throws -> String {
        let ownPath = rootPath + "/" + config.templatesDirectory + "/" + relativePath
        if let data = FileManager.default.contents(atPath: ownPath) {
            guard let text = String(data: data, encoding: .utf8) else {
                throw CardiganError("template is not UTF-8 text", location: Location(path: ownPath))
            }
            return text
        }
        if let text = EmbeddedTemplates.files[relativePath] { return text }
        throw CardiganError(
            "no template '\(relativePath)'",
            hint: "built-in templates: \(Self.builtInTemplates(like: relativePath).joined(separator: ", "))")
    }

    /// The built-in templates of the same kind as `relativePath` (card templates for a card
    /// template), by the name a user gives them: `minimal`, `export/card.md.mustache`.
    static func builtInTemplates(like relativePath: String) -> [String] {
        let folder = (relativePath as NSString).deletingLastPathComponent
        return EmbeddedTemplates.files.keys.filter { ($0 as NSString).deletingLastPathComponent == folder }.sorted().map
        {
            folder == "cards" ? String(($0 as NSString).lastPathComponent.dropLast(".yaml".count)) : $0
        }
    }

    /// How `.cardigan.yaml` names a built-in schema: `schema: builtin:model-card/1`.
    public static let builtInSchemaPrefix = "builtin:"
    /// The built-in schemas by name and version, and the embedded file of each. A new built-in
    /// schema is a new version here; an old one stays, so a cardigan upgrade never changes the
    /// verdict on versions made under it.
    static let builtInSchemas: [String: String] = ["model-card/1": EmbeddedTemplates.schemaPath]
    /// The built-in schema `init` records and a configuration without `schema` uses.
    public static let defaultBuiltInSchema = "model-card/1"

    /// The schema cards are checked against: the configured file, or the built-in one.
    public func loadSchema() throws -> JSONSchema {
        if let schemaPath = config.schemaPath, schemaPath.hasPrefix(Self.builtInSchemaPrefix) {
            return try Self.builtInSchema(named: String(schemaPath.dropFirst(Self.builtInSchemaPrefix.count)))
        }
        if let schemaPath = config.schemaPath {
            guard let data = schemaFileBytes(schemaPath) else {
                throw CardiganError(
                    "cannot read the schema '\(schemaPath)' named in \(CardiganConfig.fileName)",
                    location: Location(path: CardiganConfig.fileName))
            }
            return try Self.compileSchema(String(decoding: data, as: UTF8.self), path: schemaPath)
        }
        return try Self.builtInSchema()
    }

    /// A fingerprint of the schema in use: the digest of its file's bytes, or `builtin:` and the
    /// built-in schema's name and version (`builtin:model-card/1`; a built-in schema never changes
    /// under its name, so neither its text nor cardigan's version is part of it). What a cached
    /// check of a card depends on besides the card.
    public var schemaFingerprint: String {
        if let schemaPath = config.schemaPath, schemaPath.hasPrefix(Self.builtInSchemaPrefix) { return schemaPath }
        if let schemaPath = config.schemaPath, let data = schemaFileBytes(schemaPath) {
            return CardDigest.sha256Hex(data)
        }
        return Self.builtInSchemaPrefix + Self.defaultBuiltInSchema
    }

    private func schemaFileBytes(_ schemaPath: String) -> Data? {
        committedSchema ?? FileManager.default.contents(atPath: rootPath + "/" + schemaPath)
    }

    /// The built-in card schema, compiled.
    public static func builtInSchema() throws -> JSONSchema {
        try builtInSchema(named: defaultBuiltInSchema)
    }

    /// The built-in schema `name` (`model-card/1`), compiled.
    public static func builtInSchema(named name: String) throws -> JSONSchema {
        guard let file = builtInSchemas[name], let text = EmbeddedTemplates.files[file] else {
            throw CardiganError(
                "this cardigan has no built-in schema '\(name)'",
                location: Location(path: CardiganConfig.fileName, pointer: "/schema"),
                hint:
                    "built-in schemas: \(builtInSchemas.keys.sorted().joined(separator: ", ")); a newer cardigan may know it"
            )
        }
        return try compileSchema(text, path: "templates/" + file, tabled: file == EmbeddedTemplates.schemaPath)
    }

    /// `text` compiled, or the schema this process already compiled from the same text
    /// (``CompiledSchemaCache``); a failure is a ``CardiganError`` located in `path`. When
    /// `tabled`, the text is the built-in schema's, taken from ``BuiltInSchemaTable`` (compiled
    /// at build time) if the table was made from this very text.
    static func compileSchema(_ text: String, path: String, tabled: Bool = false) throws -> JSONSchema {
        do {
            return try CompiledSchemaCache.shared.schema(for: text) {
                if tabled, let table = try BuiltInSchemaTable.schema(for: text) { return table }
                return try JSONSchema(JSONParser.parse(text))
            }
        } catch let error as JSONSchemaError {
            throw CardiganError(
                "the schema cannot be used: \(error.message)", location: Location(path: path, position: error.position))
        } catch let error as JSONParseError {
            throw CardiganError(
                "the schema is not valid JSON: \(error.message)",
                location: Location(path: path, position: error.position), hint: error.hint(in: Data(text.utf8)))
        } catch {
            throw CardiganError("the schema cannot be used: \(error)", location: Location(path: path))
        }
    }
}
