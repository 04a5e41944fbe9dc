import Foundation

/// The inside of `<main>` of the built-in HTML export template (`export/card.html.mustache`),
/// written directly from the card document: byte for byte what Mustache renders from that
/// template through ``TemplateRenderer/viewModel(_:)``, without the view model's dictionaries
/// and the template's dynamic lookups, which took half of a site's build. A repository's own
/// template is always rendered by Mustache; `CardHTMLTests` holds the two outputs equal.
enum CardHTML {
    /// The built-in template's path among the embedded templates.
    static let templatePath = "export/card.html.mustache"

    /// Whether `template` is the built-in template, whose output this writes.
    static func isBuiltIn(_ template: String) -> Bool {
        guard let builtIn = EmbeddedTemplates.files[templatePath] else { return false }
        return template.utf8.elementsEqual(builtIn.utf8)
    }

    /// The inside of `<main>` for `document`, whose sections are already written (each by
    /// ``section(_:)``), as ``CardBody/cut(_:)`` cuts it out of the template's page.
    static func main(_ document: CardDocument, sections: [String]) -> String {
        var out = "<header>\n<h1>\(e(document.title))</h1>\n<dl class=\"meta\">\n"
        out += "<dt>Card</dt><dd>\(e(document.name))</dd>\n"
        let version = document.isWorkingTree ? document.versionLabel : String(document.version)
        out += "<dt>Version</dt><dd>\(e(version))</dd>\n"
        out += "<dt>Status</dt><dd><span class=\"status\">\(e(document.status))</span></dd>\n"
        out += "<dt>Model package</dt><dd>\(document.link.map(e) ?? "none")</dd>\n</dl>\n</header>\n"
        for section in sections { out += section }
        return out + "<footer>\(e(document.footer))</footer>\n"
    }

    /// One section, as the template's `{{#sections}}` writes it.
    static func section(_ section: CardDocument.Section) -> String {
        let anchor = section.key.replacingOccurrences(of: "_", with: "-")
        var out = "<section id=\"\(e(anchor))\">\n<h2>\(e(section.title))</h2>\n"
        for block in section.blocks { out += self.block(block, evaluations: true) }
        return out + "</section>\n"
    }

    /// A block; the template shows evaluations at a section's top level only.
    private static func block(_ block: CardDocument.Block, evaluations: Bool) -> String {
        switch block {
        case .text(let label, let text):
            return "<div class=\"field\"><p class=\"label\">\(e(label))</p><p class=\"text\">\(e(text))</p></div>\n"
        case .list(let label, let items):
            let list = items.map { "<li>\(e($0))</li>" }.joined()
            return "<div class=\"field\"><p class=\"label\">\(e(label))</p><ul>\(list)</ul></div>\n"
        case .table(let table):
            return "<table><caption>\(e(table.title))</caption>\n" + tableBody(table)
        case .evaluation(let evaluation):
            return evaluations ? self.evaluation(evaluation) : ""
        }
    }

    /// A table's head and body rows and its end.
    private static func tableBody(_ table: CardDocument.Table) -> String {
        var out = "<thead><tr>" + table.columns.map { "<th scope=\"col\">\(e($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>"
        for row in table.rows { out += "<tr>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }
        return out + "</tbody>\n</table>\n"
    }

    private static func evaluation(_ evaluation: CardDocument.Evaluation) -> String {
        var out = "<div class=\"evaluation\">\n<h3>\(e(evaluation.name))</h3>\n"
        for block in evaluation.blocks { out += self.block(block, evaluations: false) }
        for group in evaluation.groups {
            out += "<h4>Metric group: \(e(group.name))</h4>\n"
            if let simple = group.simple { out += "<table>\n" + tableBody(simple) }
            for chart in group.charts { out += self.chart(chart) }
        }
        return out + "</div>\n"
    }

    private static func chart(_ chart: CardDocument.Chart) -> String {
        var out = "<div class=\"chart-box\">\n"
        out += "<p class=\"chart-title\">\(e(chart.name)) <span class=\"axis-note\">(\(e(chart.type)))</span></p>\n"
        switch chart.kind {
        case .bars, .line:
            // `{{{svg}}}`: unescaped, its texts escaped when drawn; control characters made
            // visible like every string of the view model.
            out += DisplayText.escaped(ChartDrawing(chart.kind).svg(title: chart.name), lineBreaks: true) + "\n"
        case .matrix(let cells, let columns, let rows):
            out += "<table class=\"matrix\">\n<thead><tr><td></td>"
            out += columns.map { "<th scope=\"col\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>"
            let largest = cells.flatMap { $0 }.map(abs).max() ?? 0
            for (index, row) in cells.enumerated() {
                out += "<tr><th scope=\"row\">\(e(index < rows.count ? rows[index] : ""))</th>"
                for value in row {
                    let amount = largest == 0 ? 0 : abs(value) / largest
                    let color = amount > 0.55 ? "#ffffff" : "#212529"
                    let style = "background:\(ChartDrawing.Color.heat(amount).hex);color:\(color)"
                    out += "<td style=\"\(e(style))\">\(e(CardDocument.format(value)))</td>"
                }
                out += "</tr>"
            }
            out += "</tbody>\n</table>\n"
        }
        if let notes = chart.notes { out += "<p class=\"notes\">\(e(notes))</p>\n" }
        return out + "</div>\n"
    }

    /// Card text as `{{value}}` writes it: control characters made visible, then HTML-escaped.
    private static func e(_ text: String) -> String {
        TextEscaping.html(text)
    }
}
