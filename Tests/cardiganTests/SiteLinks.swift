import Foundation

/// A link check of a built site: every `href` and `src` of every page names a file of the
/// site, and a `#fragment` an element id on that page.
enum SiteLinks {
    /// Every link of every page: (page, target as written).
    static func links(in site: String) throws -> [(page: String, target: String)] {
        var links: [(String, String)] = []
        for page in try SiteFixture.files(in: site) where page.hasSuffix(".html") {
            let text = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
            for attribute in ["href=\"", "src=\""] {
                var rest = text[...]
                while let start = rest.range(of: attribute) {
                    rest = rest[start.upperBound...]
                    guard let end = rest.firstIndex(of: "\"") else { break }
                    links.append((page, String(rest[..<end])))
                    rest = rest[end...]
                }
            }
        }
        return links
    }

    /// How many links the pages hold.
    static func count(in site: String) throws -> Int { try links(in: site).count }

    /// The links that lead nowhere, as "page: target".
    static func broken(in site: String) throws -> [String] {
        var broken: [String] = []
        for (page, target) in try links(in: site) {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let file = String(parts[0])
            let fragment = parts.count > 1 ? String(parts[1]) : nil
            if file.contains(":") || file.hasPrefix("/") {
                broken.append("\(page): \(target) (not a relative link)")
                continue
            }
            let base = (page as NSString).deletingLastPathComponent
            let resolved =
                file.isEmpty ? page : ((base.isEmpty ? file : base + "/" + file) as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: site + "/" + resolved) else {
                broken.append("\(page): \(target)")
                continue
            }
            if let fragment, !fragment.isEmpty {
                let text = try String(contentsOfFile: site + "/" + resolved, encoding: .utf8)
                if !text.contains("id=\"\(fragment)\"") { broken.append("\(page): \(target) (no such id)") }
            }
        }
        return broken
    }
}
