import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Markdown and HTML exports: golden files of the example cards, well-formed HTML, escaping.
@Suite struct ExportTemplateTests {
    @Test(arguments: ExportFixtures.cardNames)
    func markdownMatchesGolden(name: String) throws {
        let text = String(decoding: try ExportFixtures.render(name, .markdown), as: UTF8.self)
        Golden.expect(text, matches: "export.\(name).md")
    }

    @Test(arguments: ExportFixtures.cardNames)
    func htmlMatchesGolden(name: String) throws {
        let text = String(decoding: try ExportFixtures.render(name, .html), as: UTF8.self)
        Golden.expect(text, matches: "export.\(name).html")
    }

    @Test(arguments: ExportFixtures.cardNames)
    func htmlIsSelfContainedAndWellFormed(name: String) throws {
        let html = String(decoding: try ExportFixtures.render(name, .html), as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(html.contains("<svg") || !html.contains("bar_chart"))
        try expectWellFormed(html)
        #expect(html.contains("digest sha256:"))
        #expect(html.contains(ExportFixtures.commit))
    }

    @Test func chartsAreDrawn() throws {
        let html = String(decoding: try ExportFixtures.render("credit-risk", .html), as: UTF8.self)
        #expect(html.contains("<polyline"))  // linear_graph
        #expect(html.components(separatedBy: "<rect").count > 6)  // bars
        #expect(html.contains("class=\"matrix\""))  // confusion matrix as a heat-map table
        #expect(html.contains("Predicted good"))
        #expect(html.contains("Ratio to most favoured band"))  // axis name
        #expect(html.contains("@media print"))
    }

    /// SageMaker's schema names two nested fields `function` (`objective_function.function.function`
    /// is the direction); the labels say what each field is, in every format, and an unrelated
    /// field named `function` keeps its plain label.
    @Test func objectiveFunctionFieldsAreLabelledByWhatTheyAre() throws {
        let markdown = String(decoding: try ExportFixtures.render("credit-risk", .markdown), as: UTF8.self)
        let html = String(decoding: try ExportFixtures.render("credit-risk", .html), as: UTF8.self)
        let readme = String(decoding: try ExportFixtures.render("credit-risk", .huggingface), as: UTF8.self)
        for text in [markdown, html, readme] {
            #expect(!text.contains("Function / Function"))
            #expect(text.contains("Objective function / Direction"))
            #expect(text.contains("Objective function / Metric"))
            #expect(text.contains("Objective function / Condition"))
            #expect(text.contains("Objective function / Notes"))
        }
        #expect(markdown.contains("**Objective function / Direction:** Minimize"))
        #expect(ExportLabels.label("function", at: "/custom/function") == "Function")
        #expect(ExportLabels.label("facet", at: "/training_details/facet") == "Facet")
    }

    @Test(arguments: ExportFixtures.cardNames)
    func injectedScriptIsEscapedEverywhere(name: String) throws {
        let payload = "<script>alert(\"x\")</script>&'"
        let root = ExportFixtures.mapStrings(try ExportFixtures.root(name)) { $0 + payload }
        let html = String(decoding: try ExportFixtures.render(name, .html, root: root), as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(!html.contains("</script"))
        try expectWellFormed(html)
        // Every text field shows the payload as text.
        let shown =
            html.components(separatedBy: "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;").count - 1
        #expect(shown >= ExportFixtures.strings(in: try ExportFixtures.root(name)).count / 2)
        let markdown = String(decoding: try ExportFixtures.render(name, .markdown, root: root), as: UTF8.self)
        // Markdown shows `\<script\>`: no `<` without its backslash.
        #expect(!markdown.replacingOccurrences(of: "\\<", with: "").contains("<script"))
        let readme = String(decoding: try ExportFixtures.render(name, .huggingface, root: root), as: UTF8.self)
        let body = readme.components(separatedBy: "\n---\n").dropFirst().joined()
        #expect(!body.replacingOccurrences(of: "\\<", with: "").contains("<script"))
    }

    @Test func aRepositoryTemplateOverridesTheBuiltInOne() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(
            atPath: directory + "/templates/export", withIntermediateDirectories: true)
        try Data("Card {{name}} v{{version}} {{digest}}\n".utf8).write(
            to: URL(fileURLWithPath: directory + "/templates/export/card.md.mustache"))
        let source = try ExportFixtures.source("customer-churn")
        let text = try CardExporter.render(source, format: .markdown, workspace: Workspace(rootPath: directory))
        #expect(String(decoding: text, as: UTF8.self) == "Card customer-churn v1 \(source.digest)\n")
    }

    @Test func markdownEscapingKeepsIdentifiersReadable() {
        #expect(TextEscaping.markdown("train_auc") == "train_auc")
        #expect(TextEscaping.markdown("_x_ *y* <b>") == "\\_x\\_ \\*y\\* \\<b\\>")
        #expect(TextEscaping.markdown("# not a heading") == "\\# not a heading")
    }

    /// Checks with Python's HTML parser that every non-void element is closed in order.
    private func expectWellFormed(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let script = """
            import sys
            from html.parser import HTMLParser
            VOID = {"area","base","br","col","embed","hr","img","input","link","meta","source","track","wbr"}
            class P(HTMLParser):
                def __init__(self):
                    super().__init__(convert_charrefs=True)
                    self.stack = []
                    self.errors = []
                def handle_starttag(self, tag, attrs):
                    if tag not in VOID:
                        self.stack.append((tag, self.getpos()))
                def handle_startendtag(self, tag, attrs):
                    pass
                def handle_endtag(self, tag):
                    if not self.stack or self.stack[-1][0] != tag:
                        self.errors.append("unexpected </%s> at %s, open: %s" % (tag, self.getpos(), self.stack[-1:] ))
                        return
                    self.stack.pop()
            p = P()
            p.feed(sys.stdin.read())
            p.close()
            if p.stack:
                p.errors.append("unclosed: %s" % p.stack)
            print("\\n".join(p.errors))
            sys.exit(1 if p.errors else 0)
            """
        guard let python = TestTools.path("python3") else {
            Issue.record("python3 is not installed: the HTML is not checked", sourceLocation: sourceLocation)
            return
        }
        let result = try ProcessResult.run([python, "-c", script], in: "/", input: html)
        #expect(
            result.status == 0, "HTML is not well-formed: \(result.output)\(result.error)",
            sourceLocation: sourceLocation)
    }

    @Test func aBrokenTemplateIsLocatedAndSaidInWords() throws {
        let source = try ExportFixtures.source("customer-churn")
        do {
            _ = try TemplateRenderer.markdown(source, template: "# {{title}}\n\n{{#sections}}\n{{title}}\n")
            Issue.record("a template with an unclosed section rendered")
        } catch let error as CardiganError {
            #expect(error.message.contains("is never closed"), "\(error.message)")
            #expect(!error.message.contains("MustacheParserContext"))
            #expect(error.location?.path == "templates/export/card.md.mustache")
            #expect((error.location?.position?.line ?? 0) >= 3, "\(String(describing: error.location))")
        }
    }
}
