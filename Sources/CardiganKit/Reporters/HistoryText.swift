import Foundation

/// Text and JSON renderings of the history commands' results (`commit`, `log`, `list`, `show`).
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
            }
            return [
                what, entry.record.status.rawValue, "\(entry.author) <\(entry.email)>", date(entry.time),
                String(entry.commit.prefix(12)), entry.summary + (entry.record.modelPackage.map { " [\($0)]" } ?? ""),
            ]
        }
        return table(header: ["VERSION", "STATUS", "AUTHOR", "DATE", "COMMIT", "MESSAGE"], rows: rows)
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

    /// The model package registry: group, version, card, card version, status, link state.
    public static func packageList(_ links: [PackageLink]) -> String {
        if links.isEmpty {
            return
                "no model package is linked yet; link one with 'cardigan link <card> --model-package <group>/<version>'\n"
        }
        var text = ""
        for group in Dictionary(grouping: links, by: \.group).keys.sorted() {
            text += group + "\n"
            for link in links where link.group == group {
                let card = link.card.map { "\($0) v\(link.cardVersion ?? 0)" } ?? "?"
                text +=
                    "  \(link.version)  \(card)  \(link.status ?? "-")  \(link.intact ? "intact" : "BROKEN: " + (link.problem ?? ""))\n"
            }
        }
        return text
    }

    /// A card version with a header saying which version, status, link and commit it is.
    public static func cardVersion(_ view: CardVersionView) -> String {
        var header = "# card \(view.record.card), version \(view.record.version), \(view.record.status.rawValue)"
        if let package = view.record.modelPackage { header += ", model package \(package)" }
        header += "\n# commit \(view.commit), digest \(view.record.digest)\n"
        return header + view.text + (view.text.hasSuffix("\n") ? "" : "\n")
    }

    /// The card version as JSON: the record, the commit and the card's content.
    public static func cardVersionJSON(_ view: CardVersionView) -> String {
        var text = "{\"card\":"
        text += CanonicalJSON.text(of: view.root)
        text += ",\"commit\":\"\(view.commit)\",\"digest\":\"\(view.record.digest)\""
        text += ",\"model_package\":" + (view.record.modelPackage.map { "\"\($0)\"" } ?? "null")
        text +=
            ",\"name\":\"\(view.record.card)\",\"status\":\"\(view.record.status.rawValue)\",\"version\":\(view.record.version)}"
        return text + "\n"
    }

    /// Encodes a value as pretty JSON with sorted keys.
    public static func json(_ value: some Encodable) -> String { JSONText.encode(value) + "\n" }

    static func date(_ time: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(time)))
    }

    /// Columns padded by display width, so names in CJK or with emoji line up on a terminal.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[index])
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
