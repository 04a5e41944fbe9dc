/// Writes a `DiffReport` as text, markdown or JSON.
public enum DiffRenderer {
    /// The report in `format`, ending with a newline; JSON is ``JSONOutput/diff(_:)``'s.
    public static func render(_ report: DiffReport, as format: DiffFormat) throws -> String {
        switch format {
        case .text: return text(report)
        case .markdown: return markdown(report)
        case .json: return try JSONOutput.diff(report)
        }
    }

    // MARK: text

    /// One header line per card, then one indented line per change.
    public static func text(_ report: DiffReport) -> String {
        guard !report.cards.isEmpty else { return "no card changes between \(report.base) and \(report.head)\n" }
        var lines: [String] = []
        for card in report.cards {
            var header = "\(card.card): \(card.change.rawValue), \(card.old.label) → \(card.new.label)"
            if let old = card.old.version, let new = card.new.version, old != new {
                header += " (version \(old) → \(new))"
            }
            if card.old.status != card.new.status, card.change == .modified {
                header += " (status \(card.old.status ?? "none") → \(card.new.status ?? "none"))"
            }
            lines.append(header)
            for change in card.changes { lines.append("  " + textLine(change)) }
            if card.changes.isEmpty { lines.append("  no changes") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func textLine(_ change: CardChange) -> String {
        let path = change.path.isEmpty ? "card" : change.path
        switch change.kind {
        case .added: return "\(path): added \(change.new ?? "")"
        case .removed: return "\(path): removed \(change.old ?? "")"
        case .reordered: return "\(path): reordered \(change.old ?? "") → \(change.new ?? "")"
        case .formatting: return "formatting only: comments or layout changed, the content and status are the same"
        case .changed:
            if let words = change.words { return "\(path): \(WordDiff.text(words))" }
            return "\(path): \(change.old ?? "") → \(change.new ?? "")"
        }
    }

    // MARK: markdown

    /// A pull-request comment: a summary table of the cards, then per card the risk-rating and
    /// approval changes, then the status, then the rest.
    public static func markdown(_ report: DiffReport) -> String {
        var out = "## Model card changes\n\n"
        out += "Comparing `\(report.base)` → `\(report.head)`.\n\n"
        guard !report.cards.isEmpty else { return out + "No card changed.\n" }
        out += "| Card | Version | Status | Risk rating | Changes |\n"
        out += "|---|---|---|---|---|\n"
        for card in report.cards {
            let versions = fromTo(
                card.old.version.map { "v\($0)" },
                card.new.version.map { "v\($0)" } ?? (card.new.isWorkingTree ? card.new.label : nil))
            let status = fromTo(card.old.status, card.new.status)
            let risk = fromTo(card.old.riskRating, card.new.riskRating, bold: true)
            let count = card.isFormattingOnly ? "formatting only" : String(card.changes.count)
            let name = "`\(card.card)`" + (card.change == .modified ? "" : " (\(card.change.rawValue))")
            out += "| \(name) | \(versions) | \(status) | \(risk) | \(count) |\n"
        }
        for card in report.cards {
            out += "\n### `\(card.card)`\n\n"
            let key = card.changes.filter(\.isRiskOrApproval)
            let rest = card.changes.filter { !$0.isRiskOrApproval }
            if !key.isEmpty {
                out += "**Risk rating and approval**\n\n"
                out += key.map(markdownLine).joined(separator: "\n") + "\n\n"
            }
            if !rest.isEmpty {
                if !key.isEmpty { out += "**Other changes**\n\n" }
                out += rest.map(markdownLine).joined(separator: "\n") + "\n"
            } else if key.isEmpty {
                out += "No changes.\n"
            }
        }
        return out
    }

    private static func fromTo(_ old: String?, _ new: String?, bold: Bool = false) -> String {
        let before = Markdown.cell(old ?? "—")
        let after = Markdown.cell(new ?? "—")
        guard old != new else { return after }
        return bold ? "\(before) → **\(after)**" : "\(before) → \(after)"
    }

    static func markdownLine(_ change: CardChange) -> String {
        let path = "`" + (change.path.isEmpty ? "card" : change.path) + "`"
        switch change.kind {
        case .added: return "- \(path): added \(Markdown.code(change.new ?? ""))"
        case .removed: return "- \(path): removed \(Markdown.code(change.old ?? ""))"
        case .reordered:
            return "- \(path): reordered \(Markdown.code(change.old ?? "")) → \(Markdown.code(change.new ?? ""))"
        case .formatting: return "- formatting only: comments or layout changed, the content and status are the same"
        case .changed:
            if let words = change.words { return "- \(path):\n\n  > \(WordDiff.markdown(words))\n" }
            return "- \(path): \(Markdown.code(change.old ?? "")) → \(Markdown.code(change.new ?? ""))"
        }
    }
}

/// Small helpers for writing markdown safely.
enum Markdown {
    /// `text` with the characters markdown would read as formatting escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_~[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `text` in a code span, with a fence longer than any backtick run inside it.
    static func code(_ text: String) -> String {
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return (fence + padded + fence).replacingOccurrences(of: "|", with: "\\|")
    }

    /// `text` for a table cell.
    static func cell(_ text: String) -> String {
        escape(text)
    }
}
