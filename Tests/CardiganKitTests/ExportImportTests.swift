import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `cardigan import --from sagemaker`: bad input is refused with a clear error and nothing is
/// written; the YAML emitter keeps every string a string.
@Suite struct ExportImportTests {
    private func importing(_ json: String, name: String = "imported") throws -> (ImportResult?, Error?, [String]) {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/cards", withIntermediateDirectories: true)
        try Data("name: existing\nstatus: Draft\nmodel_overview:\n  model_name: x\n".utf8).write(
            to: URL(fileURLWithPath: directory + "/cards/existing.yaml"))
        var result: ImportResult?
        var failure: Error?
        do {
            result = try CardImporter.sageMaker(
                Data(json.utf8), sourcePath: "content.json", name: name, workspace: Workspace(rootPath: directory))
        } catch {
            failure = error
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/cards").sorted()
        return (result, failure, files)
    }

    private func expectRefused(
        _ json: String, name: String = "imported", message: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let (result, failure, files) = try importing(json, name: name)
        #expect(files == ["existing.yaml"], "something was written", sourceLocation: sourceLocation)
        if let error = failure as? CardiganError {
            #expect(error.description.contains(message), "\(error.description)", sourceLocation: sourceLocation)
        } else if let result {
            #expect(!result.written, sourceLocation: sourceLocation)
            let messages = result.findings.map { "\($0.ruleID): \($0.message)" }.joined(separator: "\n")
            #expect(messages.contains(message), "\(messages)", sourceLocation: sourceLocation)
            #expect(result.findings.allSatisfy { $0.location?.path == "content.json" }, sourceLocation: sourceLocation)
        } else {
            Issue.record(
                "neither an error nor findings: \(String(describing: failure))", sourceLocation: sourceLocation)
        }
    }

    @Test func aGoodContentMakesADraftCard() throws {
        let (result, failure, files) = try importing(#"{"model_overview": {"model_name": "m", "model_version": 2}}"#)
        #expect(failure == nil)
        #expect(result?.written == true)
        #expect(files == ["existing.yaml", "imported.yaml"])
    }

    @Test func refusesJSONThatIsNotAnObject() throws {
        try expectRefused("[1, 2]", message: "must be a JSON object, not an array")
        try expectRefused("\"text\"", message: "must be a JSON object, not a string")
        try expectRefused("{\"model_overview\": ", message: "not valid JSON")
    }

    @Test func refusesUnknownFields() throws {
        try expectRefused(
            #"{"model_overview": {"model_name": "m", "model_colour": "blue"}}"#, message: "model_colour")
        try expectRefused(#"{"model_overview": {"model_name": "m"}, "extra": 1}"#, message: "extra")
        try expectRefused(#"{"name": "x", "model_overview": {"model_name": "m"}}"#, message: "'name' is not a field")
    }

    @Test func inputProblemsAreFindingsLocatedInTheInput() throws {
        // Not card content at all: a finding in the input (exit 1, like a card that does not
        // parse), not a usage error.
        let (notObject, failure, _) = try importing("[1, 2]")
        #expect(failure == nil)
        #expect(notObject?.findings.map(\.ruleID) == [.importContent])
        #expect(notObject?.findings.first?.location?.position == SourcePosition(line: 1, column: 1))
        // An unknown key is located at the key, not at its value.
        let (unknown, _, _) = try importing(#"{"model_overview": {"model_name": "m"}, "bogus": 1}"#)
        let finding = try #require(unknown?.findings.first)
        #expect(finding.ruleID == .schemaAdditionalProperties)
        #expect(finding.location?.position == SourcePosition(line: 1, column: 41))
    }

    @Test func refusesWrongTypes() throws {
        try expectRefused(#"{"model_overview": {"model_name": 5}}"#, message: "schema-type")
        try expectRefused(
            #"{"model_overview": {"model_name": "m"}, "intended_uses": {"risk_rating": "Severe"}}"#, message: "Severe")
    }

    @Test func refusesContentOverTheSizeLimit() throws {
        let padding = String(repeating: "a", count: 100_001)
        try expectRefused(
            #"{"model_overview": {"model_name": "m", "model_description": "\#(padding)"}}"#,
            message: "more than SageMaker's limit of 100000")
    }

    @Test func refusesAnExistingCardAndABadName() throws {
        try expectRefused(#"{"model_overview": {"model_name": "m"}}"#, name: "existing", message: "already exists")
        try expectRefused(#"{"model_overview": {"model_name": "m"}}"#, name: "Bad Name", message: "card name")
    }

    @Test func yamlEmitterKeepsStringsStrings() throws {
        let strings = [
            "no", "No", "yes", "1.10", "5e-5", "0x1F", "true", "False", "null", "~", "", " lead", "trail ", "a: b",
            "a #b", "#x", "- x", "key:", "[x]", "{x}", "*alias", "&anchor", "!tag", "%x", "@x", "`x`", "'q'", "\"dq\"",
            "multi\nline\n", "multi\nline", "x\n\n", "\n", "tab\there", "ctrl\u{1}", "2025-01-31", "+1", ".5",
            "ünïcode ✓", "  \n  indented", "line\n  \nspaces", "=", "<<",
        ]
        let root = ValueNode(
            .object(
                strings.enumerated().map { index, string in
                    ValueNode.Member(key: "k\(index)", keyPosition: .start, value: ValueNode(.string(string)))
                } + [
                    ValueNode.Member(
                        key: "odd key: #", keyPosition: .start,
                        value: ValueNode(.array([ValueNode(.integer(1)), ValueNode(.number(0.5))])))
                ]))
        let text = YAMLEmitter.text(of: root)
        let loaded = try #require(SafeYAMLLoader.load(Data(text.utf8), path: "x.yaml").root, "\(text)")
        for (index, string) in strings.enumerated() {
            #expect(
                loaded["k\(index)"]?.stringValue == string,
                "'\(string)' came back as \(loaded["k\(index)"]?.displayText ?? "nothing")\n\(text)")
        }
        #expect(loaded == root)
        #expect(text.contains("k0: \"no\""))
        #expect(text.contains("k28: |\n  multi\n  line\n"))
    }
}
