import Foundation

/// What a model registry lists in the package groups the cards link, read once per build for
/// the registry page's "versions no card documents". A build without one says the registry was
/// not read, so a site built offline depends on the repository alone.
struct SiteRegistryListing: Sendable {
    /// How the registry is named, e.g. `SageMaker (eu-west-1)`.
    var registry: String
    /// Every version the registry lists, by group; a group it does not have is listed empty.
    var groups: [String: [RegistryPackageSummary]]

    /// Lists, group by group (page by page within a group), the versions of every group that
    /// `entries` name. Throws what the registry throws: the build then writes nothing.
    static func read(_ registry: any ModelRegistry, entries: [RegistryPage.Entry]) throws -> SiteRegistryListing {
        var groups: [String: [RegistryPackageSummary]] = [:]
        for group in Set(entries.map(\.group)).sorted() {
            groups[group] = try registry.packageVersions(inGroup: group)
        }
        return SiteRegistryListing(registry: registry.displayName, groups: groups)
    }

    /// The section of the registry page on the versions no card documents: per group, each
    /// version the registry lists that no card version links, and the linked versions it does
    /// not list. Registry texts are escaped like card texts.
    static func section(_ listing: SiteRegistryListing?, entries: [RegistryPage.Entry]) -> String {
        var out = "<section id=\"site-undocumented\">\n<h2>Versions no card documents</h2>\n"
        guard let listing else {
            out +=
                "<p>Not read: this build did not ask a model registry which package versions exist. <code>cardigan site --registry</code> lists them from the registry that <code>.cardigan.yaml</code> configures.</p>\n</section>\n"
            return out
        }
        let name = SiteHTML.escape(listing.registry)
        let groups = listing.groups.keys.sorted()
        var undocumentedCount = 0
        var body = ""
        for group in groups {
            let versions = listing.groups[group] ?? []
            let linked = Set(entries.filter { $0.group == group }.map(\.version))
            let listed = Set(versions.map(\.package.version))
            let undocumented = versions.filter { !linked.contains($0.package.version) }
                .sorted { $0.package.version < $1.package.version }
            let missing = linked.subtracting(listed).sorted()
            guard !undocumented.isEmpty || !missing.isEmpty else { continue }
            body += "<section class=\"package-group\">\n<h3>\(SiteHTML.escape(group))</h3>\n"
            if !undocumented.isEmpty {
                undocumentedCount += undocumented.count
                let rows = undocumented.map { summary -> [String] in
                    [
                        String(summary.package.version), SiteHTML.escape(summary.approvalStatus ?? "—"),
                        summary.isApprovedForDeployment ? "<strong>yes</strong>" : "no",
                        "<code>\(SiteHTML.escape(summary.identifier))</code>",
                    ]
                }
                body += SiteHTML.table(
                    columns: ["Version", "Registry status", "Approved for deployment", "Registry identifier"],
                    rows: rows)
            }
            if !missing.isEmpty {
                let list = missing.map { "version \($0)" }.joined(separator: ", ")
                body += "<p>Linked by a card but not listed by \(name): \(list).</p>\n"
            }
            body += "</section>\n"
        }
        let plural = groups.count == 1 ? "" : "s"
        if groups.isEmpty {
            out += "<p>No card version links a model package, so no group of \(name) was read.</p>\n"
        } else if undocumentedCount == 0 {
            out +=
                "<p>Every version that \(name) lists in the \(groups.count) linked group\(plural) is documented by a card.</p>\n"
        } else {
            out +=
                "<p>\(undocumentedCount) version\(undocumentedCount == 1 ? "" : "s") that \(name) lists in the \(groups.count) linked group\(plural) no card version links (<code>cardigan registry status</code> reports them too).</p>\n"
        }
        return out + body + "</section>\n"
    }
}
