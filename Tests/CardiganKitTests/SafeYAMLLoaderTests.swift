import Foundation
import Testing

@testable import CardiganKit

/// Each refusal of safe YAML, with the exact rule and position it must report.
@Suite struct SafeYAMLLoaderTests {
    private func load(_ text: String) -> SafeYAMLLoader.Result {
        SafeYAMLLoader.load(Data(text.utf8), path: "cards/x.yaml")
    }

    private func only(_ text: String) -> (rule: String, position: String)? {
        let result = load(text)
        guard let finding = result.findings.first, let location = finding.location else { return nil }
        return (finding.ruleID.rawValue, location.position?.description ?? "none")
    }

    @Test func keepsLineAndColumnOfEveryKeyAndValue() throws {
        let result = load("name: demo\nmodel_overview:\n  model_name: demo-xgb\n  tags: [a, b]\n")
        #expect(result.findings.isEmpty)
        let root = try #require(result.root)
        let overview = try #require(root.member("model_overview"))
        #expect(overview.keyPosition == SourcePosition(line: 2, column: 1))
        let modelName = try #require(overview.value.member("model_name"))
        #expect(modelName.keyPosition == SourcePosition(line: 3, column: 3))
        #expect(modelName.value.position == SourcePosition(line: 3, column: 15))
        let tags = try #require(overview.value["tags"]?.elements)
        #expect(tags[1].position == SourcePosition(line: 4, column: 13))
    }

    @Test func resolvesScalarsWithTheCoreSchema() throws {
        let root = try #require(load("a: no\nb: 1.10\nc: true\nd: ~\ne: '1.10'\nf: 0x1F\ng: yes\nh: 12\n").root)
        #expect(root["a"]?.stringValue == "no")
        #expect(root["g"]?.stringValue == "yes")
        guard case .number(let number)? = root["b"]?.kind else {
            Issue.record("1.10 should be a number")
            return
        }
        #expect(number == 1.1)
        #expect(root["b"]?.sourceText == "1.10")
        guard case .bool(true)? = root["c"]?.kind, case .null? = root["d"]?.kind,
            case .integer(31)? = root["f"]?.kind, case .integer(12)? = root["h"]?.kind
        else {
            Issue.record("core schema resolution failed")
            return
        }
        #expect(root["e"]?.stringValue == "1.10")
        #expect(root["e"]?.sourceText == nil)
    }

    @Test func refusesAnchorsAndAliases() {
        let found = only("a: &base\n  x: 1\nb: *base\n")
        #expect(found?.rule == "yaml-anchor")
        #expect(found?.position == "1:4")
    }

