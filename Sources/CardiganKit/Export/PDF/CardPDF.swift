import Foundation

/// Lays a `CardDocument` out on A4 pages: headings, wrapped text, tables, the charts as vector
/// drawings, and on every page a footer with the card, version, digest and page number.
struct CardPDF {
    /// The PDF of `document`.
    /// The PDF of `document`, drawn with `fonts` (which note any character they lack).
    static func render(_ document: CardDocument, fonts: PDFFonts = .standard) -> [UInt8] {
        var layout = CardPDF(document: document, fonts: fonts)
        layout.draw()
        return layout.finish()
    }

    private let document: CardDocument
    private var pages: [String] = []
    private var content = ""
    /// Distance from the top of the page to the next line's top.
    private var cursor = 0.0

    private let left = 50.0
    private let right = PDFWriter.pageWidth - 50
    private let top = 54.0
    private let bottom = PDFWriter.pageHeight - 60
    private var width: Double { right - left }

    private let fonts: PDFFonts

    private init(document: CardDocument, fonts: PDFFonts) {
        self.document = document
        self.fonts = fonts
        cursor = top
    }

    // MARK: Document

    private mutating func draw() {
        paragraph(document.title, font: .bold, size: 20, leading: 24)
        cursor += 4
        table(
            CardDocument.Table(
                title: "", columns: ["Card", "Version", "Status", "Model package"],
                rows: [[document.name, String(document.version), document.status, document.link ?? "none"]]))
        for section in document.sections {
            space(28)
            cursor += 10
            paragraph(section.title, font: .bold, size: 15, leading: 19, color: .accent)
            rule()
            blocks(section.blocks)
        }
        cursor += 14
        rule()
        paragraph(document.footer, font: .regular, size: 8, leading: 10, color: .axis)
    }

    private mutating func blocks(_ blocks: [CardDocument.Block]) {
        for block in blocks {
            switch block {
            case .text(let label, let text):
                space(30)
                paragraph(label, font: .bold, size: 9.5, leading: 12)
                paragraph(text, font: .regular, size: 10, leading: 13)
                cursor += 5
            case .list(let label, let items):
                space(30)
                paragraph(label, font: .bold, size: 9.5, leading: 12)
                for item in items { paragraph(item, font: .regular, size: 10, leading: 13, bullet: true) }
                cursor += 5
            case .table(let table):
                self.table(table)
            case .evaluation(let evaluation):
                space(60)
                cursor += 6
                paragraph(evaluation.name, font: .bold, size: 12.5, leading: 16)
                self.blocks(evaluation.blocks)
                for group in evaluation.groups {
                    space(50)
                    cursor += 4
                    paragraph("Metric group: " + group.name, font: .bold, size: 11, leading: 14, color: .axis)
                    if let simple = group.simple { table(simple) }
                    for chart in group.charts { self.chart(chart) }
                }
            }
        }
    }

    // MARK: Pages

    /// Starts a new page when less than `height` is left.
    private mutating func space(_ height: Double) {
        if cursor + height > bottom { newPage() }
    }

    private mutating func newPage() {
        pages.append(content)
        content = ""
        cursor = top
    }

    private mutating func finish() -> [UInt8] {
        pages.append(content)
        var writer = PDFWriter()
        writer.title = document.title
        let shortDigest = String(document.digest.prefix(19))
        for (index, page) in pages.enumerated() {
            var footer = ""
            let left =
                document.isWorkingTree
                ? "\(document.name) \(document.versionLabel) · not committed · \(document.status) · \(shortDigest)…"
                : "\(document.name) v\(document.version) · \(document.status) · \(shortDigest)… · commit \(document.commit.prefix(12))"
            footer += text(
                left, x: self.left, baseline: PDFWriter.pageHeight - 32, font: .regular, size: 7.5, color: .axis)
            let number = "Page \(index + 1) of \(pages.count)"
            footer += text(
                number, x: right - fonts.width(number, font: .regular, size: 8), baseline: PDFWriter.pageHeight - 32,
                font: .regular, size: 8, color: .axis)
            writer.addPage(page + footer)
        }
        return writer.data(fonts: fonts)
    }

    // MARK: Drawing

    private func n(_ value: Double) -> String { String(format: "%.2f", value) }

