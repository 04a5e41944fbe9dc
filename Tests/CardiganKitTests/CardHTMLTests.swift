import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The site writes card bodies directly (``CardHTML``) instead of through Mustache when the
/// export template is the built-in one, each distinct section once per card: the bytes must be
/// exactly what the template renders, for every card and every version.
@Suite struct CardHTMLTests {
    /// The built-in template's text.
    private func builtInTemplate() throws -> String {
        try CardExporter.templateText(CardHTML.templatePath, workspace: nil)
    }

    /// What Mustache renders of `source` through the built-in template (as the site cuts it)
    /// and what the memo writes.
    private func both(_ source: ExportSource, memo: SectionHTMLMemo = SectionHTMLMemo()) throws -> (
        mustache: String, direct: String
    ) {
        let compiled = try TemplateRenderer.compile(try builtInTemplate(), path: CardHTML.templatePath)
        return (try CardBody.render(source, compiled: compiled).html, memo.body(source).html)
    }

    /// A card that exercises every block the template shows: an unknown top-level section, a
    /// free map, a table of objects with missing keys, evaluation fields, a simple metric with
    /// axis names, bars with more values than labels, a line with notes, a matrix with fewer
    /// labels than cells, and texts that need escaping.
    private static let everyBlock = """
        name: every-block
        status: Draft
        model_overview:
          model_name: "Fish & <Chips> \\"quoted\\" 'single'"
          model_description: |
            Two lines,
            the second with é and ü.
          model_creator: [a, b, "<c>"]
        intended_uses:
          risk_rating: Low
        training_details:
          training_observations: "x < y"
          training_job_details:
            training_arn: arn
            training_datasets: [s3://bucket/a]
        evaluation_details:
          - name: "eval <1>"
            evaluation_observation: ok
            datasets: [d1, d2]
            metadata: {k1: v1, "k<2>": 2.5}
            metric_groups:
              - name: g
                metric_data:
                  - {name: auc, type: number, value: 0.9123, notes: "n & m", x_axis_name: ax}
                  - {name: flag, type: boolean, value: true}
                  - {name: bars, type: bar_chart, value: [1, -2.25, 3e2, 0.3333333], x_axis_name: [p, "<q>"], y_axis_name: share}
                  - {name: line, type: linear_graph, value: [[0, 0.5], [1.5, 0.25], [3, 1]], notes: "line <notes>"}
                  - {name: m, type: matrix, value: [[10, 2, 0.5], [3, 40]], x_axis_name: [c1, c2], y_axis_name: r1}
          - name: second
        additional_information:
          ethical_considerations: none
          custom_details: {team: "a&b", cost: 12}
        extra_section:
          rows:
            - {a: 1, b: two}
            - {b: three, c: null}
            - plain
          flag: false

        """

    private func root(_ text: String) throws -> ValueNode {
        guard let root = SafeYAMLLoader.load(bytes: Array(text.utf8), path: "cards/x.yaml").root else {
            throw CardiganError("cannot load the test card")
        }
        return root
    }

    private func source(_ name: String, root: ValueNode, link: String? = "pkg/1") -> ExportSource {
        ExportSource(
            name: name, version: 3, status: "Approved", modelPackage: link, commit: ExportFixtures.commit,
            digest: "sha256:00", root: root)
    }

    @Test func theBuiltInTemplateIsRecognisedAndAnEditedOneIsNot() throws {
        let text = try builtInTemplate()
        #expect(CardHTML.isBuiltIn(text))
        #expect(!CardHTML.isBuiltIn(text.replacingOccurrences(of: "<h2>", with: "<h2 class=\"x\">")))
        #expect(!CardHTML.isBuiltIn(text + "\n"))
    }

    @Test(arguments: ExportFixtures.cardNames)
    func everyExampleCardIsWhatTheTemplateRenders(_ name: String) throws {
        let result = try both(try ExportFixtures.source(name))
        #expect(result.direct == result.mustache)
        #expect(result.direct.contains("<svg"))
    }

    @Test func everyBlockKindIsWhatTheTemplateRenders() throws {
        let root = try root(Self.everyBlock)
        for link in ["pkg/1", nil] {
            let result = try both(source("every-block", root: root, link: link))
            #expect(result.direct == result.mustache)
        }
        let result = try both(source("every-block", root: root))
        for part in ["<table class=\"matrix\">", "<polyline", "<rect", "Extra section", "&lt;q&gt;"] {
            #expect(result.direct.contains(part), "missing \(part)")
        }
    }

    @Test func hostileTextsAreEscapedExactlyAsTheTemplateEscapesThem() throws {
        let base = try root(Self.everyBlock)
        let hostile = ["<script>x</script>", "\u{1B}[31m", "\u{202E}evil", "e\u{301}", "a\r\nb", "\"'&"]
        for text in hostile {
            let root = appending(text, to: base)
            let result = try both(source("every-block", root: root))
            #expect(result.direct == result.mustache, "differs for \(text.debugDescription)")
            #expect(!result.direct.contains("<script>"))
            #expect(result.direct.contains("<polyline"))
        }
    }

