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
