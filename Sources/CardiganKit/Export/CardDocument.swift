import Foundation

/// A card laid out for reading: header, sections of labelled fields, tables, evaluations with
/// metric groups and charts, and a footer. Markdown, HTML and PDF are all drawn from it, so they
/// show the same things in the same order. Texts are raw here; each format escapes its own.
struct CardDocument {
    /// The model name (or the card name when there is none).
    var title: String
    /// The card's name.
    var name: String
    /// The version.
    var version: Int
    /// The status.
    var status: String
    /// The linked model package.
    var link: String?
    /// The commit the card was read from.
    var commit: String
    /// The digest.
    var digest: String
    /// Whether the card is the uncommitted working file, not a recorded version.
    var isWorkingTree = false
    /// The version's valid signed approvals.
    var approvals: [Approval] = []
    /// The sections, in the fixed order of `ExportLabels.sections`, then any others.
    var sections: [Section]

    /// A titled part of the card.
    struct Section {
        /// The card key.
        var key: String
        /// The title.
        var title: String
        /// What it shows, in the card's order.
        var blocks: [Block]
    }

    /// One thing shown in a section.
    enum Block {
        /// A labelled text (or number or boolean, as text).
        case text(label: String, text: String)
        /// A labelled list of texts.
        case list(label: String, items: [String])
        /// A table.
        case table(Table)
        /// One evaluation.
        case evaluation(Evaluation)
    }

    /// A table with a title, column headers and rows of cells (each one line of text).
    struct Table {
        var title: String
        var columns: [String]
        var rows: [[String]]
    }

    /// One entry of `evaluation_details`.
    struct Evaluation {
        var name: String
        /// Observation, job, datasets, metadata and anything else, in the card's order.
        var blocks: [Block]
        var groups: [MetricGroup]
    }

    /// A metric group: the simple metrics as one table, each chart on its own.
    struct MetricGroup {
        var name: String
        /// Metric, value, notes of the number, string and boolean metrics; nil when none.
        var simple: Table?
        var charts: [Chart]
    }

    /// A metric drawn as a chart.
    struct Chart {
        var name: String
        /// The metric type as written: `bar_chart`, `linear_graph` or `matrix`.
        var type: String
        var notes: String?
        var kind: ChartKind
    }

    /// The data of a chart.
    enum ChartKind {
        /// `bar_chart`: one bar per label.
        case bars(labels: [String], values: [Double], xName: String?, yName: String?)
        /// `linear_graph`: points joined in order.
        case line(points: [(x: Double, y: Double)], xName: String?, yName: String?)
        /// `matrix`: rows of cells with column and row labels.
        case matrix(cells: [[Double]], columnLabels: [String], rowLabels: [String])
    }

    /// The version's status timeline, when known.
    var timeline: VersionTimeline?

    /// The footer line: what traces a printed card back to its record, the commit and person
    /// that set the version's status, and what superseded it.
    var footer: String {
        guard isWorkingTree else { return recordFooter }
        return "Card '\(name)' \(versionLabel) (\(status)), not committed: a preview, not a record; "
            + "digest \(digest), branch head \(commit)"
    }

    /// The footer of a recorded version, with its timeline and approvals when known.
    private var recordFooter: String {
        let approved = approvals.isEmpty ? "" : "; approved by " + approvals.map(\.footerText).joined(separator: ", ")
        guard let timeline else {
            return "Card '\(name)' version \(version) (\(status)), commit \(commit), digest \(digest)" + approved
        }
        var text =
            "Card '\(name)' version \(version) (\(timeline.statusLine)), content from commit \(commit), digest \(digest)"
        text += approved
        if let superseded = timeline.supersededLine { text += "; " + superseded }
        return text
    }

    /// The version as shown: `3`, or for a working-tree preview what it is based on.
    var versionLabel: String {
        guard isWorkingTree else { return "version \(version)" }
        return version == 0 ? "working tree (no version yet)" : "working tree (changes after version \(version))"
    }

    /// A short line under the title.
    var subtitle: String {
        var parts = ["Card \(name)", versionLabel, "status \(status)"]
        if let link { parts.append("model package \(link)") }
        if let next = timeline?.supersededBy { parts.append("superseded by version \(next)") }
        return parts.joined(separator: " · ")
    }
}

extension CardDocument {
    /// The document of `source`; without `sections`, only its header and footer (the site
    /// renders the sections one by one through ``sectionValues(of:)``, remembering each).
    init(_ source: ExportSource, sections withSections: Bool = true) {
        let root = source.root
        title = root["model_overview"]?["model_name"]?.stringValue ?? source.name
        name = source.name
        version = source.version
        status = source.status
        link = source.modelPackage
        commit = source.commit
        digest = source.digest
        isWorkingTree = source.isWorkingTree
        timeline = source.timeline
        approvals = source.approvals
        sections = withSections ? Self.sectionValues(of: root).map(Self.section) : []
    }

