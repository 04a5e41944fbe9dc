import Foundation
import Mustache

/// What `cardigan site` did.
public struct SiteBuildReport: Sendable {
    /// The branch head the site was built from.
    public var commit: String
    /// The number of files the site has (pages, styles, script).
    public var files: Int
    /// The pages rendered this time (the others' inputs were unchanged).
    public var rendered: Int
    /// The files written, by path: those whose bytes changed.
    public var written: [String]
    /// The files of the previous build removed, by path.
    public var removed: [String]
}

/// The work of one card: the key of each of its pages, and which of them need rendering.
private struct CardPlan: Sendable {
    var card: SiteHistory.Card
    /// The card file's path in the repository, for messages.
    var path: String
    /// Every page of the card, with its key.
    var keys: [(path: String, key: String)]
    /// The pages to render (their key changed, or the file is gone).
    var stale: Set<String>
    /// Whether the catalog facts must be read from the latest version.
    var needsFacts: Bool
    /// The card's blob in each content commit that rendering reads.
    var blobs: [String: ObjectID] = [:]

    /// The content commits whose card the stale pages and facts read.
    var commitsToRead: [String] {
        var versions = Set<Int>()
        for timeline in card.timelines {
            let version = timeline.version
            if stale.contains(SitePaths.version(card.name, version)) { versions.insert(version) }
            if version > 1, stale.contains(SitePaths.diff(card.name, to: version)) {
                versions.formUnion([version - 1, version])
            }
        }
        if needsFacts || stale.contains(SitePaths.card(card.name)) { versions.insert(card.latest.version) }
        return card.timelines.filter { versions.contains($0.version) }.map(SiteHistory.contentCommit)
    }
}

extension CardStore {
    /// Builds the static site of the protected branch into `folder`. When the folder holds a
    /// previous build, only pages whose inputs changed are rendered and only files whose bytes
    /// changed are written; files of pages that no longer exist are removed.
    ///
    /// With `registry`, the registry page also lists the versions that registry holds in the
    /// linked groups and no card documents. It is read before any file is written, so a
    /// registry that fails leaves the folder as it was.
    public func buildSite(into folder: String, registry: (any ModelRegistry)? = nil) throws -> SiteBuildReport {
        let history = try siteHistory()
        let listing = try registry.map {
            try SiteRegistryListing.read($0, entries: RegistryPage.entries(of: history))
        }
        let templatePath = "export/card.html.mustache"
        let template = try CardExporter.templateText(templatePath, workspace: workspace)
        let compiled = try TemplateRenderer.compile(template, path: templatePath)
        let builtIn = CardHTML.isBuiltIn(template)
        let previous = try SiteManifest.load(folder: folder)
        let generator = SiteKeys.key(["cardigan-site-1", template, SiteAssets.siteStyle, SiteAssets.catalogScript])
        let writer = SiteWriter(folder: folder, previous: previous)

        var plans = history.cards.map { plan($0, generator: generator, previous: previous, folder: folder) }
        var wanted: [String: Set<String>] = [:]
        for plan in plans where !plan.stale.isEmpty || plan.needsFacts {
            for commit in plan.commitsToRead { wanted[commit, default: []].insert(plan.card.name) }
        }
        let blobs = try cardBlobIDs(wanted)
        for index in plans.indices where !plans[index].stale.isEmpty || plans[index].needsFacts {
            for commit in plans[index].commitsToRead {
                plans[index].blobs[commit] = blobs[commit]?[plans[index].card.name]
            }
        }
        let objects = try objectDatabase()
        let work = plans.filter { !$0.stale.isEmpty || $0.needsFacts }
        let render = { @Sendable (plan: CardPlan) in
            Result {
                try Self.render(
                    plan, objects: objects, compiled: compiled, memo: builtIn ? SectionHTMLMemo() : nil, writer: writer)
            }
        }
        let results = ObjectDatabase.isSharedSafely ? concurrentMap(work, render) : work.map(render)

        var next = SiteManifest(commit: history.commit)
        var written: [String] = []
        var rendered = 0
        for plan in plans {
            for (path, key) in plan.keys where !plan.stale.contains(path) {
                if let entry = previous?.pages[path] {
                    next.pages[path] = SiteManifest.Entry(key: key, sha256: entry.sha256)
                }
            }
            if let facts = previous?.cards[plan.card.name], !plan.needsFacts { next.cards[plan.card.name] = facts }
        }
        for result in results {
            let (outcomes, facts) = try result.get()
            rendered += outcomes.count
            for outcome in outcomes {
                next.pages[outcome.path] = outcome.entry
                if outcome.written { written.append(outcome.path) }
            }
            if let facts { next.cards[facts.name] = facts.facts }
        }
        let shared = [
            CatalogPage.render(history: history, facts: next.cards),
            RegistryPage.render(history: history, listing: listing),
            SitePage(path: SitePaths.cardStyle, text: CardBody.style(ofTemplate: template)),
            SitePage(path: SitePaths.siteStyle, text: SiteAssets.siteStyle),
            SitePage(path: SitePaths.catalogScript, text: SiteAssets.catalogScript),
        ]
        for page in shared {
            let outcome = try writer.write(page, key: "")
            rendered += 1
            next.pages[page.path] = outcome.entry
            if outcome.written { written.append(page.path) }
        }
        let removed = try writer.removeStale(keeping: next.pages)
        if next != previous { try writer.writeFile(SiteManifest.fileName, bytes: try next.encoded()) }
        return SiteBuildReport(
            commit: history.commit, files: next.pages.count, rendered: rendered, written: written.sorted(),
            removed: removed)
    }

