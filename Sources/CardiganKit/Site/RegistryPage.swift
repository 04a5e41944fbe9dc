import Foundation

/// The model packages the record names: group → version → the card version that linked it,
/// the card's latest version (what documents it now) and its latest Approved version.
enum RegistryPage {
    /// One package version and the card that documents it.
    struct Entry: Equatable {
        var group: String
        var version: Int
        var card: String
        /// The first card version whose record names the package: where the link was made.
        var linkedAt: Int
    }

    /// Every package version the cards' version records name, by group and version.
    static func entries(of history: SiteHistory) -> [Entry] {
        var entries: [String: Entry] = [:]
        for card in history.cards {
            for timeline in card.timelines {
                guard let name = timeline.modelPackage, entries[name] == nil,
                    let package = try? ModelPackage(parsing: name)
                else { continue }
                entries[name] = Entry(
                    group: package.group, version: package.version, card: card.name, linkedAt: timeline.version)
            }
        }
        return entries.values.sorted { ($0.group, $0.version) < ($1.group, $1.version) }
    }

    /// The registry page of `history`, with what `listing` says of the versions no card
    /// documents (nil: the registry was not read).
    static func render(history: SiteHistory, listing: SiteRegistryListing? = nil) -> SitePage {
        let path = SitePaths.registry
        let cards = Dictionary(history.cards.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let all = entries(of: history)
        var out = "<header>\n<h1>Model packages</h1>\n"
        out +=
            "<p class=\"lede\">Each model package version that a card version links, with the card that documents it now and its latest Approved version. Links are read from the version records on '\(SiteHTML.escape(history.branch))'; <code>cardigan packages</code> also checks their tags.</p>\n</header>\n"
        if all.isEmpty { out += "<p>No card version links a model package.</p>\n" }
        var groups: [String] = []
        for entry in all where groups.last != entry.group { groups.append(entry.group) }
        for group in groups {
            out += "<section class=\"package-group\">\n<h2>\(SiteHTML.escape(group))</h2>\n"
            let rows = all.filter { $0.group == group }.map { entry -> [String] in
                let card = cards[entry.card]
                let linked =
                    "<a href=\"\(SitePaths.card(entry.card))\">\(SiteHTML.escape(entry.card))</a> <a href=\"\(SitePaths.version(entry.card, entry.linkedAt))\">version \(entry.linkedAt)</a>"
                var now = "—"
                if let latest = card?.latest {
                    now =
                        "<a href=\"\(SitePaths.version(entry.card, latest.version))\">version \(latest.version)</a> \(SiteHTML.status(latest.status.rawValue))"
                }
                var approved = "none"
                if let card, let version = VersionTimeline.latestApproved(in: card.timelines) {
                    approved =
                        "<a href=\"\(SitePaths.version(entry.card, version.version))\">version \(version.version)</a>"
                }
                return [String(entry.version), linked, now, approved]
            }
            out += SiteHTML.table(
                columns: ["Version", "Linked by", "Documented now by", "Approved documentation"], rows: rows)
            out += "</section>\n"
        }
        out += SiteRegistryListing.section(listing, entries: all)
        var provenance =
            "Built from commit \(history.commit) of '\(history.branch)', digest \(CatalogPage.digest(of: history)) (every card's latest version, digest and status)"
        if let listing { provenance += "; package versions as \(listing.registry) listed them during the build" }
        return SitePage(
            path: path,
            text: SiteHTML.page(path: path, title: "Model packages", wide: true, body: out, provenance: provenance))
    }
}
