import Foundation

/// The schema that applies to each commit: the one named by the `.cardigan.yaml` in that
/// commit's own tree (a file of the same tree, or a built-in schema by name and version), so a
/// schema change applies to the versions made after it and never to older ones.
///
/// A schema is identified by a key: `builtin:<name>/<version>`, `file:<blob id>` for a schema file
/// of the repository (content-addressed, so the key never means two schemas), or
/// `missing:<path>` when the named file is not in the tree.
final class CommitSchemas {
    private let repository: Repository
    /// `.cardigan.yaml` blob id → the schema path it names (nil: the built-in default).
    private var configs: [ObjectID: String?] = [:]
    private var validators: [String: CardValidator?] = [:]

    /// Schemas read from `repository`'s commits.
    init(repository: Repository) {
        self.repository = repository
    }

    /// The key of the schema that applies to `commit`.
    func key(at commit: ObjectID) throws -> String {
        guard let configBlob = try repository.blobID(at: CardiganConfig.fileName, inCommit: commit) else {
            return Workspace.builtInSchemaPrefix + Workspace.defaultBuiltInSchema
        }
        let schemaPath: String?
        if let known = configs[configBlob] {
            schemaPath = known
        } else {
            let bytes = try repository.readBlob(configBlob)
            // A configuration that does not parse names no schema; the commit that wrote it is
            // still judged, by the built-in default.
            schemaPath = (try? CardiganConfig.parse(Data(bytes), path: CardiganConfig.fileName))?.schemaPath
            configs[configBlob] = schemaPath
        }
        guard let schemaPath else { return Workspace.builtInSchemaPrefix + Workspace.defaultBuiltInSchema }
        if schemaPath.hasPrefix(Workspace.builtInSchemaPrefix) { return schemaPath }
        guard let blob = try repository.blobID(at: schemaPath, inCommit: commit) else { return "missing:" + schemaPath }
        return "file:" + blob.hex
    }

    /// The validator of schema `key`; nil when the schema cannot be had (a missing file, an
    /// unknown built-in, a file that does not compile), and then cards are read without it.
    func validator(for key: String) -> CardValidator? {
        if let known = validators[key] { return known }
        var validator: CardValidator?
        if key.hasPrefix(Workspace.builtInSchemaPrefix) {
            validator =
                (try? Workspace.builtInSchema(named: String(key.dropFirst(Workspace.builtInSchemaPrefix.count))))
                .map(CardValidator.init(schema:))
        } else if key.hasPrefix("file:"), let id = ObjectID(hex: String(key.dropFirst("file:".count))),
            let bytes = try? repository.readBlob(id)
        {
            validator = (try? Workspace.compileSchema(String(decoding: bytes, as: UTF8.self), path: key))
                .map(CardValidator.init(schema:))
        }
        validators[key] = validator
        return validator
    }
}

/// Card snapshots per schema key and blob: a blob read under two schemas has two snapshots.
struct SnapshotTable {
    var bySchema: [String: SnapshotSet] = [:]

    /// The snapshot of `blob` under `schema`; under any schema when that one did not read it (a
    /// record naming a card its commit did not change).
    func snapshot(_ blob: String, schema: String) -> CardSnapshot? {
        if let snapshot = bySchema[schema]?[blob] { return snapshot }
        for table in bySchema.values { if let snapshot = table[blob] { return snapshot } }
        return nil
    }
}
