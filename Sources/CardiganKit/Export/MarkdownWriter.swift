/// Markdown of document blocks, written in code (the Hugging Face README is not a template:
/// its headings are fixed by the Hub). Card texts are escaped with `TextEscaping.markdown`.
struct MarkdownWriter {
    private(set) var text = ""

    mutating func heading(_ level: Int, _ title: String) {
        text += "\n" + String(repeating: "#", count: level) + " " + TextEscaping.markdown(title) + "\n"
    }

    /// A paragraph of card text.
    mutating func paragraph(_ body: String) {
        text += "\n" + TextEscaping.markdown(body) + "\n"
    }

    /// A paragraph of markup written by cardigan (not escaped).
    mutating func raw(_ markdown: String) {
        text += "\n" + markdown + "\n"
    }

    mutating func bullets(_ items: [(label: String, value: String)]) {
        guard !items.isEmpty else { return }
        text += "\n"
        for item in items {
            text +=
                "- **\(TextEscaping.markdown(item.label)):** \(TextEscaping.markdown(CardDocument.oneLine(item.value)))\n"
        }
    }

    mutating func table(_ table: CardDocument.Table) {
        if !table.title.isEmpty { text += "\n**\(TextEscaping.markdown(table.title))**\n" }
        text += "\n|" + table.columns.map { " \(TextEscaping.markdown($0)) |" }.joined() + "\n"
        text += "|" + table.columns.map { _ in " --- |" }.joined() + "\n"
        for row in table.rows {
            text += "|" + row.map { " \(TextEscaping.markdown($0)) |" }.joined() + "\n"
        }
    }

    mutating func blocks(_ blocks: [CardDocument.Block], level: Int) {
        for block in blocks {
            switch block {
            case .text(let label, let body):
                if body.contains("\n") || body.count > 80 {
                    text += "\n**\(TextEscaping.markdown(label))**\n"
                    paragraph(body)
                } else {
                    text += "\n**\(TextEscaping.markdown(label)):** \(TextEscaping.markdown(body))\n"
                }
            case .list(let label, let items):
                text += "\n**\(TextEscaping.markdown(label))**\n\n"
                for item in items { text += "- \(TextEscaping.markdown(item))\n" }
            case .table(let table):
                self.table(table)
            case .evaluation(let evaluation):
                heading(level, evaluation.name)
                self.blocks(evaluation.blocks, level: level + 1)
                for group in evaluation.groups {
                    heading(level + 1, group.name)
                    if let simple = group.simple { table(simple) }
                    for chart in group.charts {
                        var data = TemplateRenderer.dataTable(chart.kind)
                        data.title = chart.name
                        table(data)
                        if let notes = chart.notes { paragraph(notes) }
                    }
                }
            }
        }
    }
}
