import Foundation

/// The inside of `<main>` of the built-in HTML export template (`export/card.html.mustache`),
/// rendered by ``TemplateTree`` from the card document's typed scopes (``CardViewModel``):
/// byte for byte what Mustache renders from that template, without building the view model's
/// dictionaries, which took half of a site's build. The template is the only copy of its markup.
/// A repository's own template is always rendered by Mustache; `CardHTMLTests` holds the two
/// outputs equal.
enum CardHTML {
    /// The built-in template's path among the embedded templates.
    static let templatePath = "export/card.html.mustache"

    /// The built-in template's inside of `<main>`, and the inside of its `{{#sections}}`, parsed
    /// once; nil when that template is beyond what ``TemplateTree`` reads (Mustache renders it).
    private static let parts: (main: TemplateTree, section: TemplateTree)? = {
        guard let template = EmbeddedTemplates.files[templatePath], let tree = TemplateTree(template),
            let main = insideOfMain(tree.nodes)
        else { return nil }
        for case .section("sections", false, let inner) in main {
            return (TemplateTree(nodes: main), TemplateTree(nodes: inner))
        }
        return nil
    }()

    /// Whether `template` is the built-in template, whose output this writes.
    static func isBuiltIn(_ template: String) -> Bool {
        guard parts != nil, let builtIn = EmbeddedTemplates.files[templatePath] else { return false }
        return template.utf8.elementsEqual(builtIn.utf8)
    }

    /// The inside of `<main>` for `document`, whose sections are already written (each by
    /// ``section(_:)``), as ``CardBody/cut(_:)`` cuts it out of the template's page.
    static func main(_ document: CardDocument, sections: [String]) -> String {
        // Empty only when `isBuiltIn` is false, and then nothing calls this.
        parts?.main.render([CardViewModel.Document(document: document, written: sections)]) ?? ""
    }

    /// One section, as the template's `{{#sections}}` writes it.
    static func section(_ section: CardDocument.Section) -> String {
        parts?.section.render([CardViewModel.Section(section: section)]) ?? ""
    }

    /// The nodes between `<main>` and the last `</main>` of the page, without the line end
    /// after `<main>`, as ``CardBody/cut(_:)`` cuts a rendered page; nil when either is not
    /// in the template's own text at the top level.
    private static func insideOfMain(_ nodes: [TemplateTree.Node]) -> [TemplateTree.Node]? {
        func text(_ node: TemplateTree.Node) -> String? {
            if case .text(let text) = node { return text }
            return nil
        }
        guard let first = nodes.firstIndex(where: { text($0)?.contains("<main>") ?? false }),
            let last = nodes.lastIndex(where: { text($0)?.contains("</main>") ?? false }), first < last,
            let firstText = text(nodes[first]), let lastText = text(nodes[last]),
            let opening = firstText.range(of: "<main>"),
            let closing = lastText.range(of: "</main>", options: .backwards)
        else { return nil }
        var head = String(firstText[opening.upperBound...])
        if head.hasPrefix("\n") { head.removeFirst() }
        let tail = String(lastText[..<closing.lowerBound])
        return [.text(head)] + nodes[(first + 1)..<last] + [.text(tail)]
    }
}
