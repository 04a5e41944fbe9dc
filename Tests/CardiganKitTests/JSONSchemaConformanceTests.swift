import Foundation
import Testing

@testable import CardiganKit

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) for every keyword cardigan's
/// validator supports and asserts every case, except the few in ``skipped`` that need features
/// outside its scope.
@Suite struct JSONSchemaConformanceTests {
    /// The suite files run, relative to `tests/draft2020-12`.
    static let files = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
        "propertyNames", "items", "prefixItems", "minItems", "maxItems", "uniqueItems", "minLength",
        "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minProperties", "maxProperties", "allOf", "anyOf", "oneOf", "not", "if-then-else",
        "dependentRequired", "ref", "defs", "boolean_schema",
        "optional/format/date", "optional/format/date-time", "optional/format/uri", "optional/format/email",
    ]

    /// One group (or one case of a group, when `test` is set) left out on purpose.
    struct Skip {
        var file: String
        var group: String
        var test: String?
        var reason: String
    }

    /// Cases that need what this validator deliberately does not do.
    static let skipped: [Skip] = [
        Skip(
            file: "defs", group: "validate definition against metaschema",
            reason: "needs the remote 2020-12 meta-schema ($dynamicRef, vocabularies)"),
        Skip(file: "ref", group: "remote ref, containing refs itself", reason: "needs the remote 2020-12 meta-schema"),
        Skip(
            file: "ref", group: "ref creates new scope when adjacent to keywords", reason: "needs unevaluatedProperties"
        ),
        Skip(
            file: "not", group: "collect annotations inside a 'not', even if collection is disabled",
            reason: "needs unevaluatedProperties"),
    ]

    /// The suite vendored into `Tests/Conformance` (upstream commit in its `COMMIT` file).
    static func suiteDirectory() -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Conformance/json-schema-test-suite")
    }

    static func skip(for file: String, group: String, test: String) -> Skip? {
        skipped.first { $0.file == file && $0.group == group && ($0.test == nil || $0.test == test) }
    }

    @Test func draft2020_12() throws {
        let suite = Self.suiteDirectory()
        var ran = 0
        var passed = 0
        var skippedCount = 0
        for file in Self.files {
            let url = suite.appendingPathComponent("tests/draft2020-12/\(file).json")
            let text = try String(contentsOf: url, encoding: .utf8)
            let groups = try #require(try JSONParser.parse(text).elements, "\(file).json is not an array")
            for group in groups {
                let groupName = group["description"]?.stringValue ?? "?"
                let schemaNode = try #require(group["schema"], "\(file): \(groupName) has no schema")
                let tests = group["tests"]?.elements ?? []
                let compiled: JSONSchema?
                do {
                    compiled = try JSONSchema(schemaNode)
                } catch {
                    compiled = nil
                    if tests.contains(where: {
                        Self.skip(for: file, group: groupName, test: $0["description"]?.stringValue ?? "") == nil
                    }) {
                        Issue.record("\(file).json / \(groupName): schema did not compile: \(error)")
                    }
                }
                for test in tests {
                    let testName = test["description"]?.stringValue ?? "?"
                    if Self.skip(for: file, group: groupName, test: testName) != nil {
                        skippedCount += 1
                        continue
                    }
                    ran += 1
                    guard let compiled, let data = test["data"], case .bool(let expected) = test["valid"]?.kind else {
                        continue
                    }
                    let fast = compiled.isValid(data)
                    let violations = compiled.validate(data)
                    if fast == expected && violations.isEmpty == expected {
                        passed += 1
                    } else {
                        Issue.record(
                            "\(file).json / \(groupName) / \(testName): expected \(expected ? "valid" : "invalid"), isValid \(fast), \(violations.count) violations"
                        )
                    }
                }
            }
        }
        print("JSON-Schema-Test-Suite draft2020-12: ran \(ran), passed \(passed), skipped \(skippedCount)")
        for skip in Self.skipped {
            print("  skipped \(skip.file).json / \(skip.group)\(skip.test.map { " / \($0)" } ?? ""): \(skip.reason)")
        }
        #expect(ran > 0)
        #expect(passed == ran)
    }
}
