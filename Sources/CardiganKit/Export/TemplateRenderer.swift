import Foundation
import Mustache

/// Markdown and HTML from logic-less Mustache templates and a view model made of the card.
///
/// The view model holds the card's texts raw: the HTML template's `{{value}}` escapes them for
/// HTML, the Markdown template (`{{% CONTENT_TYPE: MARKDOWN }}`) for Markdown. Only the charts'
/// SVG is pre-rendered (its texts escaped here) and written with `{{{svg}}}`.
enum TemplateRenderer {
    /// Markdown of `source` with `template`.
    static func markdown(_ source: ExportSource, template: String) throws -> String {
        _ = TextEscaping.registerMarkdown
        return try render(source, template: template, path: "export/card.md.mustache")
    }

    /// HTML of `source` with `template`.
    static func html(_ source: ExportSource, template: String) throws -> String {
        try render(source, template: template, path: "export/card.html.mustache")
    }

    private static func render(_ source: ExportSource, template: String, path: String) throws -> String {
        render(source, compiled: try compile(template, path: path))
    }

    /// `source` through a template compiled once by ``compile(_:path:)``: what the site uses
    /// for its thousands of card versions.
    static func render(_ source: ExportSource, compiled: MustacheTemplate) -> String {
        compiled.render(visible(viewModel(CardDocument(source))))
    }

    /// The template at `path` compiled, or a located error when it cannot be read.
    static func compile(_ template: String, path: String) throws -> MustacheTemplate {
        _ = TextEscaping.registerMarkdown
        do {
            return try MustacheTemplate(string: template)
        } catch let error as MustacheTemplate.ParserError {
            throw CardiganError(
                "template '\(path)' cannot be read: \(describe(error.error))",
                location: Location(
                    path: "templates/" + path,
                    position: SourcePosition(line: error.context.lineNumber, column: error.context.columnNumber + 1)),
                hint: "fix the template, or delete it to use the built-in one")
        } catch {
            throw CardiganError(
                "template '\(path)' cannot be read: \(error)", location: Location(path: "templates/" + path))
        }
    }

    /// `model` with control and bidirectional-override characters in every string written as
    /// visible escapes: Mustache's HTML escaping leaves them raw, and old versions were never
    /// checked for them.
    static func visible(_ model: Any) -> Any {
        switch model {
        case let text as String: return DisplayText.escaped(text, lineBreaks: true)
        case let list as [Any]: return list.map(visible)
        case let dictionary as [String: Any]: return dictionary.mapValues(visible)
        default: return model
        }
    }

    /// A parse error of swift-mustache in words.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed ({{/…}}) with another name than it was opened"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section ({{#…}} or {{^…}}) is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }

    /// The view model of `document`: dictionaries, arrays, strings and booleans only, made of
    /// the typed scopes of ``CardViewModel`` (which the site's renderer reads directly).
    static func viewModel(_ document: CardDocument) -> [String: Any] {
        CardViewModel.Document(document: document).dictionary
    }

    /// A chart's data as a table (what Markdown shows, and a text fallback).
    static func dataTable(_ kind: CardDocument.ChartKind) -> CardDocument.Table {
        switch kind {
        case .bars(let labels, let values, let xName, let yName):
            return CardDocument.Table(
                title: "", columns: [xName ?? "Label", yName ?? "Value"],
                rows: zip(labels, values).map { [$0, CardDocument.format($1)] })
        case .line(let points, let xName, let yName):
            return CardDocument.Table(
                title: "", columns: [xName ?? "x", yName ?? "y"],
                rows: points.map { [CardDocument.format($0.x), CardDocument.format($0.y)] })
        case .matrix(let cells, let columns, let rows):
            return CardDocument.Table(
                title: "", columns: [""] + columns,
                rows: cells.enumerated().map { index, row in
                    [index < rows.count ? rows[index] : ""] + row.map(CardDocument.format)
                })
        }
    }
}
