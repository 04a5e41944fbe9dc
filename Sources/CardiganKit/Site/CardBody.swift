import Foundation
import Mustache

/// A card version as the HTML export renders it, without the page around it: the site shows
/// exactly what `cardigan export --format html` writes — the same escaping, charts and footer
/// naming the commit and digest — inside its own frame, with the export's styles as
/// `assets/card.css`.
struct CardBody: Sendable {
    /// The inside of the export's `<main>`.
    var html: String

    /// The export of `source` through the compiled export template, cut out of its page.
    static func render(_ source: ExportSource, compiled: MustacheTemplate) throws -> CardBody {
        try cut(TemplateRenderer.render(source, compiled: compiled))
    }

    /// The `<style>` of the export template itself (its styles hold no card text).
    static func style(ofTemplate template: String) -> String {
        guard let open = template.range(of: "<style>"),
            let close = template.range(of: "</style>", range: open.upperBound..<template.endIndex)
        else { return "" }
        return String(template[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .newlines) + "\n"
    }

    /// The inside of an exported page's `<main>`. Card text is escaped, so the markers can only
    /// come from the template.
    static func cut(_ page: String) throws -> CardBody {
        guard let open = page.range(of: "<main>"), let close = page.range(of: "</main>", options: .backwards),
            open.upperBound <= close.lowerBound
        else {
            throw CardiganError(
                "the HTML export template has no <main> element; the site shows what is inside it",
                location: Location(path: "templates/export/card.html.mustache"),
                hint: "keep a <main>…</main> around the card in the template")
        }
        var html = String(page[open.upperBound..<close.lowerBound])
        if html.hasPrefix("\n") { html.removeFirst() }
        return CardBody(html: html)
    }
}
