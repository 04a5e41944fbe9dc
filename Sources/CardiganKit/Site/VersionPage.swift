import Foundation

/// The page of one card version as it was: links to the diffs on either side, its status
/// timeline and approvals, then the export of that version.
enum VersionPage {
    /// The page of `timeline`'s version of `card`, whose export is `body`.
    static func render(card: String, timeline: VersionTimeline, body: CardBody) -> SitePage {
        let path = SitePaths.version(card, timeline.version)
        let version = timeline.version
        var out = "<p class=\"crumbs\"><a href=\"index.html\">\(SiteHTML.escape(card))</a> › version \(version)"
        if let next = timeline.supersededBy {
            out += " · <strong>superseded by <a href=\"v\(next).html\">version \(next)</a></strong>"
        } else {
            out += " · the latest version"
        }
        out += "</p>\n"
        out += "<nav class=\"diffs\" aria-label=\"Differences\">"
        if version > 1 {
            out += "<a href=\"diff-v\(version - 1)-v\(version).html\">What changed since version \(version - 1)</a>"
        }
        if let next = timeline.supersededBy {
            out += "<a href=\"diff-v\(next - 1)-v\(next).html\">What changed in version \(next)</a>"
        }
        out += "</nav>\n"
        out += "<section id=\"site-timeline\">\n<h2>Status timeline</h2>\n" + TimelineHTML.table(timeline)
        out += "</section>\n"
        out +=
            "<section id=\"site-approvals\">\n<h2>Approvals</h2>\n" + TimelineHTML.approvals(timeline) + "</section>\n"
        out += "<div class=\"card-export\">\n" + body.html + "</div>\n"
        let content = SiteHistory.contentCommit(of: timeline)
        var provenance =
            "Built from commit \(content) (card '\(card)' version \(version), digest \(timeline.digest))"
        if let last = timeline.statusEvent, last.commit != content {
            provenance += "; status as of commit \(last.commit)"
        }
        let title = "\(card) version \(version)"
        return SitePage(path: path, text: SiteHTML.page(path: path, title: title, body: out, provenance: provenance))
    }
}
