import Foundation

/// A chart as a list of shapes in a box of `width` × `height` points, y growing downwards:
/// drawn as SVG for HTML and as PDF operators, so both show the same picture.
struct ChartDrawing {
    /// A colour as red, green, blue in 0...1.
    struct Color: Equatable {
        var red: Double
        var green: Double
        var blue: Double

        static let ink = Color(red: 0.13, green: 0.15, blue: 0.18)
        static let grid = Color(red: 0.85, green: 0.87, blue: 0.9)
        static let axis = Color(red: 0.35, green: 0.38, blue: 0.42)
        static let accent = Color(red: 0.15, green: 0.39, blue: 0.92)
        static let white = Color(red: 1, green: 1, blue: 1)

        /// `#rrggbb`.
        var hex: String {
            let channels = [red, green, blue].map { Int($0 * 255 + 0.5) }
            guard channels.allSatisfy({ (0...255).contains($0) }) else {
                return String(format: "#%02x%02x%02x", channels[0], channels[1], channels[2])
            }
            // What `%02x` writes, without String(format:)'s varargs: a site draws thousands of charts.
            let digits = Array("0123456789abcdef".utf8)
            var bytes: [UInt8] = [UInt8(ascii: "#")]
            for channel in channels { bytes += [digits[channel >> 4], digits[channel & 15]] }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// White blended towards the accent colour by `amount` (0...1): a heat-map cell.
        static func heat(_ amount: Double) -> Color {
            let a = min(max(amount, 0), 1)
            return Color(
                red: 1 + (0.12 - 1) * a, green: 1 + (0.33 - 1) * a, blue: 1 + (0.75 - 1) * a)
        }
    }

    /// Where a text is anchored.
    enum Anchor { case start, middle, end }

    /// One shape.
    enum Shape {
        case rect(x: Double, y: Double, width: Double, height: Double, fill: Color, stroke: Color?)
        case line(x1: Double, y1: Double, x2: Double, y2: Double, color: Color, width: Double)
        case polyline(points: [(Double, Double)], color: Color, width: Double)
        case dot(x: Double, y: Double, radius: Double, color: Color)
        /// A text; `vertical` turns it a quarter anticlockwise around (x, y).
        case text(
            x: Double, y: Double, text: String, size: Double, anchor: Anchor, color: Color, bold: Bool, vertical: Bool)
    }

    var width: Double
    var height: Double
    var shapes: [Shape] = []

    /// The drawing of `kind`.
    init(_ kind: CardDocument.ChartKind) {
        switch kind {
        case .bars(let labels, let values, let xName, let yName):
            self = Self.bars(labels: labels, values: values, xName: xName, yName: yName)
        case .line(let points, let xName, let yName):
            self = Self.line(points: points, xName: xName, yName: yName)
        case .matrix(let cells, let columns, let rows):
            self = Self.matrix(cells: cells, columns: columns, rows: rows)
        }
    }

    private init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    // MARK: Scales

    /// Tick values covering `low...high` at a 1, 2 or 5 step.
    static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> [Double] {
        var low = low
        var high = high
        if high <= low { high = low + 1 }
        let raw = (high - low) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        low = floor(low / step) * step
        high = ceil(high / step) * step
        var values: [Double] = []
        var value = low
        while value <= high + step / 2 {
            values.append(abs(value) < step / 1e6 ? 0 : value)
            value += step
        }
        return values
    }

    static func tickText(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return CardDocument.format(rounded)
    }

    /// `size`, or smaller so that bold `text` fits in `width` (never below 5).
    static func fit(_ text: String, size: Double, width: Double) -> Double {
        let natural = PDFFont.bold.width(text, size: size)
        return natural <= width ? size : max(5, size * width / natural)
    }

