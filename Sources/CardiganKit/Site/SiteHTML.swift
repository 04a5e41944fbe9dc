import Foundation

/// The frame every page shares: the head, the navigation and the line that names what the
/// page was built from. Every card text goes through ``escape(_:)``.
enum SiteHTML {
    /// `text` as HTML content or attribute value: a card is untrusted input.
    static func escape(_ text: String) -> String {
        TextEscaping.html(text)
    }

    /// A whole page at `path`: `body` inside `<main>`, then the provenance line.
    static func page(
        path: String, title: String, wide: Bool = false, script: String? = nil, body: String, provenance: String
    ) -> String {
        let root = SitePaths.root(from: path)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="cardigan">
            <title>\(escape(title))</title>
            <link rel="stylesheet" href="\(root)\(SitePaths.cardStyle)">
            <link rel="stylesheet" href="\(root)\(SitePaths.siteStyle)">

            """
        if let script { out += "<script src=\"\(root)\(script)\" defer></script>\n" }
        out += """
            </head>
            <body>
            <nav class="site" aria-label="Site"><a href="\(root)\(SitePaths.catalog)">Model cards</a><a href="\(root)\(SitePaths.registry)">Model packages</a></nav>
            <main\(wide ? " class=\"wide\"" : "")>

            """
        out += body
        out += "<p class=\"provenance\">\(escape(provenance))</p>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// A status as a badge whose class colours it.
    static func status(_ status: String) -> String {
        let known = CardStatus(rawValue: status) != nil
        let css = known ? " status-" + status.lowercased() : ""
        return "<span class=\"status\(css)\">\(escape(status))</span>"
    }

    /// A time as ISO 8601 in UTC inside `<time>`.
    static func time(_ seconds: Int64) -> String {
        let text = HistoryText.date(seconds)
        return "<time datetime=\"\(text)\">\(text)</time>"
    }

    /// A commit id shortened in `<code>`, the whole id as its title.
    static func commit(_ id: String) -> String {
        "<code title=\"\(escape(id))\">\(escape(String(id.prefix(12))))</code>"
    }

    /// A table with a header row; cells are HTML already.
    static func table(caption: String? = nil, columns: [String], rows: [[String]], attributes: [String] = [])
        -> String
    {
        var out = "<table>"
        if let caption { out += "<caption>\(escape(caption))</caption>" }
        out +=
            "\n<thead><tr>" + columns.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            let extra = index < attributes.count ? attributes[index] : ""
            out += "<tr\(extra)>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