    @Test func aMemoSharedByManyVersionsGivesEachVersionItsOwnBytes() throws {
        let base = try root(Self.everyBlock)
        let memo = SectionHTMLMemo()
        // Versions whose values are equal as JSON but written differently: each must show its own.
        let versions: [ValueNode] = [
            base,
            ExportFixtures.mapStrings(base) { $0 == "none" ? "e\u{301}" : $0 },
            ExportFixtures.mapStrings(base) { $0 == "none" ? "\u{E9}" : $0 },
            reordered(base, key: "additional_information"),
            replacing(base, key: "intended_uses", with: "risk_rating: 1.0"),
            replacing(base, key: "intended_uses", with: "risk_rating: 1"),
            base,
        ]
        var seen: Set<String> = []
        for root in versions {
            let shared = try both(source("every-block", root: root), memo: memo)
            let fresh = try both(source("every-block", root: root))
            #expect(shared.direct == fresh.mustache)
            seen.insert(shared.direct)
        }
        #expect(seen.count >= 4)
    }

    /// With the file's bytes, sections are remembered by their bytes: each version of a file
    /// must still show its own sections, whether the file can be cut into sections or not.
    @Test func aMemoKeyedBySectionBytesGivesEachVersionItsOwnBytes() throws {
        let base = Self.everyBlock
        let texts = [
            base,
            base.replacingOccurrences(of: "ethical_considerations: none", with: "ethical_considerations: some"),
            base,
            "# a comment before the first section\n" + base,
            base.replacingOccurrences(
                of: "  custom_details: {team: \"a&b\", cost: 12}", with: "  custom_details: {cost: 12, team: \"a&b\"}"),
            base.replacingOccurrences(of: "ethical_considerations: none", with: "ethical_considerations: cafe\u{301}"),
            base.replacingOccurrences(of: "ethical_considerations: none", with: "ethical_considerations: caf\u{E9}"),
            // A flow mapping running onto column 1: the line there looks like a section of its
            // own, so the cut is not exact and the values decide.
            base.replacingOccurrences(
                of: "custom_details: {team: \"a&b\", cost: 12}", with: "custom_details: {team: \"a&b\",\ncost: 12}"),
            base.replacingOccurrences(
                of: "custom_details: {team: \"a&b\", cost: 12}", with: "custom_details: {team: \"a&b\",\ncost: 13}"),
            base,
        ]
        let memo = SectionHTMLMemo()
        var seen: Set<[UInt8]> = []
        for text in texts {
            let bytes = Array(text.utf8)
            let source = source("every-block", root: try root(text))
            let fresh = try both(source).mustache
            #expect(memo.body(source, bytes: bytes).html == fresh)
            seen.insert(Array(fresh.utf8))
        }
        #expect(seen.count == 6)  // the comment, and the flow mapping with the same values, show nothing new
    }

    @Test func identicalIsStricterThanJSONEquality() throws {
        let a = try root("x: {a: 1, b: 2}\ny: caf\u{E9}\nz: 1\n")
        let b = try root("x: {b: 2, a: 1}\ny: cafe\u{301}\nz: 1.0\n")
        for key in ["x", "y", "z"] {
            let (left, right) = (try #require(a[key]), try #require(b[key]))
            #expect(left == right)
            #expect(!SectionHTMLMemo.identical(left, right))
            #expect(SectionHTMLMemo.identical(left, left))
        }
    }

    /// `node` with `text` appended to every string but the metric types (which make charts).
    private func appending(_ text: String, to node: ValueNode) -> ValueNode {
        switch node.kind {
        case .string(let string): return ValueNode(.string(string + text))
        case .array(let elements): return ValueNode(.array(elements.map { appending(text, to: $0) }))
        case .object(let members):
            return ValueNode(
                .object(
                    members.map {
                        ValueNode.Member(
                            key: $0.key, keyPosition: .start,
                            value: $0.key == "type" ? $0.value : appending(text, to: $0.value))
                    }))
        default: return node
        }
    }

    /// `root` with the members of its `key` object in reverse order.
    private func reordered(_ root: ValueNode, key: String) -> ValueNode {
        var root = root
        guard case .object(var members) = root.kind, let index = members.firstIndex(where: { $0.key == key }),
            case .object(let inner) = members[index].value.kind
        else { return root }
        members[index].value = ValueNode(.object(inner.reversed()))
        root.kind = .object(members)
        return root
    }

    /// `root` with its `key` value replaced by the YAML `text`.
    private func replacing(_ root: ValueNode, key: String, with text: String) -> ValueNode {
        var root = root
        guard case .object(var members) = root.kind, let index = members.firstIndex(where: { $0.key == key }),
            let value = SafeYAMLLoader.load(bytes: Array(text.utf8), path: "x.yaml").root
        else { return root }
        members[index].value = value
        root.kind = .object(members)
        return root
    }
}
