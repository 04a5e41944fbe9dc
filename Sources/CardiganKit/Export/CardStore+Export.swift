import Foundation

extension CardStore {
    /// Card `name` as of `version` (the latest when nil) in `format`, with its version, status,
    /// link and a footer naming the commit and digest.
    public func export(_ name: String, version: Int?, format: ExportFormat) throws -> [UInt8] {
        let view = try show(name, version: version)
        var source = ExportSource(view)
        source.approvals = try approvals(of: name, version: view.record.version)
        return try CardExporter.render(source, format: format, workspace: workspace)
    }

    /// As ``export(_:version:format:)``, with `options` (a PDF's fonts) and its warnings.
    public func export(_ name: String, version: Int?, format: ExportFormat, options: ExportOptions) throws
        -> ExportOutput
    {
        let view = try show(name, version: version)
        var source = ExportSource(view)
        source.approvals = try approvals(of: name, version: view.record.version)
        return try CardExporter.render(source, format: format, workspace: workspace, options: options)
    }

    /// A preview of card `name` as its working file says now, before it is committed: the
    /// same export, marked as the working tree in its subtitle and footer. Throws the card's
    /// findings when the file does not validate.
    public func exportWorkingTree(_ name: String, format: ExportFormat) throws -> [UInt8] {
        try exportWorkingTree(name, format: format, options: ExportOptions()).bytes
    }

    /// As ``exportWorkingTree(_:format:)``, with `options` (a PDF's fonts) and its warnings.
    public func exportWorkingTree(_ name: String, format: ExportFormat, options: ExportOptions) throws
        -> ExportOutput
    {
        try CardName.require(name)
        let path = path(of: name)
        let data: Data
        switch CardFileReader.read(workspace.rootPath + "/" + path, display: path) {
        case .bytes(let bytes): data = Data(bytes)
        case .missing: throw CardiganError("no card '\(name)' in the working tree (no file '\(path)')")
        case .refused(let finding): throw InvalidCardError(findings: [finding])
        }
        let check = CardValidator(schema: try workspace.loadSchema()).validate(data, path: path)
        guard check.isValid, let root = check.root else { throw InvalidCardError(findings: check.findings) }
        let branch = try currentBranch()
        let head = try repository.resolve(branch)
        let last = try lookup.lastRecord(of: name, head: head)
        var source = ExportSource(
            name: name, version: last?.record.version ?? 0,
            status: root["status"]?.stringValue ?? CardStatus.draft.rawValue,
            modelPackage: CardSnapshot.modelPackage(of: root), commit: head?.hex ?? "none",
            digest: CardDigest.of(root), root: root)
        source.isWorkingTree = true
        return try CardExporter.render(source, format: format, workspace: workspace, options: options)
    }
}
