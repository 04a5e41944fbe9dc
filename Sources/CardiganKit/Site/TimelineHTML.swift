import Foundation

/// A version's status timeline and its approvals, as the card and version pages show them.
enum TimelineHTML {
    /// Every commit that recorded the version: status, what the commit did, who, when, which
    /// commit, and its message.
    static func table(_ timeline: VersionTimeline) -> String {
        let rows = timeline.events.map { event -> [String] in
            [
                SiteHTML.status(event.status.rawValue), SiteHTML.escape(what(event.change)),
                SiteHTML.escape("\(event.author) <\(event.email)>"), SiteHTML.time(event.time),
                SiteHTML.commit(event.commit), SiteHTML.escape(event.summary),
            ]
        }
        var out = SiteHTML.table(columns: ["Status", "Change", "By", "When", "Commit", "Message"], rows: rows)
        if let superseded = timeline.supersededBy {
            let when = timeline.supersededAt.map { " on " + SiteHTML.time($0) } ?? ""
            out += "<p class=\"superseded\">Superseded by version \(superseded)\(when).</p>\n"
        }
        return out
    }

    /// The approvals slot: what the timeline says approved this version. Today that is the
    /// status commits that moved it to Approved; signed approvals, when the history records
    /// them, are shown here too.
    static func approvals(_ timeline: VersionTimeline) -> String {
        let approvals = timeline.events.filter { $0.status == .approved && $0.change != .format }
        guard !approvals.isEmpty else {
            return "<p class=\"approvals none\">Not approved.</p>\n"
        }
        var out = "<ul class=\"approvals\">\n"
        for event in approvals {
            out +=
                "<li>Approved by \(SiteHTML.escape("\(event.author) <\(event.email)>")) on \(SiteHTML.time(event.time)) in commit \(SiteHTML.commit(event.commit)): \(SiteHTML.escape(event.summary))</li>\n"
        }
        return out + "</ul>\n"
    }

    private static func what(_ change: CardRecord.Change) -> String {
        switch change {
        case .version: return "new version"
        case .status: return "status change"
        case .format: return "formatting"
        case .approval: return "signed approval"
        }
    }
}