    /// Text shortened to about `limit` characters for a tick label.
    static func short(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    // MARK: Charts

    private mutating func axes(
        left: Double, top: Double, right: Double, bottom: Double, yTicks: [Double], xName: String?, yName: String?
    ) {
        let low = yTicks.first ?? 0
        let high = yTicks.last ?? 1
        for tick in yTicks {
            let y = bottom - (tick - low) / (high - low) * (bottom - top)
            shapes.append(.line(x1: left, y1: y, x2: right, y2: y, color: .grid, width: 0.6))
            shapes.append(
                .text(
                    x: left - 6, y: y + 3.5, text: Self.tickText(tick), size: 10, anchor: .end, color: .axis,
                    bold: false, vertical: false))
        }
        shapes.append(.line(x1: left, y1: top, x2: left, y2: bottom, color: .axis, width: 1))
        shapes.append(.line(x1: left, y1: bottom, x2: right, y2: bottom, color: .axis, width: 1))
        if let xName, !xName.isEmpty {
            shapes.append(
                .text(
                    x: (left + right) / 2, y: height - 6, text: xName,
                    size: Self.fit(xName, size: 11, width: right - left), anchor: .middle, color: .ink, bold: true,
                    vertical: false))
        }
        if let yName, !yName.isEmpty {
            shapes.append(
                .text(
                    x: 14, y: (top + bottom) / 2, text: yName, size: Self.fit(yName, size: 11, width: bottom - top),
                    anchor: .middle, color: .ink, bold: true, vertical: true))
        }
    }

    static func bars(labels: [String], values: [Double], xName: String?, yName: String?) -> ChartDrawing {
        var drawing = ChartDrawing(width: 480, height: 260)
        let left = 62.0
        let right = 466.0
        let top = 18.0
        let bottom = 206.0
        let ticks = Self.ticks(min(0, values.min() ?? 0), max(0, values.max() ?? 1))
        drawing.axes(left: left, top: top, right: right, bottom: bottom, yTicks: ticks, xName: xName, yName: yName)
        let low = ticks.first ?? 0
        let high = ticks.last ?? 1
        func y(_ value: Double) -> Double { bottom - (value - low) / (high - low) * (bottom - top) }
        let slot = (right - left) / Double(max(values.count, 1))
        // Labels are never cut: when they do not fit under their bars they alternate between
        // two rows, and shrink if they still do not fit.
        let widest = labels.map { PDFFont.regular.width($0, size: 10) }.max() ?? 0
        let stagger = widest > slot * 0.95
        let labelSize = stagger ? max(5, min(10, 10 * slot * 1.9 / max(widest, 1))) : 10
        for (index, value) in values.enumerated() {
            let x = left + slot * Double(index)
            let barWidth = slot * 0.64
            let top = min(y(value), y(0))
            let bar = abs(y(value) - y(0))
            drawing.shapes.append(
                .rect(
                    x: x + (slot - barWidth) / 2, y: top, width: barWidth, height: max(bar, 0.5), fill: .accent,
                    stroke: nil))
            drawing.shapes.append(
                .text(
                    x: x + slot / 2, y: top - 4, text: Self.tickText(value), size: 9, anchor: .middle, color: .ink,
                    bold: false, vertical: false))
            let row = stagger && index % 2 == 1 ? 12.0 : 0
            drawing.shapes.append(
                .text(
                    x: x + slot / 2, y: bottom + 15 + row, text: labels[index], size: labelSize, anchor: .middle,
                    color: .ink, bold: false, vertical: false))
        }
        return drawing
    }

    static func line(points: [(x: Double, y: Double)], xName: String?, yName: String?) -> ChartDrawing {
        var drawing = ChartDrawing(width: 480, height: 260)
        let left = 62.0
        let right = 466.0
        let top = 18.0
        let bottom = 206.0
        let yTicks = Self.ticks(points.map(\.y).min() ?? 0, points.map(\.y).max() ?? 1)
        let xTicks = Self.ticks(points.map(\.x).min() ?? 0, points.map(\.x).max() ?? 1)
        drawing.axes(left: left, top: top, right: right, bottom: bottom, yTicks: yTicks, xName: xName, yName: yName)
        let yLow = yTicks.first ?? 0
        let yHigh = yTicks.last ?? 1
        let xLow = xTicks.first ?? 0
        let xHigh = xTicks.last ?? 1
        func px(_ x: Double) -> Double { left + (x - xLow) / (xHigh - xLow) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - yLow) / (yHigh - yLow) * (bottom - top) }
        for tick in xTicks {
            drawing.shapes.append(.line(x1: px(tick), y1: bottom, x2: px(tick), y2: bottom + 4, color: .axis, width: 1))
            drawing.shapes.append(
                .text(
                    x: px(tick), y: bottom + 16, text: Self.tickText(tick), size: 10, anchor: .middle, color: .axis,
                    bold: false, vertical: false))
        }
        let mapped = points.map { (px($0.x), py($0.y)) }
        drawing.shapes.append(.polyline(points: mapped, color: .accent, width: 2))
        for point in mapped { drawing.shapes.append(.dot(x: point.0, y: point.1, radius: 3, color: .accent)) }
        return drawing
    }

