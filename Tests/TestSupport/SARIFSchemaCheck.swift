import Foundation

/// SARIF logs checked against the OASIS SARIF 2.1.0 schema (vendored in `Tests/Conformance/`
/// from the copy in `../shared/conformance/`), with check-jsonschema and its format checks on (so
/// `uri-reference` values are checked too).
public enum SARIFSchemaCheck {
    /// The schema, in the repository so the check runs on any clone.
    public static let schemaPath = PackagePaths.root + "/Tests/Conformance/sarif-2.1.0/sarif-schema-2.1.0.json"

    /// Whether SARIF validation can run here.
    public static var usable: Bool {
        TestTools.usable("check-jsonschema") && FileManager.default.fileExists(atPath: schemaPath)
    }

    /// Validates `sarif`; the result's status is 0 when the log is valid, and its output says why not.
    public static func validate(_ sarif: String) throws -> ProcessResult {
        let checker = try TestTools.require("check-jsonschema")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProcessResult.run([checker, "--schemafile", schemaPath, file.path], in: "/")
    }
}
