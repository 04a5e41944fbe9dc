import Foundation

/// The semantic diff between two consecutive versions of a card, written for reading: each
/// changed field with its old and new value, long texts word by word, metrics as old → new.
/// The changes are `SemanticDiff`'s, as `cardigan diff` prints them.
enum DiffPage {
    /// The page of what changed in `card` from `old` to `new`.
    static func render(card: String, old: VersionTimeline, new: VersionTimeline, changes: [CardChange]) -> SitePage {
        let path = SitePaths.diff(card, to: new.version)
        var out = "<p class=\"crumbs\"><a href=\"index.html\">\(SiteHTML.escape(card))</a> › "
        out += "<a href=\"v\(old.version).html\">version \(old.version)</a> → "
        out += "<a href=\"v\(new.version).html\">version \(new.version)</a></p>\n"
        out += "<header>\n<h1>\(SiteHTML.escape(card)): version \(old.version) → \(new.version)</h1>\n"
        out += "<dl class=\"meta\">\n"
        for (label, timeline) in [("Before", old), ("After", new)] {
            var line = "version \(timeline.version) · \(SiteHTML.status(timeline.status.rawValue))"
            if let made = timeline.madeIn {
                line += " · made on \(SiteHTML.time(made.time)) by \(SiteHTML.escape(made.author))"
            }
            line += " · commit \(SiteHTML.commit(SiteHistory.contentCommit(of: timeline)))"
            out += "<dt>\(label)</dt><dd>\(line)</dd>\n"
        }
        let count = changes.count == 1 ? "1 change" : "\(changes.count) changes"
        out += "<dt>Changes</dt><dd>\(count)</dd>\n</dl>\n</header>\n"
        let key = changes.filter(\.isRiskOrApproval)
        let rest = changes.filter { !$0.isRiskOrApproval }
        if !key.isEmpty {
            out += "<section id=\"site-key-changes\">\n<h2>Risk rating and approval</h2>\n" + list(key) + "</section>\n"
        }
        if !rest.isEmpty {
            out += "<section id=\"site-changes\">\n<h2>\(key.isEmpty ? "Changes" : "Other changes")</h2>\n"
            out += list(rest) + "</section>\n"
        }
        if changes.isEmpty { out += "<p>No field changed.</p>\n" }
        let provenance =
            "Built from commits \(SiteHistory.contentCommit(of: old)) (version \(old.version), digest \(old.digest)) and \(SiteHistory.contentCommit(of: new)) (version \(new.version), digest \(new.digest))"
        return SitePage(
            path: path,
            text: SiteHTML.page(
                path: path, title: "\(card): version \(old.version) → \(new.version)", body: out,
                provenance: provenance))
    }

    /// The changes as a list, one item per field.
    static func list(_ changes: [CardChange]) -> String {
        "<ul class=\"changes\">\n" + changes.map(item).joined() + "</ul>\n"
    }

    /// One change: the field, what happened, and the values.
    static func item(_ change: CardChange) -> String {
        let path = change.path.isEmpty ? "card" : change.path
        let field = "<code class=\"field-path\">\(SiteHTML.escape(path))</code>"
        let kind = "<span class=\"kind kind-\(change.kind.rawValue)\">\(change.kind.rawValue)</span>"
        switch change.kind {
        case .formatting:
            return
                "<li class=\"change\">Formatting only: comments or layout changed; the content and status are the same.</li>\n"
        case .added:
            return "<li class=\"change\">\(field) \(kind) <ins>\(SiteHTML.escape(change.new ?? ""))</ins></li>\n"
        case .removed:
            return "<li class=\"change\">\(field) \(kind) <del>\(SiteHTML.escape(change.old ?? ""))</del></li>\n"
        case .reordered:
            return
                "<li class=\"change\">\(field) \(kind) <span class=\"old\">\(SiteHTML.escape(change.old ?? ""))</span> → <span class=\"new\">\(SiteHTML.escape(change.new ?? ""))</span></li>\n"
        case .changed:
            if let words = change.words {
                return "<li class=\"change\">\(field) \(kind)<p class=\"words\">\(self.words(words))</p></li>\n"
            }
            return
                "<li class=\"change\">\(field) \(kind) <del class=\"old\">\(SiteHTML.escape(change.old ?? ""))</del> → <ins class=\"new\">\(SiteHTML.escape(change.new ?? ""))</ins></li>\n"
        }
    }

    /// A word-level difference: removed words struck through, added words marked.
    static func words(_ segments: [WordDiff.Segment]) -> String {
        segments.map { segment in
            let text = SiteHTML.escape(segment.text)
            switch segment.kind {
            case .same: return text
            case .removed: return "<del>\(text)</del>"
            case .added: return "<ins>\(text)</ins>"
            }
        }.joined(separator: " ")
    }
}