    /// A heat map (the PDF's matrix; HTML shows a table instead).
    static func matrix(cells: [[Double]], columns: [String], rows: [String]) -> ChartDrawing {
        let widestColumn = columns.map { PDFFont.bold.width($0, size: 9) }.max() ?? 0
        let widestRow = rows.map { PDFFont.bold.width($0, size: 9) }.max() ?? 0
        let cellWidth = max(84, widestColumn + 12)
        let cellHeight = 28.0
        let headerHeight = 24.0
        let labelWidth = max(110, widestRow + 14)
        var drawing = ChartDrawing(
            width: labelWidth + cellWidth * Double(columns.count),
            height: headerHeight + cellHeight * Double(rows.count))
        let largest = cells.flatMap { $0 }.map(abs).max() ?? 1
        for (index, column) in columns.enumerated() {
            drawing.shapes.append(
                .text(
                    x: labelWidth + cellWidth * (Double(index) + 0.5), y: headerHeight - 8, text: column, size: 9,
                    anchor: .middle, color: .ink, bold: true, vertical: false))
        }
        for (r, row) in cells.enumerated() {
            let y = headerHeight + cellHeight * Double(r)
            drawing.shapes.append(
                .text(
                    x: labelWidth - 6, y: y + cellHeight / 2 + 3.5, text: r < rows.count ? rows[r] : "", size: 9,
                    anchor: .end, color: .ink, bold: true, vertical: false))
            for (c, value) in row.enumerated() {
                let amount = largest == 0 ? 0 : abs(value) / largest
                let x = labelWidth + cellWidth * Double(c)
                drawing.shapes.append(
                    .rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: .heat(amount), stroke: .white))
                drawing.shapes.append(
                    .text(
                        x: x + cellWidth / 2, y: y + cellHeight / 2 + 3.5, text: tickText(value), size: 10,
                        anchor: .middle, color: amount > 0.55 ? .white : .ink, bold: false, vertical: false))
            }
        }
        return drawing
    }
}

extension ChartDrawing {
    /// The drawing as an inline SVG element; every text escaped.
    func svg(title: String) -> String {
        func n(_ value: Double) -> String { Self.oneDecimal(value) }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(TextEscaping.html(title))\">"
        out += "<title>\(TextEscaping.html(title))</title>"
        for shape in shapes {
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke):
                out += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(fill.hex)\""
                if let stroke { out += " stroke=\"\(stroke.hex)\"" }
                out += "/>"
            case .line(let x1, let y1, let x2, let y2, let color, let width):
                out +=
                    "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(color.hex)\" stroke-width=\"\(n(width))\"/>"
            case .polyline(let points, let color, let width):
                let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                out +=
                    "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(n(width))\"/>"
            case .dot(let x, let y, let radius, let color):
                out += "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(color.hex)\"/>"
            case .text(let x, let y, let text, let size, let anchor, let color, let bold, let vertical):
                out += "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(color.hex)\""
                if anchor != .start { out += " text-anchor=\"\(anchor == .middle ? "middle" : "end")\"" }
                if bold { out += " font-weight=\"bold\"" }
                if vertical { out += " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" }
                out += ">\(TextEscaping.html(text))</text>"
            }
        }
        return out + "</svg>"
    }

    /// `value` as `String(format: "%.1f", value)` writes it, digit for digit, without its cost.
    /// printf rounds the exact binary value to the nearest tenth; `value * 10` may round the
    /// other way only when it lies within its error of a tie, so there (and for large or odd
    /// values) printf itself decides.
    static func oneDecimal(_ value: Double) -> String {
        let magnitude = abs(value)
        guard value.isFinite, magnitude < 1_000_000 else { return String(format: "%.1f", value) }
        let scaled = magnitude * 10
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        guard abs(fraction - 0.5) > 1e-6 else { return String(format: "%.1f", value) }
        let tenths = Int(whole) + (fraction > 0.5 ? 1 : 0)
        return (value.sign == .minus ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }
}