    /// The keys of `card`'s pages and which of them the previous build does not have.
    private func plan(_ card: SiteHistory.Card, generator: String, previous: SiteManifest?, folder: String) -> CardPlan
    {
        var keys: [(path: String, key: String)] = []
        let texts = card.timelines.map(SiteKeys.text(of:))
        keys.append((SitePaths.card(card.name), SiteKeys.key([generator, "card"] + texts)))
        for (index, timeline) in card.timelines.enumerated() {
            keys.append(
                (SitePaths.version(card.name, timeline.version), SiteKeys.key([generator, "version", texts[index]])))
            if index > 0 {
                let path = SitePaths.diff(card.name, to: timeline.version)
                let pair = [card.timelines[index - 1], timeline].map(SiteKeys.diffText(of:))
                keys.append((path, SiteKeys.key([generator, "diff"] + pair)))
            }
        }
        var stale = Set<String>()
        for (path, key) in keys {
            if previous?.pages[path]?.key != key || !FileManager.default.fileExists(atPath: folder + "/" + path) {
                stale.insert(path)
            }
        }
        let needsFacts = previous?.cards[card.name]?.commit != SiteHistory.contentCommit(of: card.latest)
        return CardPlan(card: card, path: path(of: card.name), keys: keys, stale: stale, needsFacts: needsFacts)
    }

    /// Renders and writes the stale pages of one card, on a worker thread. With `memo` (the
    /// built-in export template), card bodies are written directly, each distinct section once;
    /// without, through the repository's own template.
    private static func render(
        _ plan: CardPlan, objects: ObjectDatabase, compiled: MustacheTemplate, memo: SectionHTMLMemo?,
        writer: SiteWriter
    ) throws -> (outcomes: [SiteWriter.Outcome], facts: (name: String, facts: CardFacts)?) {
        let card = plan.card
        let path = plan.path
        let reader = SiteCardReader()
        var cards: [Int: (root: ValueNode, text: String, bytes: [UInt8])] = [:]
        func read(_ timeline: VersionTimeline) throws -> (root: ValueNode, text: String, bytes: [UInt8]) {
            if let known = cards[timeline.version] { return known }
            let commit = SiteHistory.contentCommit(of: timeline)
            guard let blob = plan.blobs[commit] else {
                throw CardiganError("card '\(card.name)' version \(timeline.version) was not read")
            }
            let bytes = try objects.readBlob(blob)
            guard let root = reader.root(of: bytes, path: path) else {
                throw CardiganError("card '\(card.name)' cannot be read in commit \(commit.prefix(12))")
            }
            let result = (root, String(decoding: bytes, as: UTF8.self), bytes)
            cards[timeline.version] = result
            return result
        }
        var bodies: [Int: CardBody] = [:]
        func body(_ timeline: VersionTimeline) throws -> CardBody {
            if let known = bodies[timeline.version] { return known }
            let (root, _, bytes) = try read(timeline)
            var source = ExportSource(
                name: card.name, version: timeline.version, status: timeline.status.rawValue,
                modelPackage: timeline.modelPackage ?? CardSnapshot.modelPackage(of: root),
                commit: SiteHistory.contentCommit(of: timeline), digest: timeline.digest, root: root)
            source.timeline = timeline
            let result = try memo.map { $0.body(source, bytes: bytes) } ?? CardBody.render(source, compiled: compiled)
            bodies[timeline.version] = result
            return result
        }
        let keys = Dictionary(plan.keys, uniquingKeysWith: { first, _ in first })
        var outcomes: [SiteWriter.Outcome] = []
        func emit(_ page: SitePage) throws {
            outcomes.append(try writer.write(page, key: keys[page.path] ?? ""))
        }
        for (index, timeline) in card.timelines.enumerated() {
            if plan.stale.contains(SitePaths.version(card.name, timeline.version)) {
                try emit(VersionPage.render(card: card.name, timeline: timeline, body: try body(timeline)))
            }
            if index > 0, plan.stale.contains(SitePaths.diff(card.name, to: timeline.version)) {
                let old = card.timelines[index - 1]
                let (before, after) = (try read(old), try read(timeline))
                let changes = SemanticDiff.compare(
                    old: before.root, new: after.root, oldText: before.text, newText: after.text)
                try emit(DiffPage.render(card: card.name, old: old, new: timeline, changes: changes))
            }
        }
        if plan.stale.contains(SitePaths.card(card.name)) {
            try emit(CardPage.render(card: card, body: try body(card.latest)))
        }
        var facts: (String, CardFacts)?
        if plan.needsFacts {
            facts = (
                card.name,
                CardFacts(root: try read(card.latest).root, commit: SiteHistory.contentCommit(of: card.latest))
            )
        }
        return (outcomes, facts)
    }
}
