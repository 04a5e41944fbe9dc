import Foundation
import Testing

@testable import CardiganKit

/// A schema keyword's rule through ``CardValidator``: a card that breaks the keyword once gets
/// exactly the finding `schema-<keyword>` at the value (or key) that breaks it; its honest twin
/// gets no schema finding.
struct SchemaRuleFixture: Sendable, CustomTestStringConvertible {
    var keyword: SchemaKeyword
    var schema: String
    var offending: String
    /// `line:column pointer` of the finding.
    var expected: String
    var twin: String

    var testDescription: String { "schema-\(keyword.rawValue)" }
}

@Suite struct SchemaRuleTests {
    static let fixtures: [SchemaRuleFixture] = [
        .init(
            keyword: .false, schema: #"{"properties": {"a": {"allOf": [false]}}}"#, offending: "a: 1\n",
            expected: "1:4 /a", twin: "b: 1\n"),
        .init(
            keyword: .type, schema: #"{"properties": {"a": {"type": "string"}}}"#, offending: "a: 2\n",
            expected: "1:4 /a", twin: "a: '2'\n"),
        .init(
            keyword: .const, schema: #"{"properties": {"a": {"const": "x"}}}"#, offending: "a: w\n", expected: "1:4 /a",
            twin: "a: x\n"),
        .init(
            keyword: .enum, schema: #"{"properties": {"a": {"enum": ["x", "w"]}}}"#, offending: "a: z\n",
            expected: "1:4 /a", twin: "a: w\n"),
        .init(
            keyword: .oneOf, schema: #"{"properties": {"a": {"oneOf": [{"type": "integer"}, {"minimum": 0}]}}}"#,
            offending: "a: 1\n", expected: "1:4 /a", twin: "a: 0.5\n"),
        .init(
            keyword: .not, schema: #"{"properties": {"a": {"not": {"type": "integer"}}}}"#, offending: "a: 3\n",
            expected: "1:4 /a", twin: "a: x\n"),
        .init(
            keyword: .minProperties, schema: #"{"properties": {"o": {"minProperties": 2}}}"#, offending: "o:\n  a: 1\n",
            expected: "2:3 /o", twin: "o:\n  a: 1\n  b: 2\n"),
        .init(
            keyword: .maxProperties, schema: #"{"properties": {"o": {"maxProperties": 1}}}"#,
            offending: "o: {a: 1, b: 2}\n", expected: "1:4 /o", twin: "o: {a: 1}\n"),
        .init(
            keyword: .required, schema: #"{"required": ["a", "b"]}"#, offending: "a: 1\n", expected: "1:1 ",
            twin: "a: 1\nb: 2\n"),
        .init(
            keyword: .dependentRequired, schema: #"{"dependentRequired": {"a": ["b"]}}"#, offending: "x: 0\na: 1\n",
            expected: "1:1 ", twin: "x: 0\na: 1\nb: 2\n"),
        .init(
            keyword: .properties, schema: #"{"properties": {"a": false}}"#, offending: "a: 1\n", expected: "1:1 /a",
            twin: "b: 1\n"),
        .init(
            keyword: .patternProperties, schema: #"{"patternProperties": {"^n_": false}}"#, offending: "x: 0\nn_x: 1\n",
            expected: "2:1 /n_x", twin: "x: 0\nnx: 1\n"),
        .init(
            keyword: .additionalProperties, schema: #"{"properties": {"o": {"additionalProperties": false}}}"#,
            offending: "o:\n  k: 1\n", expected: "2:3 /o/k", twin: "o: {}\n"),
        .init(
            keyword: .minItems, schema: #"{"properties": {"l": {"minItems": 2}}}"#, offending: "l:\n  - 1\n",
            expected: "2:3 /l", twin: "l:\n  - 1\n  - 2\n"),
        .init(
            keyword: .maxItems, schema: #"{"properties": {"l": {"maxItems": 1}}}"#, offending: "l: [1, 2]\n",
            expected: "1:4 /l", twin: "l: [1]\n"),
        .init(
            keyword: .items, schema: #"{"properties": {"l": {"prefixItems": [{"type": "integer"}], "items": false}}}"#,
            offending: "l: [1, 2]\n", expected: "1:8 /l/1", twin: "l: [1]\n"),
        .init(
            keyword: .uniqueItems, schema: #"{"properties": {"l": {"uniqueItems": true}}}"#,
            offending: "l: [1, 2, 1]\n",
            expected: "1:11 /l/2", twin: "l: [1, 2, 3]\n"),
        .init(
            keyword: .minLength, schema: #"{"properties": {"s": {"minLength": 3}}}"#, offending: "s: ab\n",
            expected: "1:4 /s", twin: "s: abc\n"),
        .init(
            keyword: .maxLength, schema: #"{"properties": {"s": {"maxLength": 2}}}"#, offending: "s: 'abc'\n",
            expected: "1:4 /s", twin: "s: 'ab'\n"),
        .init(
            keyword: .pattern, schema: #"{"properties": {"s": {"pattern": "^[a-z]+$"}}}"#, offending: "s: Abc\n",
            expected: "1:4 /s", twin: "s: abc\n"),
        .init(
            keyword: .format, schema: #"{"properties": {"d": {"format": "date"}}}"#, offending: "d: '2026-02-30'\n",
            expected: "1:4 /d", twin: "d: '2026-02-28'\n"),
        .init(
            keyword: .minimum, schema: #"{"properties": {"n": {"minimum": 1}}}"#, offending: "n: 0\n",
            expected: "1:4 /n", twin: "n: 1\n"),
        .init(
            keyword: .maximum, schema: #"{"properties": {"n": {"maximum": 1}}}"#, offending: "n: 1.5\n",
            expected: "1:4 /n", twin: "n: 1\n"),
        .init(
            keyword: .exclusiveMinimum, schema: #"{"properties": {"n": {"exclusiveMinimum": 0}}}"#, offending: "n: 0\n",
            expected: "1:4 /n", twin: "n: 0.5\n"),
        .init(
            keyword: .exclusiveMaximum, schema: #"{"properties": {"n": {"exclusiveMaximum": 1}}}"#, offending: "n: 1\n",
            expected: "1:4 /n", twin: "n: 0.5\n"),
        .init(
            keyword: .multipleOf, schema: #"{"properties": {"n": {"multipleOf": 0.25}}}"#, offending: "n: 0.3\n",
            expected: "1:4 /n", twin: "n: 0.75\n"),
    ]

