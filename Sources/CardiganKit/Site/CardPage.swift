import Foundation

/// The page of a card: its latest version as the export renders it, then every version with
/// its status timeline, approvals, and links to the version and to what changed.
enum CardPage {
    /// The page of `card`, whose latest version's export is `body`.
    static func render(card: SiteHistory.Card, body: CardBody) -> SitePage {
        let path = SitePaths.card(card.name)
        let latest = card.latest
        var out = "<p class=\"crumbs\"><a href=\"../../index.html\">Model cards</a> › \(SiteHTML.escape(card.name))"
        out += " · latest version \(latest.version)"
        if let approved = VersionTimeline.latestApproved(in: card.timelines) {
            out += " · latest Approved: <a href=\"v\(approved.version).html\">version \(approved.version)</a>"
        }
        out += "</p>\n"
        out += "<div class=\"card-export\">\n" + body.html + "</div>\n"
        out += "<section id=\"site-history\">\n<h2>Version history</h2>\n"
        for timeline in card.timelines.reversed() {
            let version = timeline.version
            out += "<article class=\"version\" id=\"site-v\(version)\">\n"
            out +=
                "<h3><a href=\"v\(version).html\">Version \(version)</a> \(SiteHTML.status(timeline.status.rawValue))</h3>\n"
            var facts: [String] = []
            if let made = timeline.madeIn {
                facts.append("made on \(SiteHTML.time(made.time)) by \(SiteHTML.escape(made.author))")
            }
            if let package = timeline.modelPackage {
                facts.append("model package \(SiteHTML.escape(package))")
            }
            facts.append("digest <code>\(SiteHTML.escape(timeline.digest))</code>")
            out += "<p class=\"facts\">" + facts.joined(separator: " · ")
            if version > 1 {
                out += " · <a href=\"diff-v\(version - 1)-v\(version).html\">changes since version \(version - 1)</a>"
            }
            out += "</p>\n"
            out += TimelineHTML.table(timeline)
            out += "<h4>Approvals</h4>\n" + TimelineHTML.approvals(timeline)
            out += "</article>\n"
        }
        out += "</section>\n"
        let last = latest.statusEvent?.commit ?? SiteHistory.contentCommit(of: latest)
        let provenance =
            "Built from commit \(last) (card '\(card.name)' version \(latest.version), digest \(latest.digest), content from commit \(SiteHistory.contentCommit(of: latest)))"
        return SitePage(
            path: path, text: SiteHTML.page(path: path, title: card.name, body: out, provenance: provenance))
    }
}