    /// The card's top-level values shown as sections, in the order they are shown: the known
    /// sections in `ExportLabels.sections`' order, then any others in the card's order.
    static func sectionValues(of root: ValueNode) -> [(key: String, value: ValueNode)] {
        var values: [(key: String, value: ValueNode)] = []
        for (key, _) in ExportLabels.sections {
            if let value = root[key] { values.append((key, value)) }
        }
        for member in root.members ?? []
        where !knownSections.contains(member.key) && member.key != "name" && member.key != "status" {
            values.append((member.key, member.value))
        }
        return values
    }

    /// The section showing `value`, the card's value of `key`: what it shows depends on
    /// nothing else.
    static func section(key: String, value: ValueNode) -> Section {
        let title = ExportLabels.sections.first { $0.key == key }?.title ?? ExportLabels.label(key)
        return Section(key: key, title: title, blocks: sectionBlocks(key: key, value: value))
    }

    private static let knownSections = Set(ExportLabels.sections.map(\.key))

    private static func sectionBlocks(key: String, value: ValueNode) -> [Block] {
        if key == "evaluation_details", let evaluations = value.elements {
            return evaluations.map { .evaluation(evaluation($0)) }
        }
        if value.members != nil { return blocks(of: value, prefix: "", pointer: "/" + key) }
        return blocks(key: key, value: value, label: ExportLabels.label(key), pointer: "/" + key)
    }

    /// The blocks of an object's members, labels prefixed with the path above them; `pointer`
    /// is the object's place in the card, for the labels that depend on it
    /// (``ExportLabels/label(_:at:)``).
    static func blocks(of object: ValueNode, prefix: String, pointer: String = "") -> [Block] {
        var result: [Block] = []
        for member in object.members ?? [] {
            let memberPointer = pointer + "/" + member.key
            let own = ExportLabels.label(member.key, at: memberPointer)
            // An empty label shows the member's fields as the object's own.
            let label = own.isEmpty ? prefix : prefix.isEmpty ? own : prefix + " / " + own
            result += blocks(key: member.key, value: member.value, label: label, pointer: memberPointer)
        }
        return result
    }

    private static func blocks(key: String, value: ValueNode, label: String, pointer: String = "") -> [Block] {
        switch value.kind {
        case .object(let members):
            if ExportLabels.freeMaps.contains(key) {
                return [
                    .table(
                        Table(
                            title: label, columns: ["Key", "Value"], rows: members.map { [$0.key, cellText($0.value)] })
                    )
                ]
            }
            return blocks(of: value, prefix: label, pointer: pointer)
        case .array(let elements):
            if elements.allSatisfy(isScalar) {
                return [.list(label: label, items: elements.map(text))]
            }
            return [.table(table(title: label, elements: elements))]
        default:
            return [.text(label: label, text: text(value))]
        }
    }

    /// A table of an array of objects: one column per key, in first-seen order.
    static func table(title: String, elements: [ValueNode]) -> Table {
        var keys: [String] = []
        for element in elements {
            for member in element.members ?? [] where !keys.contains(member.key) { keys.append(member.key) }
        }
        if keys.isEmpty { keys = ["value"] }
        let rows = elements.map { element -> [String] in
            if element.members == nil { return [cellText(element)] + Array(repeating: "", count: keys.count - 1) }
            return keys.map { key in element[key].map(cellText) ?? "" }
        }
        return Table(title: title, columns: keys.map(ExportLabels.label), rows: rows)
    }

    private static func evaluation(_ node: ValueNode) -> Evaluation {
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

    static func isScalar(_ node: ValueNode) -> Bool {
        switch node.kind {
        case .array, .object: return false
        default: return true
        }
    }

    /// A scalar as text: strings as written, numbers in their shortest form.
    static func text(_ node: ValueNode) -> String {
        switch node.kind {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .number(let value): return CanonicalJSON.format(value)
        case .string(let string): return trimmed(string)
        case .array(let elements): return elements.map(cellText).joined(separator: ", ")
        case .object(let members): return members.map { "\($0.key): \(cellText($0.value))" }.joined(separator: "; ")
        }
    }

    /// `text` without leading and trailing white space, exactly what
    /// `CharacterSet.whitespacesAndNewlines` trims (the Unicode White_Space scalars and the zero
    /// width space); Foundation's trimming goes through NSString on Linux, a cost the site pays
    /// for every field of every version.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Whether `trimmed(_:)` removes `scalar` at either end.
    static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x200B
    }

    /// Any value as one line of a table cell.
    static func cellText(_ node: ValueNode) -> String {
        oneLine(text(node))
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// A number for display in charts and cells.
    static func format(_ value: Double) -> String {
        CanonicalJSON.format(value)
    }
}
