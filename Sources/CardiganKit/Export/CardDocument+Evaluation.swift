import Foundation

/// How an entry of `evaluation_details` becomes an evaluation: its fields, its metric groups,
/// the simple metrics as one table and the charts' data.
extension CardDocument {
    /// The evaluation showing one entry of `evaluation_details`.
    static func evaluation(_ node: ValueNode) -> Evaluation {
        var blocks: [Block] = []
        var groups: [MetricGroup] = []
        for member in node.members ?? [] {
            switch member.key {
            case "name":
                continue
            case "metric_groups":
                groups = (member.value.elements ?? []).map(metricGroup)
            default:
                blocks += Self.blocks(key: member.key, value: member.value, label: ExportLabels.label(member.key))
            }
        }
        return Evaluation(name: node["name"].map(text) ?? "Evaluation", blocks: blocks, groups: groups)
    }

    private static func metricGroup(_ node: ValueNode) -> MetricGroup {
        var rows: [[String]] = []
        var charts: [Chart] = []
        for metric in node["metric_data"]?.elements ?? [] {
            let name = metric["name"].map(text) ?? ""
            var notes = metric["notes"].map(text)
            if let chart = chartKind(metric) {
                charts.append(Chart(name: name, type: metric["type"].map(text) ?? "", notes: notes, kind: chart))
                continue
            }
            // Axis names on a simple metric are rare but are card text: keep them in the notes.
            for axis in ["x_axis_name", "y_axis_name"] {
                if let value = metric[axis] {
                    let extra = ExportLabels.label(axis) + ": " + cellText(value)
                    notes = notes.map { $0 + "; " + extra } ?? extra
                }
            }
            rows.append([
                name, metric["type"].map(cellText) ?? "", metric["value"].map(cellText) ?? "", oneLine(notes ?? ""),
            ])
        }
        let hasNotes = rows.contains { !$0[3].isEmpty }
        let simple =
            rows.isEmpty
            ? nil
            : Table(
                title: "", columns: hasNotes ? ["Metric", "Type", "Value", "Notes"] : ["Metric", "Type", "Value"],
                rows: hasNotes ? rows : rows.map { Array($0.prefix(3)) })
        return MetricGroup(name: node["name"].map(text) ?? "", simple: simple, charts: charts)
    }

    private static func chartKind(_ metric: ValueNode) -> ChartKind? {
        let type = metric["type"]?.stringValue
        let xName = metric["x_axis_name"]
        let yName = metric["y_axis_name"]
        switch type {
        case "bar_chart":
            guard let values = metric["value"]?.elements?.compactMap(\.numberValue), !values.isEmpty else { return nil }
            let labels = xName?.elements?.map(text) ?? []
            return .bars(
                labels: values.indices.map { $0 < labels.count ? labels[$0] : String($0 + 1) }, values: values,
                xName: xName?.stringValue, yName: yName.map(cellText))
        case "linear_graph":
            let points = (metric["value"]?.elements ?? []).compactMap { pair -> (x: Double, y: Double)? in
                guard let items = pair.elements, items.count == 2, let x = items[0].numberValue,
                    let y = items[1].numberValue
                else { return nil }
                return (x, y)
            }
            guard !points.isEmpty else { return nil }
            return .line(points: points, xName: xName.map(cellText), yName: yName.map(cellText))
        case "matrix":
            let cells = (metric["value"]?.elements ?? []).map { $0.elements?.compactMap(\.numberValue) ?? [] }
            guard !cells.isEmpty, cells.allSatisfy({ !$0.isEmpty }) else { return nil }
            let width = cells.map(\.count).max() ?? 0
            let columns = xName?.elements?.map(text) ?? (xName?.stringValue).map { [$0] } ?? []
            let rows = yName?.elements?.map(text) ?? (yName?.stringValue).map { [$0] } ?? []
            return .matrix(
                cells: cells, columnLabels: (0..<width).map { $0 < columns.count ? columns[$0] : String($0 + 1) },
                rowLabels: cells.indices.map { $0 < rows.count ? rows[$0] : String($0 + 1) })
        default:
            return nil
        }
    }
}
