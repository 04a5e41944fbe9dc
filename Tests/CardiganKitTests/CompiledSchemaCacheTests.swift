import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// A process compiles each schema text once (issue 18, goal 2): `commit` and `validate` asked for
/// the built-in schema twice and compiled it twice. These tests count the compilations, and
/// check that a cached schema never stands in for another text or hides an error.
@Suite struct CompiledSchemaCacheTests {
    /// A schema that requires the property `field`; the UUID keeps its text this test's own.
    private static func requiring(_ field: String) -> String {
        #"{"$comment": "\#(UUID().uuidString)", "type": "object", "required": ["\#(field)"]}"#
    }

    @Test func theSameTextIsCompiledOnceAndSharedByEveryCaller() throws {
        let cache = CompiledSchemaCache()
        let text = Self.requiring("a")
        var compiled = 0
        func lookUp() throws -> JSONSchema {
            try cache.schema(for: text) {
                compiled += 1
                return try JSONSchema(JSONParser.parse(text))
            }
        }
        let first = try lookUp()
        let second = try lookUp()
        #expect(compiled == 1)
        #expect(cache.compilations == 1)
        #expect(first === second)
    }

    @Test func anotherTextIsCompiledAndJudgedByItsOwnRules() throws {
        let requiresA = try Workspace.compileSchema(Self.requiring("a"), path: "a.json")
        let requiresB = try Workspace.compileSchema(Self.requiring("b"), path: "b.json")
        #expect(requiresA !== requiresB)
        let value = try JSONParser.parse(#"{"a": 1}"#)
        #expect(requiresA.isValid(value))
        #expect(!requiresB.isValid(value))
    }

    @Test func aTextThatFailsIsNotKeptAndEachCallerGetsAnErrorInItsOwnFile() throws {
        let cache = CompiledSchemaCache()
        let text = #"{"type": "no-such-type", "$comment": "\#(UUID().uuidString)"}"#
        for path in ["schemas/one.json", "schemas/two.json"] {
            do {
                _ = try Workspace.compileSchema(text, path: path)
                Issue.record("'\(path)' compiled")
            } catch let error as CardiganError {
                #expect(error.location?.path == path)
                #expect(error.message == "the schema cannot be used: unknown type 'no-such-type'")
            }
        }
        #expect(throws: JSONSchemaError.self) { try cache.schema(for: text) { try JSONSchema(JSONParser.parse(text)) } }
        #expect(cache.compilations == 0)
    }

    @Test func theBuiltInSchemaIsOneInstanceForTheWorkspaceAndTheHistory() throws {
        let byDefault = try Workspace.builtInSchema()
        let byName = try Workspace.builtInSchema(named: Workspace.defaultBuiltInSchema)
        #expect(byDefault === byName)
        let scratch = try ScratchRepository()
        let store = try scratch.openedStore()
        #expect(try store.workspace.loadSchema() === byDefault)
    }
}
