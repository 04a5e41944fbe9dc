import Foundation

/// Text renderings of the history commands' results (`commit`, `log`, `list`, `show`); their JSON
/// is ``JSONOutput``'s.
public enum HistoryText {
    /// What `commit` and `status` print: one line per card, then the commit.
    public static func commitSummary(_ result: CommitResult) -> String {
        var lines = result.notes.map { "note: " + $0 }
        guard let commit = result.commit else {
            if result.findings.isEmpty && result.notes.isEmpty { lines.append("nothing to commit: no card changed") }
            return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
        }
        for record in result.records {
            switch record.change {
            case .version:
                lines.append(
                    "\(record.card): version \(record.version) (\(record.status.rawValue)), tag cards/\(record.card)/v\(record.version)"
                )
            case .status:
                lines.append("\(record.card): version \(record.version) is now \(record.status.rawValue)")
            case .format:
                lines.append("\(record.card): formatting or comments only, still version \(record.version)")
            case .approval:
                lines.append(
                    "\(record.card): version \(record.version) approved by \(approvers(record)), still \(record.status.rawValue)"
                )
            }
            if record.change == .status, !record.approvals.isEmpty {
                lines.append("\(record.card): approved by \(approvers(record))")
            }
        }
        for tag in result.linkTags { lines.append("linked: tag \(tag)") }
        lines.append("commit \(commit.prefix(12))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The audit trail as a table, oldest first.
    public static func auditTrail(_ entries: [AuditEntry]) -> String {
        let rows = entries.map { entry -> [String] in
            let what: String
            switch entry.record.change {
            case .version: what = "v\(entry.record.version)"
            case .status: what = "v\(entry.record.version) status"
            case .format: what = "v\(entry.record.version) format"
            case .approval: what = "v\(entry.record.version) approval"
            }
            return [
                what, entry.record.status.rawValue, "\(entry.author) <\(entry.email)>", date(entry.time),
                String(entry.commit.prefix(12)),
                entry.summary + (entry.record.modelPackage.map { " [\($0)]" } ?? "")
                    + (entry.record.approvals.isEmpty ? "" : " [approved by \(approvers(entry.record))]"),
            ]
        }
        return table(header: ["VERSION", "STATUS", "AUTHOR", "DATE", "COMMIT", "MESSAGE"], rows: rows)
    }

    /// The approvers a record names: `principal (SHA256:…)`, comma-separated.
    static func approvers(_ record: CardRecord) -> String {
        record.approvals.map { "\($0.principal) (\($0.fingerprint))" }.joined(separator: ", ")
    }

    /// The approvals block `show` prints after the card: one YAML comment line per approval.
    public static func approvalBlock(_ approvals: [Approval]) -> String {
        approvals.map { "# approved by \($0.footerText)\n" }.joined()
    }

    /// The list of cards as a table.
    public static func cardList(_ cards: [CardSummary]) -> String {
        let rows = cards.map {
            [
                $0.name, $0.version.map { "v\($0)" } ?? "-", $0.status ?? "-", $0.riskRating ?? "-",
                $0.modelPackage ?? "-",
            ]
        }
        return table(header: ["CARD", "VERSION", "STATUS", "RISK", "MODEL PACKAGE"], rows: rows)
    }

    /// The model package registry, one line per package version: the card and the version the
    /// link was made at, the card's latest version with its own status, the latest Approved
    /// version (the approved documentation of that model version), and the link's state.
    public static func packageList(_ links: [PackageLink]) -> String {
        if links.isEmpty {
            return
                "no model package is linked yet; link one with 'cardigan link <card> --model-package <group>/<version>'\n"
        }
        var rows: [[String]] = []
        for link in links {
            rows.append([
                "\(link.group)/\(link.version)", link.card ?? "?", link.cardVersion.map { "v\($0)" } ?? "?",
                link.latestVersion.map { "v\($0) \(link.latestStatus ?? "-")" } ?? "-",
                link.approvedVersion.map { "v\($0)" }
                    ?? (link.latestStatus == "Archived" ? "archived" : "none approved"),
                link.intact ? "intact" : "BROKEN: " + (link.problem ?? ""),
            ])
        }
        return table(header: ["MODEL PACKAGE", "CARD", "LINKED AT", "LATEST", "APPROVED", "LINK"], rows: rows)
    }

    /// A card version with a header saying which version, status, link and commit it is.
    public static func cardVersion(_ view: CardVersionView) -> String {
        var header = "# card \(view.record.card), version \(view.record.version), \(view.record.status.rawValue)"
        if let package = view.record.modelPackage { header += ", model package \(package)" }
        header += "\n# commit \(view.commit), digest \(view.record.digest)\n"
        if let timeline = view.timeline {
            header += "# status: \(timeline.statusLine)\n"
            if let superseded = timeline.supersededLine { header += "# \(superseded)\n" }
        }
        return header + view.text + (view.text.hasSuffix("\n") ? "" : "\n")
    }

    /// `time` (seconds since 1970) as ISO 8601 in UTC, `2026-11-30T12:00:00Z`: what
    /// `ISO8601DateFormatter` writes, computed directly (a formatter is costly to make, and the
    /// site writes one date per status event of every version).
    static func date(_ time: Int64) -> String {
        let days = time >= 0 ? time / 86_400 : (time - 86_399) / 86_400
        let seconds = time - days * 86_400
        // Howard Hinnant's days-to-civil algorithm.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : String(value) }
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return
            "\(paddedYear)-\(two(month))-\(two(day))T\(two(seconds / 3_600)):\(two(seconds % 3_600 / 60)):\(two(seconds % 60))Z"
    }

    /// Columns padded by display width, so names in CJK or with emoji line up on a terminal.
    /// Every cell is escaped (``DisplayText/escaped(_:lineBreaks:)``): a card's values and a
    /// commit's message come from whoever could push, and must not drive the terminal.
    /// Each cell's width is measured once, and the text is built in one string.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map { DisplayText.escaped($0) } }
        let cellWidths = all.map { $0.map(DisplayWidth.of) }
        let widths = header.indices.map { column in cellWidths.map { $0[column] }.max() ?? 0 }
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + 2)
        var text = ""
        text.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for (row, rowWidths) in zip(all, cellWidths) {
            for (index, cell) in row.enumerated() {
                text += cell
                guard index < row.count - 1 else { break }
                text += spaces.prefix(max(0, widths[index] - rowWidths[index]) + 2)
            }
            text += "\n"
        }
        return text
    }
}
