import Foundation
import Testing

@testable import CardiganKit

/// The built-in schema's table, compiled at build time (issue 18, goal 2), is what the compiler
/// makes of the embedded text, node for node; it stands in for the text only when the text is
/// the one it was made from; and cards get the same findings from it as from the compiler.
@Suite struct BuiltInSchemaTableTests {
    private static let text = EmbeddedTemplates.files[EmbeddedTemplates.schemaPath] ?? ""
    private static let generatedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/CardiganKit/Generated/BuiltInSchemaTable.swift")

    private static func compiled() throws -> JSONSchema {
        try JSONSchema(JSONParser.parse(text))
    }

    @Test func theGeneratedFileIsTheCompiledEmbeddedSchema() throws {
        let expected = SchemaTableWriter.source(of: try Self.compiled(), text: Self.text)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try expected.write(to: Self.generatedFile, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: Self.generatedFile, encoding: .utf8)
        #expect(
            onDisk == expected,
            "the built-in schema changed: run UPDATE_GOLDEN=1 swift test --filter BuiltInSchemaTableTests")
    }

    @Test func theTableRebuildsEveryNodeTheCompilerMakes() throws {
        let compiled = try Self.compiled()
        let table = try #require(try BuiltInSchemaTable.schema(for: Self.text))
        #expect(table.root == compiled.root)
        #expect(table.nodes.count == compiled.nodes.count)
        for (index, (mine, theirs)) in zip(table.nodes, compiled.nodes).enumerated() {
            #expect(SchemaTableWriter.lines(of: mine) == SchemaTableWriter.lines(of: theirs), "node \(index)")
        }
    }

    @Test func theWriterKnowsEveryFieldOfANode() {
        #expect(Mirror(reflecting: CompiledSchemaNode()).children.count == SchemaTableWriter.fieldCount)
    }

    @Test func anyOtherTextIsCompiledAndNotTakenFromTheTable() throws {
        #expect(try BuiltInSchemaTable.schema(for: Self.text + " ") == nil)
        let edited = Self.text.replacingOccurrences(of: "\"maxLength\": 2048", with: "\"maxLength\": 2049")
        #expect(edited != Self.text)
        #expect(try BuiltInSchemaTable.schema(for: edited) == nil)
    }

    @Test func theBuiltInSchemaHoldsWhatTheCompilerMakes() throws {
        let schema = try Workspace.builtInSchema()
        let writtenAgain = SchemaTableWriter.source(of: schema, text: Self.text)
        #expect(writtenAgain == SchemaTableWriter.source(of: try Self.compiled(), text: Self.text))
    }

    @Test(arguments: ["credit-risk", "customer-churn", "support-ticket-classifier"])
    func cardsGetTheSameFindingsFromTheTableAsFromTheCompiler(name: String) throws {
        let cards = Self.generatedFile.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("cards")
        let bytes = try Data(contentsOf: cards.appendingPathComponent("\(name).yaml"))
        var broken = String(decoding: bytes, as: UTF8.self)
        broken = broken.replacingOccurrences(of: "status: ", with: "status: Nope\nold_status: ")
        broken += "\nunknown_section: 1\nmodel_overview_extra: [1, 2]\n"
        let table = try #require(try BuiltInSchemaTable.schema(for: Self.text))
        for text in [String(decoding: bytes, as: UTF8.self), broken] {
            let mine = CardValidator(schema: table).validate(Data(text.utf8), path: "cards/\(name).yaml")
            let theirs = CardValidator(schema: try Self.compiled()).validate(
                Data(text.utf8), path: "cards/\(name).yaml")
            #expect(mine.findings == theirs.findings)
        }
        let findings = CardValidator(schema: table).validate(Data(broken.utf8), path: "cards/\(name).yaml").findings
        #expect(!findings.isEmpty)
    }
}
