import Foundation

/// A chart as the export templates show it (a part of ``CardViewModel``): name, type, notes,
/// the drawn SVG of bars and lines, the cells of a matrix, and its data as a table.
struct CardChartScope: TemplateScope {
    /// The chart.
    var chart: CardDocument.Chart

    var keys: [String] { ["name", "notes", "hasNotes", "kind", "isMatrix", "isPlot", "svg", "matrix", "data"] }

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
        var cells: [[Double]]
        var columns: [String]
        var rows: [String]

        var keys: [String] { ["columns", "rows"] }

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
        var label: String
        var cells: [Double]
        var largest: Double

        var keys: [String] { ["label", "cells"] }

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
        var number: Double
        var largest: Double

        var keys: [String] { ["value", "style"] }

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
