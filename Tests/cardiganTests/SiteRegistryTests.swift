import CardiganKit
import Foundation
import TestSupport
import Testing

/// `cardigan site --registry`: the registry page lists, per linked group, the package versions
/// the configured registry holds and no card documents; run against moto's SageMaker and a real
/// MLflow server. Without the flag the page says the registry was not read.
@Suite(.serialized) struct SiteRegistryTests {
    /// The registry page's section on undocumented versions, up to the provenance line.
    private func undocumentedSection(_ page: String) throws -> String {
        let start = try #require(page.range(of: "<section id=\"site-undocumented\">"))
        let end = try #require(page.range(of: "<p class=\"provenance\">"))
        return String(page[start.lowerBound..<end.lowerBound])
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func listsTheVersionsNoCardDocumentsPerGroup(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = fixture.group("churn")
        let fraud = fixture.group("fraud")
        try fixture.createGroup(churn)
        try fixture.registerVersions(churn, 3)
        try fixture.createGroup(fraud)
        try fixture.registerVersions(fraud, 1)
        try fixture.card("churn")
        try fixture.card("fraud")
        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        try fixture.cardigan("link", "fraud", "--model-package", "\(fraud)/1").checked()
        try fixture.approve(churn, 3)

        let build = try fixture.cardigan("site", "-o", ".site", "--registry")
        #expect(build.status == 0, "\(build.error)")
        let page = try fixture.repo.read(".site/registry.html")
        let section = try undocumentedSection(page)
        #expect(
            section.contains(
                "<p>2 versions that \(fixture.displayName) lists in the 2 linked groups no card version links"),
            "\(section)")
        // churn's versions 2 and 3, in a table of their own; fraud is fully documented.
        #expect(section.contains("<h3>\(churn)</h3>") && !section.contains("<h3>\(fraud)</h3>"), "\(section)")
        #expect(section.contains("<tr><td>2</td><td>PendingManualApproval</td><td>no</td><td><code>"), "\(section)")
        #expect(section.contains("<tr><td>3</td><td>Approved</td><td><strong>yes</strong></td><td><code>"))
        #expect(!section.contains("<tr><td>1</td>"))
        #expect(page.contains("package versions as \(fixture.displayName) listed them during the build"))
        #expect(try SiteLinks.broken(in: fixture.repo.path + "/.site").isEmpty)

        // A version registered later appears on the next build, which rewrites that page only.
        try fixture.registerVersion(fraud)
        let again = try fixture.cardigan("site", "-o", ".site", "--registry").checked().output
        #expect(again.contains("1 written, 0 removed"), "\(again)")
        let later = try undocumentedSection(try fixture.repo.read(".site/registry.html"))
        #expect(later.contains("<h3>\(fraud)</h3>") && later.contains("<p>3 versions that "), "\(later)")
        #expect(!fixture.outputs.joined().contains(RegistryPeerFixture.secret))
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func saysEveryVersionIsDocumentedAndNothingWithoutTheFlag(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = fixture.group("churn")
        try fixture.createGroup(churn)
        try fixture.registerVersions(churn, 1)
        try fixture.card("churn")
        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()

        try fixture.cardigan("site", "-o", ".site", "--registry").checked()
        let section = try undocumentedSection(try fixture.repo.read(".site/registry.html"))
        #expect(
            section.contains(
                "<p>Every version that \(fixture.displayName) lists in the 1 linked group is documented by a card.</p>"),
            "\(section)")
        #expect(!section.contains("<table>") && !section.contains("<h3>"))

        // Without the flag nothing is asked: the page says so, whatever the registry holds.
        try fixture.registerVersion(churn)
        try fixture.cardigan("site", "-o", ".offline").checked()
        let offline = try fixture.repo.read(".offline/registry.html")
        #expect(try undocumentedSection(offline).contains("<p>Not read: this build did not ask a model registry"))
        #expect(!offline.contains("listed them during the build"))
    }

    @Test(RegistryScenarioTests.anyPeer, arguments: RegistryScenarioTests.kinds)
    func anUnreachableRegistryLeavesThePreviousSiteAsItWas(_ kind: RegistryPeerKind) throws {
        let fixture = try RegistryPeerFixture(kind)
        let churn = fixture.group("churn")
        try fixture.createGroup(churn)
        try fixture.registerVersions(churn, 2)
        try fixture.card("churn")
        try fixture.cardigan("link", "churn", "--model-package", "\(churn)/1").checked()
        try fixture.cardigan("site", "-o", ".site", "--registry").checked()
        let site = fixture.repo.path + "/.site"
        let files = try SiteFixture.files(in: site)
        let bytes = files.map { FileManager.default.contents(atPath: site + "/" + $0) }
        // A new version, so that a build that went ahead would rewrite pages.
        try fixture.repo.edit("cards/churn.yaml", replacing: "status: Draft", with: "status: PendingReview")
        try fixture.cardigan("commit", "churn", "-m", "ready").checked()

        let closed = "http://127.0.0.1:\(try RegistryPeers.freePort())"
        let result = try fixture.cardigan(
            "site", "-o", ".site", "--registry", extra: fixture.environment(endpoint: closed))
        #expect(result.status == 2)
        #expect(result.error.contains("cannot connect to '\(closed)'"), "\(result.error)")
        #expect(try SiteFixture.files(in: site) == files)
        #expect(files.map { FileManager.default.contents(atPath: site + "/" + $0) } == bytes)
        #expect(!fixture.outputs.joined().contains(RegistryPeerFixture.secret))
    }

    @Test func refusesTheFlagWhenNoRegistryIsConfigured() throws {
        let repo = try CardRepo.withTwoCards()
        let result = try repo.cardigan("site", "-o", "out", "--registry")
        #expect(result.status == 2)
        #expect(result.error.contains("error: no model registry is configured"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/out"))
    }
}
