import Foundation
import TestSupport
import Testing
import Yams

@testable import CardiganKit

/// cardigan reads libyaml's events itself (``LibYAMLParser``); Yams composes a node tree from the
/// same parser with its own code. On every document safe YAML accepts, the two must see the same
/// structure, the same text and the same positions, or the event loader has lost something.
@Suite struct EventLoaderDifferentialTests {
    /// Documents chosen for the constructs the event loader has to get right.
    static let snippets: [String] = [
        "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e, f: [1, 2.5, ~]}\n",
        "notes: |\n  first line\n    indented\n  last\nfolded: >-\n  one\n  two\n\n  three\n",
        "plain: a plain\n  scalar over\n  three lines\nquoted: \"tab\\there \\u00e9 \\\"q\\\"\"\nsingle: 'it''s'\n",
        "- a\n- - nested\n  - seq\n- k: v\n  other: w\n-\n- ''\n",
        "unicode: \"héllo wörld ✓\"\nkey with spaces: value\n\"quoted key\": 3\n'1.10': string key\n",
        "# comment\nname: demo # trailing comment\n\nempty:\nnull_word: null\ntilde: ~\nbools: [true, false, True, yes, no]\n",
        "numbers: [0, -1, +2, 1.5e3, .inf, -.INF, .nan, 0x1F, 0o17, 1_000]\n",
        "deep:\n  a:\n    b:\n      c:\n        - d:\n            e: [f, {g: h}]\n",
        "%YAML 1.2\n---\nexplicit: document\n...\n",
        "key: >\n  folded with trailing\n  newline kept\n\nnext: |+\n  keep\n\n",
        "? explicit key\n: explicit value\nflow: [ {a: 1}, [b, c] ]\n",
        "windows: line\r\nendings: too\r\n",
    ]

    @Test(arguments: Self.snippets)
    func agreesWithYamsOnSnippet(_ text: String) throws {
        try expectAgreement(text, name: text.debugDescription)
    }

    @Test func agreesWithYamsOnTheBundledCards() throws {
        let folder = PackagePaths.exampleCards
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 3, "the bundled cards were found")
        for name in names.sorted() {
            let text = try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8)
            try expectAgreement(text, name: "cards/\(name)")
        }
    }

    private func expectAgreement(_ text: String, name: String) throws {
        let result = SafeYAMLLoader.load(Data(text.utf8), path: "x.yaml")
        #expect(result.findings.isEmpty, "\(name): \(result.findings)")
        let ours = try #require(result.root, "\(name)")
        let theirs = try #require(try Yams.compose(yaml: text), "\(name)")
        compare(ours, theirs, at: name)
    }

    private func compare(_ ours: ValueNode, _ theirs: Yams.Node, at path: String) {
        if let mark = theirs.mark {
            #expect(
                ours.position == SourcePosition(line: mark.line, column: mark.column),
                "\(path): position \(ours.position) against Yams' \(mark)")
        }
        switch (ours.kind, theirs) {
        case (.object(let members), .mapping(let mapping)):
            let pairs = Array(mapping)
            #expect(members.count == pairs.count, "\(path): member count")
            for (member, pair) in zip(members, pairs) {
                #expect(member.key == pair.key.string, "\(path): key")
                if let mark = pair.key.mark {
                    #expect(
                        member.keyPosition == SourcePosition(line: mark.line, column: mark.column),
                        "\(path).\(member.key): key position")
                }
                compare(member.value, pair.value, at: "\(path).\(member.key)")
            }
        case (.array(let elements), .sequence(let sequence)):
            #expect(elements.count == sequence.count, "\(path): element count")
            for (index, (element, node)) in zip(elements, sequence).enumerated() {
                compare(element, node, at: "\(path)[\(index)]")
            }
        case (.string(let string), .scalar(let scalar)):
            #expect(string == scalar.string, "\(path): text")
        case (.null, .scalar(let scalar)), (.bool, .scalar(let scalar)), (.integer, .scalar(let scalar)),
            (.number, .scalar(let scalar)):
            // Resolved scalars are plain ones, and keep the text they were written as.
            #expect(scalar.style == .plain, "\(path): only plain scalars resolve")
            #expect((ours.sourceText ?? "") == scalar.string, "\(path): written text")
        default:
            Issue.record("\(path): \(ours.typeName) against Yams' \(theirs)")
        }
    }
}