    private func color(_ color: ChartDrawing.Color, stroke: Bool) -> String {
        "\(n(color.red)) \(n(color.green)) \(n(color.blue)) \(stroke ? "RG" : "rg")\n"
    }

    /// A text operator at `x` and the baseline measured from the top of the page.
    private func text(
        _ string: String, x: Double, baseline: Double, font: PDFFont, size: Double, color: ChartDrawing.Color = .ink,
        vertical: Bool = false
    ) -> String {
        let y = PDFWriter.pageHeight - baseline
        let matrix = vertical ? "0 1 -1 0 \(n(x)) \(n(y)) Tm" : "1 0 0 1 \(n(x)) \(n(y)) Tm"
        return "BT\n" + self.color(color, stroke: false) + "/\(font.rawValue) \(n(size)) Tf\n\(matrix)\n"
            + fonts.operand(string, font: font) + " Tj\nET\n"
    }

    private mutating func rule() {
        let y = PDFWriter.pageHeight - cursor
        content += color(.grid, stroke: true) + "0.8 w\n\(n(left)) \(n(y)) m \(n(right)) \(n(y)) l S\n"
        cursor += 6
    }

    /// Wrapped text: explicit line breaks kept, words moved to the next line when they do not
    /// fit, words longer than a line cut.
    func wrap(_ text: String, font: PDFFont, size: Double, width: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                let candidate = line.isEmpty ? word : line + " " + word
                if fonts.width(candidate, font: font, size: size) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                line = ""
                while fonts.width(word, font: font, size: size) > width {
                    var cut = word.count - 1
                    while cut > 1 && fonts.width(String(word.prefix(cut)), font: font, size: size) > width { cut -= 1 }
                    lines.append(String(word.prefix(cut)))
                    word = String(word.dropFirst(cut))
                }
                line = word
            }
            lines.append(line)
        }
        return lines
    }

    private mutating func paragraph(
        _ string: String, font: PDFFont, size: Double, leading: Double, color: ChartDrawing.Color = .ink,
        bullet: Bool = false
    ) {
        let indent = bullet ? 12.0 : 0
        for (index, line) in wrap(string, font: font, size: size, width: width - indent).enumerated() {
            space(leading)
            let baseline = cursor + size
            if bullet && index == 0 {
                content += text("\u{2022}", x: left + 2, baseline: baseline, font: font, size: size, color: color)
            }
            content += text(line, x: left + indent, baseline: baseline, font: font, size: size, color: color)
            cursor += leading
        }
    }

    // MARK: Tables

    private mutating func table(_ table: CardDocument.Table) {
        let size = 8.5
        let leading = 11.0
        let padding = 4.0
        let count = max(table.columns.count, 1)
        // Columns share the width by their natural widths, each at least a fair minimum.
        let natural = (0..<count).map { column -> Double in
            let texts = [table.columns[column]] + table.rows.map { column < $0.count ? $0[column] : "" }
            return min(texts.map { fonts.width($0, font: .regular, size: size) }.max() ?? 0, 260) + 2 * padding
        }
        let total = natural.reduce(0, +)
        let minimum = min(60, width / Double(count))
        var widths = natural.map { max($0 / total * width, minimum) }
        let sum = widths.reduce(0, +)
        widths = widths.map { $0 / sum * width }

        space(40)
        if !table.title.isEmpty {
            paragraph(table.title, font: .bold, size: 9.5, leading: 13)
        }
        func row(_ cells: [String], font: PDFFont, fill: ChartDrawing.Color?) {
            let wrapped = (0..<count).map { column in
                wrap(
                    column < cells.count ? cells[column] : "", font: font, size: size,
                    width: widths[column] - 2 * padding)
            }
            let height = Double(wrapped.map(\.count).max() ?? 1) * leading + 2 * padding - 2
            if cursor + height > bottom {
                newPage()
            }
            let y = PDFWriter.pageHeight - cursor - height
            if let fill {
                content += color(fill, stroke: false) + "\(n(left)) \(n(y)) \(n(width)) \(n(height)) re f\n"
            }
            content += color(.grid, stroke: true) + "0.6 w\n"
            var x = left
            for (column, lines) in wrapped.enumerated() {
                content += "\(n(x)) \(n(y)) \(n(widths[column])) \(n(height)) re S\n"
                for (index, line) in lines.enumerated() {
                    content += text(
                        line, x: x + padding, baseline: cursor + padding + size + Double(index) * leading - 1,
                        font: font, size: size)
                }
                x += widths[column]
            }
            cursor += height
        }
        let header = ChartDrawing.Color(red: 0.95, green: 0.96, blue: 0.98)
        row(table.columns, font: .bold, fill: header)
        for cells in table.rows {
            if cursor + leading + 2 * padding > bottom {
                newPage()
                row(table.columns, font: .bold, fill: header)
            }
            row(cells, font: .regular, fill: nil)
        }
        cursor += 8
    }

    // MARK: Charts

    private mutating func chart(_ chart: CardDocument.Chart) {
        let drawing = ChartDrawing(chart.kind)
        let scale = min(1, width / drawing.width)
        let notes = chart.notes.map { wrap($0, font: .regular, size: 9, width: width).count } ?? 0
        space(drawing.height * scale + 22 + Double(notes) * 12)
        paragraph(chart.name + " (" + chart.type + ")", font: .bold, size: 10, leading: 14)
        cursor += 2
        let originY = cursor
        for shape in drawing.shapes {
            func px(_ x: Double) -> Double { left + x * scale }
            func py(_ y: Double) -> Double { PDFWriter.pageHeight - (originY + y * scale) }
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke):
                content +=
                    color(fill, stroke: false) + "\(n(px(x))) \(n(py(y + h))) \(n(w * scale)) \(n(h * scale)) re f\n"
                if let stroke {
                    content +=
                        color(stroke, stroke: true)
                        + "1 w\n\(n(px(x))) \(n(py(y + h))) \(n(w * scale)) \(n(h * scale)) re S\n"
                }
            case .line(let x1, let y1, let x2, let y2, let lineColor, let lineWidth):
                content +=
                    color(lineColor, stroke: true)
                    + "\(n(lineWidth * scale)) w\n\(n(px(x1))) \(n(py(y1))) m \(n(px(x2))) \(n(py(y2))) l S\n"
            case .polyline(let points, let lineColor, let lineWidth):
                guard let first = points.first else { continue }
                content +=
                    color(lineColor, stroke: true)
                    + "\(n(lineWidth * scale)) w\n1 j\n\(n(px(first.0))) \(n(py(first.1))) m\n"
                for point in points.dropFirst() { content += "\(n(px(point.0))) \(n(py(point.1))) l\n" }
                content += "S\n"
            case .dot(let x, let y, let radius, let dotColor):
                let cx = px(x)
                let cy = py(y)
                let r = radius * scale
                let k = r * 0.5523
                content += color(dotColor, stroke: false)
                content += "\(n(cx + r)) \(n(cy)) m\n"
                content += "\(n(cx + r)) \(n(cy + k)) \(n(cx + k)) \(n(cy + r)) \(n(cx)) \(n(cy + r)) c\n"
                content += "\(n(cx - k)) \(n(cy + r)) \(n(cx - r)) \(n(cy + k)) \(n(cx - r)) \(n(cy)) c\n"
                content += "\(n(cx - r)) \(n(cy - k)) \(n(cx - k)) \(n(cy - r)) \(n(cx)) \(n(cy - r)) c\n"
                content += "\(n(cx + k)) \(n(cy - r)) \(n(cx + r)) \(n(cy - k)) \(n(cx + r)) \(n(cy)) c\nf\n"
            case .text(let x, let y, let string, let size, let anchor, let textColor, let bold, let vertical):
                let font: PDFFont = bold ? .bold : .regular
                let textWidth = fonts.width(string, font: font, size: size * scale)
                let shift = anchor == .start ? 0 : anchor == .middle ? textWidth / 2 : textWidth
                if vertical {
                    content += text(
                        string, x: px(x) + size * scale * 0.35, baseline: originY + y * scale + shift, font: font,
                        size: size * scale, color: textColor, vertical: true)
                } else {
                    content += text(
                        string, x: px(x) - shift, baseline: originY + y * scale, font: font, size: size * scale,
                        color: textColor)
                }
            }
        }
        cursor += drawing.height * scale + 4
        if let notes = chart.notes {
            paragraph(notes, font: .regular, size: 9, leading: 12, color: .axis)
        }
        cursor += 8
    }
}