    @Test func refusesAnAliasBombQuickly() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let result = load(text)
        #expect(result.findings.allSatisfy { $0.ruleID == .yamlAnchor })
        #expect(result.findings.count == 9)
        #expect(result.findings.first?.location?.position == SourcePosition(line: 1, column: 4))
    }

    @Test func refusesExplicitTags() {
        let found = only("name: demo\nvalue: !!str 12\n")
        #expect(found?.rule == "yaml-tag")
        #expect(found?.position == "2:8")
        #expect(only("name: !custom demo\n")?.rule == "yaml-tag")
    }

    @Test func refusesMergeKeys() {
        let found = only("a:\n  x: 1\nb:\n  <<: {x: 1}\n  y: 2\n")
        #expect(found?.rule == "yaml-merge-key")
        #expect(found?.position == "4:3")
    }

    @Test func refusesDuplicateKeysAtTheSecondOccurrence() {
        let result = load("name: demo\nmodel_overview:\n  model_name: a\n  model_owner: b\n  model_name: c\n")
        let finding = result.findings.first
        #expect(finding?.ruleID == .yamlDuplicateKey)
        #expect(finding?.location?.position == SourcePosition(line: 5, column: 3))
        #expect(finding?.message.contains("'model_name'") == true)
        #expect(finding?.message.contains("3:3") == true)
        // Past 32 keys the loader looks keys up in an index: the same finding.
        let wide = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk3: again\n"
        #expect(only(wide)?.rule == "yaml-duplicate-key")
        #expect(only(wide)?.position == "41:1")
        #expect(load(wide).findings.first?.message.contains("first written at 4:1") == true)
    }

    @Test func refusesBytesThatAreNotUTF8() {
        var bytes = Array("name: demo\ndesc: caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes += Array("\n".utf8)
        let result = SafeYAMLLoader.load(Data(bytes), path: "cards/x.yaml")
        #expect(result.findings.first?.ruleID == .yamlEncoding)
        #expect(result.findings.first?.location?.position == SourcePosition(line: 2, column: 10))
    }

    @Test func refusesAFileOverOneMebibyte() {
        let text = "name: demo\nnotes: |\n" + String(repeating: "  lorem ipsum dolor sit amet\n", count: 40_000)
        #expect(only(text)?.rule == "yaml-size")
    }

    @Test func refusesNestingDeeperThan64() {
        let nested = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let found = only("a: \(nested)\n")
        #expect(found?.rule == "yaml-depth")
        #expect(found?.position == "1:67", "at the bracket that opens level 65")
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(only(deep)?.rule == "yaml-depth")
        let block = (0..<70).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
        #expect(only(block)?.rule == "yaml-depth")
        #expect(only(block)?.position == "65:129", "at the key 'k64', level 65")
    }

    @Test func refusesMoreThanOneDocument() {
        let found = only("name: a\n---\nname: b\n")
        #expect(found?.rule == "yaml-multiple-documents")
        #expect(found?.position == "2:1")
    }

    @Test func refusesAnEmptyFile() {
        #expect(only("")?.rule == "yaml-empty")
        #expect(only("")?.position == "1:1")
        #expect(only("# only a comment\n")?.rule == "yaml-empty")
    }

    @Test func reportsSyntaxErrorsWithTheirPosition() {
        let found = only("name: demo\nmodel_overview:\n  model_name: [unclosed\n")
        #expect(found?.rule == "yaml-syntax")
        // libyaml notices at the end of the file; the message names where the bracket opened.
        #expect(found?.position == "4:1")
        let message = load("name: demo\nmodel_overview:\n  model_name: [unclosed\n").findings.first?.message ?? ""
        #expect(message.contains("starts at 3:15"), "\(message)")
        let tab = only("name: demo\n\tstatus: Draft\n")
        #expect(tab?.rule == "yaml-syntax")
        #expect(tab?.position == "2:1")
        // The invisible character is named; a tab after a multi-byte letter is found by its column.
        for text in ["name: demo\n\tstatus: Draft\n", "name: démo\nlist:\n  - é\n\t- b\n"] {
            let finding = load(text).findings.first
            #expect(finding?.message == "invalid YAML: a tab character where a line's content begins", "\(text)")
            #expect(finding?.hint == "YAML indents with spaces: replace the tab with spaces")
        }
        #expect(
            SafeYAMLLoader.byte(at: SourcePosition(line: 2, column: 3), in: Array("é\naéb\n".utf8)) == UInt8(ascii: "b")
        )
        #expect(SafeYAMLLoader.byte(at: SourcePosition(line: 3, column: 1), in: Array("a\n".utf8)) == nil)
    }

    @Test func readsPastAByteOrderMarkAndCountsColumnsAsAnEditorDoes() throws {
        let result = load("\u{FEFF}name: demo\nstatus: [Draft\n")
        #expect(result.findings.first?.ruleID == .yamlSyntax)
        let root = try #require(load("\u{FEFF}name: demo\n").root)
        // libyaml would count the invisible mark as column 1; an editor does not.
        #expect(root.member("name")?.keyPosition == SourcePosition(line: 1, column: 1))
        #expect(root["name"]?.position == SourcePosition(line: 1, column: 7))
    }

    @Test func keepsAnchorsInsideARefusedAnchorFromBeingCalledUndefined() {
        let result = load("a: &outer\n  b: &inner 1\nc: *inner\nd: *missing\n")
        let reported = result.findings.map { "\($0.ruleID)@\($0.location?.position?.description ?? "")" }
        #expect(reported == ["yaml-anchor@1:4", "yaml-anchor@4:4"], "\(reported)")
        #expect(result.findings.last?.message.contains("names no anchor") == true)
    }

    @Test func refusesBinaryGarbage() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = SafeYAMLLoader.load(Data(bytes), path: "cards/x.yaml")
        #expect(result.root == nil)
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.location != nil)
    }
}
