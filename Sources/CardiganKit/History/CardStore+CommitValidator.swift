import Foundation

extension CardStore {
    /// The validator a new commit's cards must pass: the schema `verify` will judge the commit
    /// by, the one of its own tree. A `commit` writes only card files on top of `head`, so that
    /// is head's schema (`fromTree`); a note says so when the working tree names another. The
    /// hooks' tree is the index, whose configuration is the working tree's.
    func commitValidator(head: ObjectID?, fromTree: Bool, notes: inout [String]) throws -> CardValidator {
        let own = CardValidator(schema: try workspace.loadSchema())
        guard fromTree, let head, repository.workdir != nil else { return own }
        let schemas = CommitSchemas(repository: repository)
        let key = try schemas.key(at: head)
        guard let committed = schemas.validator(for: key) else { return own }
        let working =
            workspace.config.schemaPath.map { $0.hasPrefix(Workspace.builtInSchemaPrefix) ? $0 : "" }
            ?? Workspace.builtInSchemaPrefix + Workspace.defaultBuiltInSchema
        let sameFile =
            key.hasPrefix("file:") && working.isEmpty && workspace.schemaFingerprint == committedFingerprint(key)
        if key != working && !sameFile {
            notes.append(
                "the schema of the branch's .cardigan.yaml applies to this commit, not the working tree's; commit .cardigan.yaml (and the schema) first to change it"
            )
        }
        return committed
    }

    /// The fingerprint a workspace gives the schema file whose key is `key` (`file:<blob>`).
    private func committedFingerprint(_ key: String) -> String? {
        guard let id = ObjectID(hex: String(key.dropFirst("file:".count))), let bytes = try? repository.readBlob(id)
        else { return nil }
        return CardDigest.sha256Hex(Data(bytes))
    }
}
