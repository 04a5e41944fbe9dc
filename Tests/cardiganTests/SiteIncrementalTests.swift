import CardiganKit
import Foundation
import TestSupport
import Testing

/// A rebuild into a folder holding a previous build renders and writes only what changed.
@Suite struct SiteIncrementalTests {
    @Test func oneCardChangedRewritesOnlyItsPagesAndTheIndexes() throws {
        let repo = try CardRepo.withTwoCards()
        let site = repo.path + "/out"
        let store = try CardStore(discoveringFrom: repo.path)
        let first = try store.buildSite(into: site)
        #expect(first.written.count == first.files)
        try repo.edit("cards/a.yaml", replacing: "Two.", with: "Three.")
        try repo.cardigan("commit", "-m", "a v3").checked()
        let second = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        #expect(
            second.written == [
                "cards/a/diff-v2-v3.html", "cards/a/index.html", "cards/a/v2.html", "cards/a/v3.html", "index.html",
                "registry.html",
            ])
        #expect(second.rendered == 4 + 5)  // a's four pages, then the catalog, registry and assets
        let third = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        #expect(third.written.isEmpty && third.removed.isEmpty)
        #expect(third.rendered == 5)
    }

    /// The built-in template is written without Mustache; a repository's own template must
    /// still be rendered by it, and editing it must re-render every card page.
    @Test func aRepositorysOwnExportTemplateIsUsedAndItsEditRerendersTheCards() throws {
        let repo = try CardRepo.withTwoCards()
        let site = repo.path + "/out"
        let builtIn = try String(
            contentsOfFile: PackagePaths.root + "/templates/export/card.html.mustache", encoding: .utf8)
        _ = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        #expect(try !repo.read("out/cards/a/v2.html").contains("own-template"))
        try repo.write(
            "templates/export/card.html.mustache",
            builtIn.replacingOccurrences(of: "<h2>{{title}}</h2>", with: "<h2 class=\"own-template\">{{title}}</h2>"))
        let again = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        #expect(again.written.contains("cards/a/v2.html") && again.written.contains("cards/b/index.html"))
        for page in ["cards/a/v1.html", "cards/a/v2.html", "cards/a/index.html", "cards/b/v1.html"] {
            #expect(try repo.read("out/" + page).contains("<h2 class=\"own-template\">Model overview</h2>"), "\(page)")
        }
    }

    @Test func aPageDeletedByHandIsWrittenAgain() throws {
        let repo = try CardRepo.withTwoCards()
        let site = repo.path + "/out"
        _ = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        try FileManager.default.removeItem(atPath: site + "/cards/b/v1.html")
        let again = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        #expect(again.written == ["cards/b/v1.html"])
    }

    @Test func refusesAFolderWithFilesItDidNotMake() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.write("out/notes.txt", "mine")
        let result = try repo.cardigan("site", "-o", "out")
        #expect(result.status == 2)
        #expect(result.error.contains("holds files that are not a cardigan site"))
        #expect(try repo.read("out/notes.txt") == "mine")
    }

    /// A manifest (restored from a CI cache, say) that names a file outside the folder: the
    /// rebuild would delete it as a page that no longer exists. Found by a try-out.
    @Test func refusesAManifestNamingAFileOutsideTheSite() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.cardigan("site", "-o", "out").checked()
        try repo.write("victim.txt", "keep me")
        let manifest = try repo.read("out/.cardigan-site.json")
        for outside in ["../victim.txt", "/etc/hostname", "cards/../../victim.txt", "./index.html"] {
            try repo.write(
                "out/.cardigan-site.json",
                manifest.replacingOccurrences(
                    of: "\"pages\" : {",
                    with: "\"pages\" : {\n    \"\(outside)\" : {\"key\" : \"\", \"sha256\" : \"\"},"))
            let result = try repo.cardigan("site", "-o", "out")
            repo.expect(result, status: 2, saying: "names '\(outside)', which is not a file inside the site")
            #expect(try repo.read("victim.txt") == "keep me")
        }
    }

    /// A folder of the previous build replaced by a symbolic link: pages would be written (and
    /// stale ones deleted) wherever it points.
    @Test func refusesALinkedFolderInsideTheSite() throws {
        let repo = try CardRepo.withTwoCards()
        try repo.cardigan("site", "-o", "out").checked()
        let elsewhere = repo.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: repo.path + "/out/cards/a")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/out/cards/a", withDestinationPath: elsewhere)
        let result = try repo.cardigan("site", "-o", "out")
        repo.expect(result, status: 2, saying: "out/cards/a' is a symbolic link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test func removesPagesThatNoLongerExist() throws {
        let repo = try CardRepo.withTwoCards()
        let site = repo.path + "/out"
        _ = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        // A stale page from a build of another history: listed in the manifest, gone after.
        let manifestPath = site + "/.cardigan-site.json"
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        try repo.write("out/cards/zz/v1.html", "old")
        try manifest.replacingOccurrences(
            of: "\"pages\" : {",
            with: "\"pages\" : {\n    \"cards/zz/v1.html\" : { \"key\" : \"x\", \"sha256\" : \"y\" },"
        ).write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let again = try CardStore(discoveringFrom: repo.path).buildSite(into: site)
        #expect(again.removed == ["cards/zz/v1.html"])
        #expect(!FileManager.default.fileExists(atPath: site + "/cards/zz"))
    }
}
