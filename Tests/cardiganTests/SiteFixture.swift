import CardiganKit
import Foundation
import TestSupport

/// A card repository made from the example cards with a history worth showing — statuses
/// moved, a second version that changes the risk rating, a description and a metric, a link —
/// plus a card whose texts try to inject markup; and the site built from it.
final class SiteFixture: @unchecked Sendable {
    /// Texts of the hostile card that must never reach a page as markup.
    static let injections = [
        "<script>alert('card')</script>", "\"><img src=x onerror=alert(1)>",
        "</main><iframe src=\"https://example.com\">",
    ]

    let repo: CardRepo
    /// The folder the site was built in.
    let site: String
    /// What the build printed.
    let output: String

    /// The site of the example cards, built once for the suites that read it.
    static let shared = Result { try SiteFixture() }

    init() throws {
        repo = try CardRepo()
        // ``shared`` is never released, so its repository (and the site in it) goes at exit.
        ExitCleanup.remove(atExit: repo.path)
        let cards = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.exampleCards).sorted()
        for file in cards where file.hasSuffix(".yaml") {
            try repo.write(
                "cards/" + file, try String(contentsOfFile: PackagePaths.exampleCards + "/" + file, encoding: .utf8))
        }
        try repo.write("cards/hostile.yaml", Self.hostileCard())
        try repo.cardigan("init").checked()
        try repo.cardigan("commit", "-m", "Import the example cards").checked()
        try repo.cardigan("status", "customer-churn", "PendingReview", "-m", "Ready for review").checked()
        try repo.cardigan("status", "customer-churn", "Approved", "-m", "Approved by the model risk committee")
            .checked()
        try repo.edit("cards/customer-churn.yaml", replacing: "risk_rating: Medium", with: "risk_rating: High")
        try repo.edit("cards/customer-churn.yaml", replacing: "value: 0.912", with: "value: 0.905")
        try repo.edit(
            "cards/customer-churn.yaml", replacing: "within the next 90 days.",
            with: "within the next 120 days, and <b>flags</b> the riskiest.")
        try repo.cardigan("commit", "-m", "Rate churn's risk High after the review").checked()
        try repo.cardigan("link", "support-ticket-classifier", "--model-package", "support-tickets/1").checked()
        try repo.edit("cards/hostile.yaml", replacing: "Risk: none", with: "Risk: <em>some</em> & more")
        try repo.cardigan("commit", "-m", "Hostile v2").checked()
        site = repo.path + "/.site-out"
        output = try repo.cardigan("site", "-o", ".site-out").checked().output
    }

    /// A valid card whose every text tries to break out of the page.
    static func hostileCard() -> String {
        """
        name: hostile
        status: Draft
        model_overview:
          model_name: "\(injections[1].replacingOccurrences(of: "\"", with: "\\\""))"
          model_description: "\(injections[0]) \(injections[2].replacingOccurrences(of: "\"", with: "\\\"")) Risk: none"
        intended_uses:
          risk_rating: Low
          purpose_of_model: "<a href=\\"javascript:alert(2)\\">click</a>"

        """
    }

    /// Every file of the site, relative to its folder, sorted.
    func files() throws -> [String] {
        try Self.files(in: site)
    }

    /// Every file under `folder`, relative to it, sorted.
    static func files(in folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// The HTML pages of the site.
    func pages() throws -> [String] { try files().filter { $0.hasSuffix(".html") } }

    /// A file of the site as text.
    func read(_ path: String) throws -> String {
        try String(contentsOfFile: site + "/" + path, encoding: .utf8)
    }
}
