import Foundation
import Testing

@testable import CardiganKit

/// Every page of the site escapes card text: the HTML export's injection case — a script and
/// the characters `&` and `'` appended to every string of each example card, and to the
/// history's names and messages — shows as text on the version, card, diff, catalog and
/// registry pages, never as markup.
@Suite struct SitePageEscapingTests {
    static let payload = "<script>alert(\"x\")</script>&'"
    static let shown = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;"

    /// A timeline whose people and messages carry the payload too.
    private func timeline(_ name: String, version: Int, status: CardStatus, superseded: Int?) -> VersionTimeline {
        let event = StatusEvent(
            status: status, change: .version, author: "Ann" + Self.payload, email: "ann@example.com" + Self.payload,
            time: 1_764_000_000 + Int64(version), commit: String(repeating: String(version), count: 40),
            summary: "Message" + Self.payload)
        let approval = StatusEvent(
            status: .approved, change: .status, author: "Bo" + Self.payload, email: "bo@example.com",
            time: 1_764_100_000,
            commit: String(repeating: "a", count: 40), summary: "Approved" + Self.payload)
        return VersionTimeline(
            card: name, version: version, digest: "sha256:" + String(repeating: "0", count: 64),
            modelPackage: "group-\(version)/\(version)", events: status == .approved ? [event, approval] : [event],
            supersededBy: superseded, supersededAt: superseded.map { _ in 1_764_200_000 })
    }

    private func expectEscaped(_ page: SitePage, atLeast count: Int, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(!html.contains("<script>alert"), "\(page.path)", sourceLocation: sourceLocation)
        #expect(!html.contains("</script>&"), "\(page.path)", sourceLocation: sourceLocation)
        let shown = html.components(separatedBy: Self.shown).count - 1
        #expect(shown >= count, "\(page.path) shows the payload \(shown) times", sourceLocation: sourceLocation)
    }

    @Test(arguments: ExportFixtures.cardNames)
    func hostileTextIsEscapedOnEveryPage(name: String) throws {
        let original = try ExportFixtures.root(name)
        let hostile = ExportFixtures.mapStrings(original) { $0 + Self.payload }
        let strings = ExportFixtures.strings(in: original).count
        let old = timeline(name, version: 1, status: .approved, superseded: 2)
        let new = timeline(name, version: 2, status: .draft, superseded: nil)
        let compiled = try TemplateRenderer.compile(
            try CardExporter.templateText("export/card.html.mustache", workspace: nil),
            path: "export/card.html.mustache")
        var source = try ExportFixtures.source(name, root: hostile)
        source.timeline = new
        let body = try CardBody.render(source, compiled: compiled)
        let card = SiteHistory.Card(name: name, timelines: [old, new])
        let history = SiteHistory(
            branch: "main" + Self.payload, commit: String(repeating: "f", count: 40), cards: [card])

        expectEscaped(VersionPage.render(card: name, timeline: new, body: body), atLeast: strings / 2 + 1)
        expectEscaped(VersionPage.render(card: name, timeline: old, body: body), atLeast: strings / 2 + 4)
        expectEscaped(CardPage.render(card: card, body: body), atLeast: strings / 2 + 4)
        let changes = SemanticDiff.compare(old: original, new: hostile)
        #expect(changes.count >= 3)
        expectEscaped(DiffPage.render(card: name, old: old, new: new, changes: changes), atLeast: 3)
        let facts = [name: CardFacts(root: hostile, commit: "c")]
        expectEscaped(CatalogPage.render(history: history, facts: facts), atLeast: 3)
        expectEscaped(RegistryPage.render(history: history), atLeast: 1)
    }
}
