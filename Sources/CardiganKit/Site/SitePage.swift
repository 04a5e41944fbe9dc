import Foundation

/// One file of the site: its path under the output folder and its bytes.
public struct SitePage: Sendable {
    /// The path, relative to the output folder, with `/` separators.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a page.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a page of text.
    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Where each page of the site lives. Every link is relative, so the site works from any
/// folder of a static host and from `file://`.
enum SitePaths {
    /// The catalog.
    static let catalog = "index.html"
    /// The registry page.
    static let registry = "registry.html"
    /// The stylesheet taken from the HTML export's template.
    static let cardStyle = "assets/card.css"
    /// The site's own stylesheet.
    static let siteStyle = "assets/site.css"
    /// The catalog's filter script.
    static let catalogScript = "assets/catalog.js"

    /// The card page of `card`.
    static func card(_ card: String) -> String { "cards/\(card)/index.html" }

    /// The page of version `version` of `card`.
    static func version(_ card: String, _ version: Int) -> String { "cards/\(card)/v\(version).html" }

    /// The diff page of `card` from version `version - 1` to `version`.
    static func diff(_ card: String, to version: Int) -> String {
        "cards/\(card)/diff-v\(version - 1)-v\(version).html"
    }

    /// The way from the folder of `path` up to the site's root: `""` or `"../../"`.
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
