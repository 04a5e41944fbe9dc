import CardiganKit
import Foundation
import TestSupport
import Testing

/// `cardigan site` on the example cards: every page there, naming its commit and digest;
/// card text escaped everywhere; links that resolve; nothing from the network; byte-identical
/// rebuilds; incremental updates that touch only what changed.
@Suite struct SiteEndToEndTests {
    private func fixture() throws -> SiteFixture { try SiteFixture.shared.get() }

    @Test func buildsEveryPageOfTheExampleCards() throws {
        let site = try fixture()
        let files = try site.files()
        for path in [
            "index.html", "registry.html", "assets/card.css", "assets/site.css", "assets/catalog.js",
            "cards/customer-churn/index.html", "cards/customer-churn/v1.html", "cards/customer-churn/v2.html",
            "cards/customer-churn/diff-v1-v2.html", "cards/support-ticket-classifier/diff-v1-v2.html",
            "cards/hostile/v2.html",
            ".cardigan-site.json",
        ] {
            #expect(files.contains(path), "\(path) missing from \(files)")
        }
        #expect(!files.contains("cards/support-ticket-classifier/diff-v0-v1.html"))
        #expect(site.output.contains("site: \(files.count - 1) files from commit"))
    }

    @Test func everyPageNamesTheCommitAndDigestItWasBuiltFrom() throws {
        let site = try fixture()
        let head = try site.repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        for page in try site.pages() {
            let text = try site.read(page)
            #expect(text.contains("<p class=\"provenance\">Built from commit"), "\(page)")
            #expect(text.range(of: #"sha256:[0-9a-f]{64}"#, options: .regularExpression) != nil, "\(page)")
        }
        #expect(try site.read("index.html").contains("Built from commit \(head) of &#39;main&#39;"))
        let v1 = try site.repo.git("rev-list", "-n1", "cards/customer-churn/v1").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let page = try site.read("cards/customer-churn/v1.html")
        #expect(page.contains("Built from commit \(v1) (card &#39;customer-churn&#39; version 1, digest sha256:"))
    }

    @Test func catalogListsEveryCardCompleteWithoutScript() throws {
        let text = try fixture().read("index.html")
        let rows = text.components(separatedBy: "<tr data-status=").count - 1
        #expect(rows == 4)
        #expect(text.contains("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>"))
        // customer-churn: v2 Draft, risk High, its v1 approved.
        #expect(text.contains("data-status=\"Draft\" data-risk=\"High\""))
        #expect(text.contains("<a href=\"cards/customer-churn/v1.html\">version 1</a> on <time"))
        #expect(text.contains("support-tickets/1") && text.contains("customer-churn/3"))
    }

    @Test func cardPageShowsTheExportAndTheVersionHistory() throws {
        let site = try fixture()
        let page = try site.read("cards/customer-churn/index.html")
        let export = try site.repo.cardigan("export", "customer-churn", "--format", "html").checked().output
        // The export's body of the card, up to its footer (which names the branch head there
        // and the version's own commit here), is on the page as the export renders it.
        let start = try #require(export.range(of: "<header>"))
        let end = try #require(export.range(of: "<footer>"))
        #expect(page.contains(String(export[start.lowerBound..<end.lowerBound])))
        #expect(
            page.contains("<a href=\"v1.html\">Version 1</a> <span class=\"status status-approved\">Approved</span>"))
        #expect(page.contains("Approved by the model risk committee"))
        #expect(page.contains("<a href=\"diff-v1-v2.html\">changes since version 1</a>"))
        let version = try site.read("cards/customer-churn/v1.html")
        #expect(version.contains("<section id=\"site-approvals\">"))
        #expect(version.contains("superseded by <a href=\"v2.html\">version 2</a>"))
    }

    @Test func diffPageShowsFieldsWordsAndMetrics() throws {
        let page = try fixture().read("cards/customer-churn/diff-v1-v2.html")
        #expect(page.contains("<h2>Risk rating and approval</h2>"))
        #expect(
            page.contains(
                "<code class=\"field-path\">intended_uses.risk_rating</code> <span class=\"kind kind-changed\">changed</span> <del class=\"old\">Medium</del> → <ins class=\"new\">High</ins>"
            ))
        #expect(page.contains("metric_groups[binary_classification].auc</code>"))
        #expect(page.contains("<del class=\"old\">0.912</del> → <ins class=\"new\">0.905</ins>"))
        #expect(page.contains("<del>90 days.</del> <ins>120 days, and &lt;b&gt;flags&lt;/b&gt; the riskiest.</ins>"))
    }

    @Test func escapesCardTextOnEveryPage() throws {
        let site = try fixture()
        for page in try site.pages() {
            let text = try site.read(page)
            for injection in SiteFixture.injections + ["<em>some</em>", "<a href=\"javascript", "<b>flags"] {
                #expect(!text.contains(injection), "\(page) holds '\(injection)' unescaped")
            }
            #expect(text.components(separatedBy: "<main").count == 2, "\(page)")
        }
        let catalog = try site.read("index.html")
        #expect(catalog.contains("&lt;script&gt;alert(&#39;card&#39;)&lt;/script&gt;"))
        let diff = try site.read("cards/hostile/diff-v1-v2.html")
        #expect(
            diff.contains("<ins>&lt;em&gt;some&lt;/em&gt; &amp; more</ins>")
                || diff.contains("&lt;em&gt;some&lt;/em&gt; &amp; more"))
    }

    @Test func everyLinkResolvesAndNothingComesFromTheNetwork() throws {
        let site = try fixture()
        let broken = try SiteLinks.broken(in: site.site)
        #expect(broken.isEmpty, "\(broken)")
        #expect(try SiteLinks.count(in: site.site) > 50)
        for page in try site.pages() {
            let text = try site.read(page)
            for scheme in ["http:", "https:", "//"] {
                #expect(!text.contains("href=\"\(scheme)") && !text.contains("src=\"\(scheme)"), "\(page)")
            }
        }
    }

    @Test func rebuildIsByteIdenticalAndWritesNothing() throws {
        let site = try fixture()
        let again = site.repo.path + "/.site-again"
        try site.repo.cardigan("site", "-o", ".site-again").checked()
        let files = try site.files()
        #expect(try SiteFixture.files(in: again) == files)
        for file in files {
            #expect(
                FileManager.default.contents(atPath: again + "/" + file)
                    == FileManager.default.contents(atPath: site.site + "/" + file), "\(file)")
        }
        let rebuild = try site.repo.cardigan("site", "-o", ".site-again").checked().output
        #expect(rebuild.contains("0 written, 0 removed"), "\(rebuild)")
    }
}
