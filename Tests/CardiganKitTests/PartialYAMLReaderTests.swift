import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `list` reads a card's fields with ``PartialYAMLReader``, which builds nodes only for the
/// keys it shows; whatever it does not handle goes to ``SafeYAMLLoader``. These tests hold the
/// two readings side by side: same fields on every card, mutated card and hostile file, and the
/// fast path really taken on the cards people write.
@Suite struct PartialYAMLReaderTests {
    static let paths = ListedFields.paths

    /// Every bundled card, and with `templates`, every card template (`{{name}}` placeholders,
    /// which YAML reads as flow mappings used as keys, and which the fast reading hands over).
    static func bundledCards(templates: Bool = false) throws -> [(name: String, bytes: [UInt8])] {
        var cards: [(String, [UInt8])] = []
        for folder in [PackagePaths.exampleCards] + (templates ? [PackagePaths.root + "/templates/cards"] : []) {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            where name.hasSuffix(".yaml") {
                cards.append((name, try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))))
            }
        }
        return cards
    }

    @Test func readsEveryBundledCardFastAndAsTheWholeTreeDoes() throws {
        let cards = try Self.bundledCards()
        #expect(cards.count >= 3, "the bundled cards were found")
        for (name, bytes) in cards {
            let fast = PartialYAMLReader.read(bytes, keeping: Self.paths)
            #expect(fast != nil, "\(name) is read fast")
            guard let pruned = fast else { continue }
            let whole = try #require(SafeYAMLLoader.load(bytes: bytes, path: name).root)
            #expect(Self.shape(pruned) == Self.shape(Self.prune(whole, to: Self.paths)), "\(name)")
            #expect(ListedFields.read(bytes, path: name) == ListedFields.readWhole(bytes, path: name), "\(name)")
            let memo = SectionMemo()
            let bySection = try #require(memo.prunedRoot(of: bytes, keeping: Self.paths), "\(name) by section")
            #expect(Self.shape(bySection).count > 20, "\(name) by section keeps the fields")
            #expect(ListedFields(root: bySection) == ListedFields.readWhole(bytes, path: name), "\(name) by section")
        }
        // What list shows of the examples, so that a reader that finds nothing cannot pass.
        let churn = try #require(cards.first { $0.name == "customer-churn.yaml" })
        let fields = ListedFields.read(churn.bytes, path: "churn")
        #expect(fields.riskRating != nil && fields.status != nil && fields.modelPackage != nil, "\(fields)")
        // The templates: the same fields either way, whichever reading gives them.
        for (name, bytes) in try Self.bundledCards(templates: true) {
            #expect(ListedFields.read(bytes, path: name) == ListedFields.readWhole(bytes, path: name), "\(name)")
        }
    }

    /// Each line of each card doubled (a duplicate key at every depth, or a second sequence
    /// item), indented one more, moved to column 1, given an anchor, a tag or an alias, or cut
    /// off after it: the fast reading and the whole one agree on every one.
    @Test func agreesWithTheWholeTreeOnEveryLineOfTheCardsMutated() throws {
        var mutants = 0
        var declined = 0
        let sections = SectionMemo()  // shared, as in `list`: the unchanged sections come from it
        for (name, bytes) in try Self.bundledCards() {
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            // Every line that holds YAML (comments and blank lines only add time).
            for index in lines.indices
            where !lines[index].drop(while: { $0 == " " }).hasPrefix("#") && !lines[index].isEmpty {
                let line = lines[index]
                let indent = String(line.prefix { $0 == " " })
                let text = line.dropFirst(indent.count)
                let variants: [String] = [
                    line, " " + line, String(text), indent + "&a " + text, indent + "!!str " + text,
                    indent + "*a", indent + "<<: {x: 1}", indent + "- " + text, indent + "{" + text,
                    indent + "status: Approved", indent + "risk_rating: Low", indent + "\t" + text,
                ]
                for variant in variants {
                    var edited = lines
                    edited.insert(variant, at: index + 1)
                    let mutated = Array(edited.joined(separator: "\n").utf8)
                    let fast = ListedFields.read(mutated, path: name)
                    let whole = ListedFields.readWhole(mutated, path: name)
                    #expect(fast == whole, "\(name) with line \(index + 2) '\(variant)': \(fast) against \(whole)")
                    let bySection = ListedFields.read(mutated, path: name, sections: sections)
                    #expect(bySection == whole, "\(name) with line \(index + 2) '\(variant)', section by section")
                    mutants += 1
                    if PartialYAMLReader.read(mutated, keeping: Self.paths) == nil { declined += 1 }
                }
                let cut = Array(lines[...index].joined(separator: "\n").utf8)
                #expect(ListedFields.read(cut, path: name) == ListedFields.readWhole(cut, path: name), "\(name) cut")
            }
        }
        #expect(mutants > 1_500)
        // Both paths were exercised: the mutations the reader hands over and those it reads.
        #expect(declined > 500 && mutants - declined > 500, "\(declined) of \(mutants) declined")
    }

    /// Files whose meaning the fast reading does not reproduce: it hands each to the loader.
    static let declined: [String] = [
        "status: &s Approved\nname: *s\n",
        "status: !!str Approved\n",
        "!!map\nstatus: Approved\n",
        "intended_uses:\n  risk_rating: High\n  risk_rating: Low\n",
        "status: Draft\nname: a\nstatus: Approved\n",
        "other:\n  deep:\n    x: 1\n    x: 2\nstatus: Draft\n",
        "<<: {status: Approved}\n",
        "'<<': quoted\nstatus: Draft\n",
        "? [a, b]\n: c\nstatus: Draft\n",
        "status: Draft\nname: [x\n",
        "status: Draft\n---\nstatus: Approved\n",
        "",
        "# only a comment\n",
        "status: Draft\ncaf\u{E9}: 1\ncafe\u{301}: 2\n",  // the same key as Strings: a duplicate to the loader
        String(repeating: "- ", count: 70) + "x\n",
        "status: Draft\n" + (0..<40).map { "k\($0): v" }.joined(separator: "\n") + "\nk7: again\n",
    ]

    @Test(arguments: Self.declined)
    func handsOverWhatItDoesNotReproduce(_ text: String) {
        let bytes = Array(text.utf8)
        let fast = ListedFields.read(bytes, path: "x")
        #expect(fast == ListedFields.readWhole(bytes, path: "x"))
        #expect(PartialYAMLReader.read(bytes, keeping: Self.paths) == nil, "\(text.debugDescription)")
    }

    @Test func handsOverBytesThatAreNotUTF8AndReadsPastAByteOrderMark() {
        let invalid: [UInt8] = Array("status: Draft\nname: ".utf8) + [0xC3, 0x28, 0x0A]
        #expect(PartialYAMLReader.read(invalid, keeping: Self.paths) == nil)
        #expect(ListedFields.read(invalid, path: "x") == ListedFields())
        let marked: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("status: Approved\n".utf8)
        #expect(ListedFields.read(marked, path: "x") == ListedFields(status: .approved))
        #expect(ListedFields.readWhole(marked, path: "x") == ListedFields(status: .approved))
    }

    /// Files the fast reading reads itself, with what the whole tree gives for them.
    static let read: [(String, ListedFields)] = [
        (
            "status: 'Approved'\nintended_uses: {risk_rating: \"High\"}\n",
            ListedFields(status: .approved, riskRating: "High")
        ),
        ("intended_uses:\n  risk_rating: |\n    Medium\n", ListedFields(riskRating: "Medium\n")),
        ("intended_uses:\n  risk_rating: 3\n", ListedFields()),
        ("intended_uses: [risk_rating]\nstatus: approved\n", ListedFields()),
        ("intended_uses: High\nstatus: Draft\n", ListedFields(status: .draft)),
        (
            "model_package_details:\n  model_package_group_name: g\n  model_package_version: 0x1F\n",
            ListedFields(modelPackage: "g/31")
        ),
        ("model_package_details:\n  model_package_group_name: g\n  model_package_version: '3'\n", ListedFields()),
        ("model_package_details:\n  model_package_group_name: g\n  model_package_version: 3.0\n", ListedFields()),
        (
            "model_package_details: {model_package_group_name: g, model_package_version: 7}\n",
            ListedFields(modelPackage: "g/7")
        ),
        ("status: Draft\nnotes: \"bell \\a\"\n", ListedFields(status: .draft)),  // a finding, yet a tree
        ("- status: Draft\n", ListedFields()),
        ("%YAML 1.2\n---\nstatus: Archived\n...\n", ListedFields(status: .archived)),
        (
            "status: Draft\nlong:\n" + (0..<40).map { "  k\($0): v" }.joined(separator: "\n") + "\n",
            ListedFields(status: .draft)
        ),
    ]

    @Test(arguments: 0..<Self.read.count)
    func readsThePlainCasesItselfAsTheWholeTreeDoes(_ index: Int) throws {
        let (text, expected) = Self.read[index]
        let bytes = Array(text.utf8)
        #expect(PartialYAMLReader.read(bytes, keeping: Self.paths) != nil, "\(text.debugDescription) is read fast")
        #expect(ListedFields.read(bytes, path: "x") == expected)
        #expect(ListedFields.readWhole(bytes, path: "x") == expected)
    }

    /// `node` with every member off `paths` left out, and no elements in arrays or in objects
    /// not on a path: what the fast reading promises to build.
    static func prune(_ node: ValueNode, to paths: PartialYAMLReader.Paths?) -> ValueNode {
        var copy = node
        switch node.kind {
        case .array: copy.kind = .array([])
        case .object(let members):
            copy.kind = .object(
                members.compactMap { member in
                    guard let below = paths?.children[member.key] else { return nil }
                    var kept = member
                    kept.value = prune(member.value, to: below)
                    return kept
                })
        default: break
        }
        return copy
    }

    /// The node written out with its kinds, positions and source text: stricter than `==`,
    /// which compares JSON values (1 equals 1.0).
    static func shape(_ node: ValueNode) -> String {
        let place = "@\(node.position.line):\(node.position.column)-\(node.end.map { "\($0.line):\($0.column)" } ?? "")"
        switch node.kind {
        case .array(let elements): return "[" + elements.map(shape).joined(separator: ",") + "]" + place
        case .object(let members):
            return "{"
                + members.map { "\($0.key)@\($0.keyPosition.line):\($0.keyPosition.column)=\(shape($0.value))" }
                .joined(separator: ",") + "}" + place
        default: return "\(node.kind)|\(node.sourceText ?? "-")" + place
        }
    }
}
