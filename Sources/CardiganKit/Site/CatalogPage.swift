import Foundation

/// What the catalog shows of a card's latest version that only its content holds. Kept in the
/// manifest, so a rebuild reads only the cards whose latest version changed.
struct CardFacts: Sendable, Codable, Equatable {
    /// The commit the facts were read from (the latest version's content commit).
    var commit: String
    /// `model_overview.model_name`.
    var model: String?
    /// `model_overview.model_description`, on one line.
    var description: String?
    /// `intended_uses.risk_rating`.
    var risk: String?

    /// The facts of a card tree read at `commit`.
    init(root: ValueNode, commit: String) {
        self.commit = commit
        model = root["model_overview"]?["model_name"]?.stringValue
        description = (root["model_overview"]?["model_description"]?.stringValue).map(CardDocument.oneLine)
        risk = root["intended_uses"]?["risk_rating"]?.stringValue
    }
}

/// The catalog: every card with its latest version, status, risk rating, model package and
/// latest Approved version; a table that is complete without script, which the script filters
/// by status and risk rating and searches as you type.
enum CatalogPage {
    /// The statuses, in the order the filter offers them.
    static let statuses = ["Draft", "PendingReview", "Approved", "Archived"]
    /// The risk ratings, in the order the filter offers them.
    static let risks = ["High", "Medium", "Low", "Unknown"]

    /// The catalog of `history`, with each card's facts.
    static func render(history: SiteHistory, facts: [String: CardFacts]) -> SitePage {
        let path = SitePaths.catalog
        var out = "<header>\n<h1>Model cards</h1>\n"
        out +=
            "<p class=\"lede\">\(history.cards.count) cards on '\(SiteHTML.escape(history.branch))'. Each links to its latest version, its history and what changed.</p>\n</header>\n"
        out += filters()
        var rows: [[String]] = []
        var attributes: [String] = []
        for card in history.cards {
            let latest = card.latest
            let fact = facts[card.name]
            let status = latest.status.rawValue
            let risk = fact?.risk ?? "—"
            var name = "<a href=\"\(SitePaths.card(card.name))\">\(SiteHTML.escape(card.name))</a>"
            if let description = fact?.description, !description.isEmpty {
                name += "<span class=\"description\">\(SiteHTML.escape(description))</span>"
            }
            var approved = "none"
            if let version = VersionTimeline.latestApproved(in: card.timelines) {
                approved = "<a href=\"\(SitePaths.version(card.name, version.version))\">version \(version.version)</a>"
                if let event = version.events.last(where: { $0.status == .approved }) {
                    approved += " on " + SiteHTML.time(event.time)
                }
            }
            rows.append([
                name, SiteHTML.escape(fact?.model ?? ""),
                "<a href=\"\(SitePaths.version(card.name, latest.version))\">\(latest.version)</a>",
                SiteHTML.status(status), SiteHTML.escape(risk), SiteHTML.escape(latest.modelPackage ?? "—"), approved,
            ])
            let search = [card.name, fact?.model, fact?.description, latest.modelPackage, status, risk]
                .compactMap { $0 }.joined(separator: " ").lowercased()
            attributes.append(
                " data-status=\"\(SiteHTML.escape(status))\" data-risk=\"\(SiteHTML.escape(risk))\" data-search=\"\(SiteHTML.escape(search))\""
            )
        }
        out += "<div id=\"catalog\">\n"
        out += SiteHTML.table(
            columns: ["Card", "Model", "Version", "Status", "Risk rating", "Model package", "Latest Approved"],
            rows: rows, attributes: attributes)
        out += "<p id=\"catalog-empty\" hidden>No card matches.</p>\n</div>\n"
        let provenance =
            "Built from commit \(history.commit) of '\(history.branch)', digest \(digest(of: history)) (every card's latest version, digest and status)"
        return SitePage(
            path: path,
            text: SiteHTML.page(
                path: path, title: "Model cards", wide: true, script: SitePaths.catalogScript, body: out,
                provenance: provenance))
    }

    /// The filter form: hidden until the script shows it, so a page without script shows no
    /// control that does nothing.
    private static func filters() -> String {
        func options(_ values: [String]) -> String {
            "<option value=\"\">any</option>" + values.map { "<option value=\"\($0)\">\($0)</option>" }.joined()
        }
        return """
            <form id="filters" class="filters" role="search" hidden>
            <label>Status <select id="filter-status">\(options(statuses))</select></label>
            <label>Risk rating <select id="filter-risk">\(options(risks))</select></label>
            <label>Search <input id="filter-text" type="search" placeholder="name, model, package…"></label>
            <output id="filter-count" for="filter-status filter-risk filter-text"></output>
            </form>

            """
    }

    /// The digest of what the catalog lists: each card's latest version, digest and status.
    static func digest(of history: SiteHistory) -> String {
        let lines = history.cards.map {
            "\($0.name) \($0.latest.version) \($0.latest.digest) \($0.latest.status.rawValue)\n"
        }
        return "sha256:" + CardDigest.sha256Hex(Data(lines.joined().utf8))
    }
}
