import Foundation

/// A chart as the export templates show it (a part of ``CardViewModel``): name, type, notes,
/// the drawn SVG of bars and lines, the cells of a matrix, and its data as a table.
struct CardChartScope: TemplateScope {
    /// The chart.
    var chart: CardDocument.Chart

    /// Every key of this kind of scope.

    var keys: [String] { ["name", "notes", "hasNotes", "kind", "isMatrix", "isPlot", "svg", "matrix", "data"] }

    /// The value of `key`.

    func value(_ key: String) -> TemplateValue? {
        switch key {
        case "name": return .text(chart.name)
        case "notes": return .text(chart.notes ?? "")
        case "hasNotes": return .flag(chart.notes != nil)
        case "kind": return .text(chart.type)
        case "isMatrix", "isPlot":
            if case .matrix = chart.kind { return .flag(key == "isMatrix") }
            return .flag(key == "isPlot")
        case "svg":
            // Drawn here, its texts escaped as they are drawn: the template writes it `{{{svg}}}`.
            if case .matrix = chart.kind { return .text("") }
            return .text(ChartDrawing(chart.kind).svg(title: chart.name))
        case "matrix":
            guard case .matrix(let cells, let columns, let rows) = chart.kind else {
                return .scope(CardViewModel.Empty())
            }
            return .scope(Matrix(cells: cells, columns: columns, rows: rows))
        case "data": return .scope(CardViewModel.Table(table: TemplateRenderer.dataTable(chart.kind)))
        default: return nil
        }
    }

    /// A matrix: column labels, and rows of cells shaded by their size against the largest.
    struct Matrix: TemplateScope {
        /// The rows of numbers.
        var cells: [[Double]]
        /// The column labels.
        var columns: [String]
        /// The row labels.
        var rows: [String]

        /// Every key of this kind of scope.

        var keys: [String] { ["columns", "rows"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "columns": return .list(columns.map(TextScope.init))
            case "rows":
                let largest = cells.flatMap { $0 }.map(abs).max() ?? 0
                return .list(
                    cells.enumerated().map { index, row in
                        MatrixRow(label: index < rows.count ? rows[index] : "", cells: row, largest: largest)
                    })
            default: return nil
            }
        }
    }

    /// A row of a matrix: its label and cells.
    struct MatrixRow: TemplateScope {
        /// The row's label.
        var label: String
        /// The row's numbers.
        var cells: [Double]
        /// The largest magnitude of the matrix, which shades the darkest.
        var largest: Double

        /// Every key of this kind of scope.

        var keys: [String] { ["label", "cells"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "label": return .text(label)
            case "cells": return .list(cells.map { MatrixCell(number: $0, largest: largest) })
            default: return nil
            }
        }
    }

    /// A cell of a matrix: its number and the style that shades it.
    struct MatrixCell: TemplateScope {
        /// The cell's number.
        var number: Double
        /// The largest magnitude of the matrix, which shades the darkest.
        var largest: Double

        /// Every key of this kind of scope.

        var keys: [String] { ["value", "style"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "value": return .text(CardDocument.format(number))
            case "style":
                let amount = largest == 0 ? 0 : abs(number) / largest
                let color = amount > 0.55 ? "#ffffff" : "#212529"
                return .text("background:\(ChartDrawing.Color.heat(amount).hex);color:\(color)")
            default: return nil
            }
        }
    }
}