    /// Keywords the collector names only when a failing alternative (or property name schema)
    /// explained nothing itself, which no keyword it checks does: the rule exists so that such a
    /// failure is still reported, but no card can make it fire.
    static let unreachable: Set<SchemaKeyword> = [.anyOf, .propertyNames]

    /// The schema findings of `yaml` as the card `cards/x.yaml` under `schema`.
    static func schemaFindings(_ yaml: String, schema: String) throws -> [Finding] {
        let validator = CardValidator(schema: try JSONSchema(try JSONParser.parse(schema)))
        return validator.validate(Data(yaml.utf8), path: "cards/x.yaml").findings.filter {
            $0.ruleID.schemaKeyword != nil
        }
    }

    @Test(arguments: fixtures)
    func reportsTheKeywordsRuleAtTheValue(_ fixture: SchemaRuleFixture) throws {
        let findings = try Self.schemaFindings(fixture.offending, schema: fixture.schema)
        #expect(findings.map(\.ruleID) == [RuleID(fixture.keyword)])
        #expect(
            findings.map { "\($0.location?.position?.description ?? "") \($0.location?.pointer ?? "-")" } == [
                fixture.expected
            ])
        #expect(findings.map(\.ruleID.rawValue) == ["schema-\(fixture.keyword.rawValue)"])
    }

    @Test(arguments: fixtures)
    func passesTheHonestTwin(_ fixture: SchemaRuleFixture) throws {
        #expect(try Self.schemaFindings(fixture.twin, schema: fixture.schema).isEmpty)
    }

    @Test func everyKeywordHasAFixtureOrIsUnreachable() {
        let covered = Set(Self.fixtures.map(\.keyword))
        #expect(covered.isDisjoint(with: Self.unreachable))
        #expect(covered.union(Self.unreachable) == Set(SchemaKeyword.allCases))
    }
}
