import Foundation
import Testing

@testable import CardiganKit

/// What schema violations say and where they point.
@Suite struct JSONSchemaMessagesTests {
    static let cardSchema = #"""
        {
          "type": "object",
          "required": ["model_name", "model_owner"],
          "additionalProperties": false,
          "properties": {
            "model_name": {"type": "string", "minLength": 1},
            "model_owner": {"type": "string"},
            "version": {"type": "string"},
            "public": {"type": "boolean"},
            "intended_uses": {
              "type": "object",
              "properties": {
                "risk_rating": {"enum": ["Low", "Medium", "High"]}
              }
            },
            "evaluation": {
              "oneOf": [
                {"type": "object", "required": ["kind", "accuracy"], "additionalProperties": false,
                 "properties": {"kind": {"const": "classification"}, "accuracy": {"type": "number", "maximum": 1}}},
                {"type": "object", "required": ["kind", "bleu"], "additionalProperties": false,
                 "properties": {"kind": {"const": "translation"}, "bleu": {"type": "number"}}}
              ]
            }
          }
        }
        """#

    func violations(_ instance: String) throws -> [SchemaViolation] {
        let schema = try JSONSchema(try JSONParser.parse(Self.cardSchema))
        return schema.validate(try JSONParser.parse(instance))
    }

    @Test func enumWithDidYouMean() throws {
        let found = try violations(
            """
            {"model_name": "bert", "model_owner": "nlp",
             "intended_uses": {"risk_rating": "meduim"}}
            """)
        #expect(found.count == 1)
        let violation = try #require(found.first)
        #expect(violation.pointer == "/intended_uses/risk_rating")
        #expect(violation.position == SourcePosition(line: 2, column: 35))
        #expect(violation.keyword == .enum)
        #expect(violation.message == "'meduim' is not one of 'Low', 'Medium', 'High'")
        #expect(violation.hint == "did you mean 'Medium'?")
    }

    @Test func unknownKeyIsLocatedAtTheKeyWithSuggestion() throws {
        let found = try violations(
            """
            {
              "model_name": "bert",
              "model_onwer": "nlp"
            }
            """)
        let unknown = try #require(found.first { $0.keyword == .additionalProperties })
        #expect(unknown.message == "unknown key 'model_onwer'")
        #expect(unknown.position == SourcePosition(line: 3, column: 3))
        #expect(unknown.pointer == "/model_onwer")
        #expect(unknown.hint == "did you mean 'model_owner'?")
        let missing = try #require(found.first { $0.keyword == .required })
        #expect(missing.message == "missing required property 'model_owner'")
        #expect(missing.position == SourcePosition(line: 1, column: 1))
        #expect(missing.pointer == "")
        // Sorted by position: the object first, then the key.
        #expect(found.map(\.keyword) == [.required, .additionalProperties])
    }

    @Test func oneOfReportsTheBranchTheDiscriminatorChose() throws {
        let found = try violations(
            """
            {"model_name": "bert", "model_owner": "nlp",
             "evaluation": {"kind": "translation", "bleu": "high"}}
            """)
        #expect(found.count == 1)
        let violation = try #require(found.first)
        #expect(violation.keyword == .type)
        #expect(violation.pointer == "/evaluation/bleu")
        #expect(violation.message == "expected a number, got string 'high'")
        #expect(violation.position == SourcePosition(line: 2, column: 48))
    }

    @Test func oneOfFallsBackToTheBranchWithFewestViolations() throws {
        let found = try violations(
            """
            {"model_name": "bert", "model_owner": "nlp",
             "evaluation": {"kind": "classification", "accuracy": 1.5}}
            """)
        #expect(found.map(\.keyword) == [.maximum])
        #expect(found.first?.message == "expected a value of at most 1, got 1.5")
    }

    @Test func unquotedVersionGetsAQuotingHint() throws {
        let schema = try JSONSchema(try JSONParser.parse(Self.cardSchema))
        let position = SourcePosition(line: 4, column: 10)
        let card = ValueNode(
            .object([
                .init(
                    key: "model_name", keyPosition: .init(line: 1, column: 1),
                    value: ValueNode(.string("bert"), at: .init(line: 1, column: 13))),
                .init(
                    key: "model_owner", keyPosition: .init(line: 2, column: 1),
                    value: ValueNode(.string("nlp"), at: .init(line: 2, column: 14))),
                .init(
                    key: "version", keyPosition: .init(line: 4, column: 1),
                    value: ValueNode(.number(1.1), at: position, sourceText: "1.10")),
                .init(
                    key: "public", keyPosition: .init(line: 5, column: 1),
                    value: ValueNode(.string("yes"), at: .init(line: 5, column: 9), sourceText: "yes")),
            ]))
        let found = schema.validate(card)
        #expect(found.count == 2)
        let version = try #require(found.first)
        #expect(version.pointer == "/version")
        #expect(version.position == position)
        #expect(version.keyword == .type)
        #expect(version.message == "expected a string, got number 1.10")
        #expect(version.hint == "quote it: '1.10'")
        let flag = try #require(found.last)
        #expect(flag.pointer == "/public")
        #expect(flag.hint == "write true or false")
    }

    @Test func anyOfOfTypesSaysWhichTypesWereAllowed() throws {
        let schema = try JSONSchema(try JSONParser.parse(#"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#))
        let found = schema.validate(try JSONParser.parse("3"))
        #expect(found.map(\.message) == ["expected a string or null, got number 3"])
    }

    @Test func everyViolationIsReported() throws {
        let schema = try JSONSchema(
            try JSONParser.parse(#"{"type": "array", "items": {"type": "integer", "minimum": 0}, "uniqueItems": true}"#)
        )
        let found = schema.validate(try JSONParser.parse("[1, -1, \"x\", 1]"))
        #expect(found.map(\.pointer) == ["/1", "/2", "/3"])
        #expect(found.map(\.keyword) == [.minimum, .type, .uniqueItems])
        #expect(schema.isValid(try JSONParser.parse("[1, 2, 3]")))
    }

    @Test func unusableSchemasAreLocated() throws {
        #expect(throws: JSONSchemaError.self) { try JSONSchema(try JSONParser.parse(#"{"pattern": "("}"#)) }
        #expect(throws: JSONSchemaError.self) {
            try JSONSchema(try JSONParser.parse(##"{"$ref": "#/$defs/missing"}"##))
        }
        do {
            _ = try JSONSchema(try JSONParser.parse("{\n  \"type\": \"strnig\"\n}"))
            Issue.record("an unknown type should not compile")
        } catch let error as JSONSchemaError {
            #expect(error.position == SourcePosition(line: 2, column: 11))
            #expect(error.message == "unknown type 'strnig'")
        }
    }
}

/// A schema that would make validation recurse forever is refused when it is compiled.
@Suite struct JSONSchemaCycleTests {
    @Test func refusesReferenceCyclesThatNeverReachTheValue() throws {
        for text in [
            ##"{"$ref": "#"}"##,
            ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##,
            ##"{"not": {"$ref": "#"}}"##,
        ] {
            #expect(throws: JSONSchemaError.self, "\(text)") { try JSONSchema(JSONParser.parse(text)) }
        }
    }

    @Test func acceptsRecursionThroughTheValue() throws {
        let tree = ##"{"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}}"##
        let schema = try JSONSchema(JSONParser.parse(tree))
        #expect(schema.isValid(try JSONParser.parse(##"{"children": [{"children": []}]}"##)))
        #expect(!schema.isValid(try JSONParser.parse(##"{"children": [1]}"##)))
    }

    /// One fixture per keyword: a YAML instance with one fault at a known place, and the
    /// `line:column`, JSON pointer and keyword the violation must carry. A failing property
    /// name is located at the key and named by the keyword that failed inside `propertyNames`;
    /// a repeated item at the repeat; a property a `false` schema forbids at its key.
    static let keywordFixtures: [(schema: String, yaml: String, expected: String)] = [
        (#"{"properties": {"a": {"type": "string"}}}"#, "b: 1\na: 2\n", "2:4 /a type"),
        (#"{"properties": {"a": {"enum": ["x", "y"]}}}"#, "a: z\n", "1:4 /a enum"),
        (#"{"properties": {"a": {"const": "x"}}}"#, "a:\n  - x\n", "2:3 /a const"),
        (#"{"required": ["a", "b"]}"#, "a: 1\n", "1:1  required"),
        (#"{"properties": {"o": {"additionalProperties": false}}}"#, "o:\n  k: 1\n", "2:3 /o/k additionalProperties"),
        (#"{"patternProperties": {"^n_": {"type": "integer"}}}"#, "n_x: 1\nn_y: two\n", "2:6 /n_y type"),
        (#"{"propertyNames": {"maxLength": 3}}"#, "abc: 1\nabcd: 2\n", "2:1 /abcd maxLength"),
        (#"{"properties": {"l": {"items": {"type": "integer"}}}}"#, "l: [1, 2, x]\n", "1:11 /l/2 type"),
        (#"{"prefixItems": [{"type": "string"}, {"type": "integer"}]}"#, "- a\n- b\n", "2:3 /1 type"),
        (#"{"properties": {"l": {"minItems": 2}}}"#, "l:\n  - 1\n", "2:3 /l minItems"),
        (#"{"properties": {"l": {"maxItems": 1}}}"#, "l: [1, 2]\n", "1:4 /l maxItems"),
        (#"{"properties": {"l": {"uniqueItems": true}}}"#, "l: [1, 2, 1]\n", "1:11 /l/2 uniqueItems"),
        (#"{"properties": {"s": {"minLength": 3}}}"#, "s: ab\n", "1:4 /s minLength"),
        (#"{"properties": {"s": {"maxLength": 2}}}"#, "s: 'abc'\n", "1:4 /s maxLength"),
        (#"{"properties": {"s": {"pattern": "^[a-z]+$"}}}"#, "s: Abc\n", "1:4 /s pattern"),
        (#"{"properties": {"n": {"minimum": 1}}}"#, "n: 0\n", "1:4 /n minimum"),
        (#"{"properties": {"n": {"maximum": 1}}}"#, "n: 1.5\n", "1:4 /n maximum"),
        (#"{"properties": {"n": {"exclusiveMinimum": 0}}}"#, "n: 0\n", "1:4 /n exclusiveMinimum"),
        (#"{"properties": {"n": {"exclusiveMaximum": 1}}}"#, "n: 1\n", "1:4 /n exclusiveMaximum"),
        (#"{"properties": {"n": {"multipleOf": 0.25}}}"#, "n: 0.3\n", "1:4 /n multipleOf"),
        (#"{"properties": {"o": {"minProperties": 2}}}"#, "o:\n  a: 1\n", "2:3 /o minProperties"),
        (#"{"properties": {"o": {"maxProperties": 1}}}"#, "o: {a: 1, b: 2}\n", "1:4 /o maxProperties"),
        (#"{"properties": {"a": {"allOf": [{"type": "string"}, {"maxLength": 1}]}}}"#, "a: xy\n", "1:4 /a maxLength"),
        (#"{"properties": {"a": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]}}}"#, "a: x\n", "1:4 /a type"),
        (
            #"{"properties": {"a": {"oneOf": [{"required": ["k"], "properties": {"k": {"const": 1}, "v": {"type": "string"}}}, {"required": ["j"]}]}}}"#,
            "a:\n  k: 1\n  v: 2\n", "3:6 /a/v type"
        ),
        (#"{"properties": {"a": {"not": {"type": "integer"}}}}"#, "a: 3\n", "1:4 /a not"),
        (
            #"{"if": {"required": ["kind"]}, "then": {"required": ["size"]}, "else": {"required": ["name"]}}"#,
            "kind: x\n", "1:1  required"
        ),
        (
            #"{"if": {"required": ["kind"]}, "then": true, "else": {"required": ["name"]}}"#, "size: 1\n",
            "1:1  required"
        ),
        (#"{"dependentRequired": {"a": ["b"]}}"#, "x: 0\na: 1\n", "1:1  dependentRequired"),
        (
            ##"{"$defs": {"s": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/s"}}}"##, "a: 1\n",
            "1:4 /a type"
        ),
        (#"{"properties": {"a": false}}"#, "a: 1\n", "1:1 /a properties"),
        (#"{"properties": {"d": {"format": "date"}}}"#, "d: '2026-02-30'\n", "1:4 /d format"),
        (#"{"properties": {"d": {"format": "date-time"}}}"#, "d: '2026-01-01 10:00'\n", "1:4 /d format"),
        (#"{"properties": {"u": {"format": "uri"}}}"#, "u: not a uri\n", "1:4 /u format"),
        (#"{"properties": {"e": {"format": "email"}}}"#, "e: someone.example.com\n", "1:4 /e format"),
    ]

    @Test(arguments: 0..<keywordFixtures.count)
    func eachKeywordIsLocated(_ index: Int) throws {
        let fixture = Self.keywordFixtures[index]
        let schema = try JSONSchema(try JSONParser.parse(fixture.schema))
        let loaded = SafeYAMLLoader.load(Data(fixture.yaml.utf8), path: "fixture.yaml")
        #expect(loaded.findings.isEmpty)
        let root = try #require(loaded.root)
        let found = schema.validate(root).map { "\($0.position) \($0.pointer) \($0.keyword)" }
        #expect(found == [fixture.expected], "\(fixture.schema)")
    }
}
