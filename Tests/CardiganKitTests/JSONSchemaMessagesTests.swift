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
        #expect(violation.keyword == "enum")
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
        let unknown = try #require(found.first { $0.keyword == "additionalProperties" })
        #expect(unknown.message == "unknown key 'model_onwer'")
        #expect(unknown.position == SourcePosition(line: 3, column: 3))
        #expect(unknown.pointer == "/model_onwer")
        #expect(unknown.hint == "did you mean 'model_owner'?")
        let missing = try #require(found.first { $0.keyword == "required" })
        #expect(missing.message == "missing required property 'model_owner'")
        #expect(missing.position == SourcePosition(line: 1, column: 1))
        #expect(missing.pointer == "")
        // Sorted by position: the object first, then the key.
        #expect(found.map(\.keyword) == ["required", "additionalProperties"])
    }

    @Test func oneOfReportsTheBranchTheDiscriminatorChose() throws {
        let found = try violations(
            """
            {"model_name": "bert", "model_owner": "nlp",
             "evaluation": {"kind": "translation", "bleu": "high"}}
            """)
        #expect(found.count == 1)
        let violation = try #require(found.first)
        #expect(violation.keyword == "type")
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
        #expect(found.map(\.keyword) == ["maximum"])
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
        #expect(version.keyword == "type")
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
        #expect(found.map(\.keyword) == ["minimum", "type", "uniqueItems"])
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
}
