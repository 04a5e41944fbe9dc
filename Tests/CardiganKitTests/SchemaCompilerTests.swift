import Foundation
import Testing

@testable import CardiganKit

/// How the compiler resolves `$ref`s: each target compiled once, and a reference resolved
/// against the base URI in effect where it is written, even when the same text appears under
/// another `$id` (the compiler remembers resolved references by base and text).
@Suite struct SchemaCompilerTests {
    static func schema(_ text: String) throws -> JSONSchema {
        try JSONSchema(try JSONParser.parse(text))
    }

    @Test func sameReferenceUnderTwoBasesResolvesAgainstEach() throws {
        let schema = try Self.schema(
            ##"""
            {
              "properties": {
                "a": {"$ref": "https://example.test/a.json"},
                "b": {"$ref": "https://example.test/b.json"}
              },
              "$defs": {
                "a": {"$id": "https://example.test/a.json", "$ref": "#/$defs/item",
                      "$defs": {"item": {"type": "string"}}},
                "b": {"$id": "https://example.test/b.json", "$ref": "#/$defs/item",
                      "$defs": {"item": {"type": "integer"}}}
              }
            }
            """##)
        #expect(schema.isValid(try JSONParser.parse(#"{"a": "text", "b": 3}"#)))
        #expect(!schema.isValid(try JSONParser.parse(#"{"a": 3}"#)))
        #expect(!schema.isValid(try JSONParser.parse(#"{"b": "text"}"#)))
        let violations = schema.validate(try JSONParser.parse(#"{"a": 3, "b": "text"}"#))
        #expect(violations.map(\.pointer) == ["/a", "/b"])
    }

    @Test func aTargetReferencedManyTimesIsCompiledOnce() throws {
        let once = try Self.schema(
            ##"{"properties": {"x": {"$ref": "#/$defs/text"}}, "$defs": {"text": {"type": "string", "minLength": 1}}}"##
        )
        let thrice = try Self.schema(
            ##"""
            {"properties": {"x": {"$ref": "#/$defs/text"}, "y": {"$ref": "#/$defs/text"},
                            "z": {"$ref": "#/$defs/%74ext"}},
             "$defs": {"text": {"type": "string", "minLength": 1}}}
            """##)
        // Two more property nodes; the target, reached by three spellings, is one node.
        #expect(thrice.nodes.count == once.nodes.count + 2)
        let targets = Set(thrice.nodes.compactMap(\.ref))
        #expect(targets.count == 1)
        #expect(!thrice.isValid(try JSONParser.parse(#"{"z": ""}"#)))
    }

    @Test func aReferenceIntoAnUnknownKeywordIsCompiledAtItsPointer() throws {
        let schema = try Self.schema(
            ##"{"properties": {"x": {"$ref": "#/x-library/positive"}}, "x-library": {"positive": {"minimum": 1}}}"##)
        #expect(schema.isValid(try JSONParser.parse(#"{"x": 2}"#)))
        #expect(!schema.isValid(try JSONParser.parse(#"{"x": 0}"#)))
    }

    @Test func aReferenceThatResolvedOnceStillFailsWhereItPointsNowhere() throws {
        let text = ##"""
            {"properties": {"x": {"$ref": "#/$defs/text"}, "y": {"$ref": "#/$defs/missing"}},
             "$defs": {"text": {"type": "string"}}}
            """##
        #expect {
            _ = try Self.schema(text)
        } throws: { error in
            (error as? JSONSchemaError)?.message == "cannot resolve $ref '#/$defs/missing': nothing at '/$defs/missing'"
                && (error as? JSONSchemaError)?.pointer == "/properties/y/$ref"
        }
    }

    @Test func builtInSchemaDecidesTheExampleCardsAsBefore() throws {
        let schema = try Workspace.builtInSchema()
        let cards = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("cards")
        let names = try FileManager.default.contentsOfDirectory(atPath: cards.path).filter { $0.hasSuffix(".yaml") }
        #expect(!names.isEmpty)
        for name in names {
            let bytes = try Data(contentsOf: cards.appendingPathComponent(name))
            let check = CardValidator(schema: schema).validate(bytes, path: "cards/" + name)
            #expect(check.findings.isEmpty, "\(name): \(check.findings)")
        }
    }
}
