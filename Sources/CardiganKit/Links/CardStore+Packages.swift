import Foundation

/// One model package version as the link tags record it.
public struct PackageLink: Sendable {
    /// The package group.
    public var group: String
    /// The package version.
    public var version: Int
    /// The linked card, from the tag's message.
    public var card: String?
    /// The card version the link was made at, from the tag's message.
    public var cardVersion: Int?
    /// The card's latest version on the protected branch: what documents the package now.
    public var latestVersion: Int?
    /// The latest version's own status.
    public var latestStatus: String?
    /// The card's latest version whose status is Approved: the approved documentation of the
    /// package; nil when no version is approved.
    public var approvedVersion: Int?
    /// The ARN the tag records.
    public var arn: String?
    /// The commit the tag points at.
    public var commit: String?
    /// Whether the link is intact: an annotated tag on a version commit of the branch whose
    /// card names this package.
    public var intact: Bool
    /// What is wrong when it is not intact.
    public var problem: String?
}

extension CardStore {
    /// `cardigan packages`: every model package group and version the link tags record, with
    /// the linked card and the version the link was made at, the card's latest version and its
    /// own status, the card's latest Approved version, and whether the link is intact; and, as
    /// broken, every link the branch records whose tag is missing.
    public func packages() throws -> [PackageLink] {
        let head = try repository.resolve(protectedBranch)
        let cardTimelines = try head.map { try self.timelines(head: $0) } ?? [:]
        func described(_ link: PackageLink) -> PackageLink {
            guard let card = link.card, let versions = cardTimelines[card] else { return link }
            var link = link
            link.latestVersion = versions.last?.version
            link.latestStatus = versions.last?.status.rawValue
            link.approvedVersion = VersionTimeline.latestApproved(in: versions)?.version
            return link
        }
        var links: [PackageLink] = []
        for reference in try repository.references(matching: "refs/tags/model-packages/*") {
            guard let package = ModelPackage.parse(reference: reference.name) else { continue }
            var link = PackageLink(group: package.group, version: package.version, intact: false)
            let tag = try repository.tag(reference.target)
            let recorded = tag.map { LinkTag(package: package, message: $0.message) }
            link.card = recorded?.card
            link.cardVersion = recorded?.cardVersion
            link.arn = recorded?.arn
            let commit = try self.commit(taggedBy: tag, reference: reference.target)
            link.commit = commit?.hex
            link.problem = try linkTagProblem(
                package: package, isAnnotated: tag != nil, card: link.card, cardVersion: link.cardVersion,
                commit: commit,
                head: head)
            link.intact = link.problem == nil
            links.append(described(link))
        }
        // A link the branch records whose tag is gone is listed too, as broken: the registry
        // must not quietly forget a package version.
        let tagged = Set(links.map { "\($0.group)/\($0.version)" })
        if let head {
            for (package, record) in try recordedLinks(head: head) where !tagged.contains(package) {
                guard let parsed = try? ModelPackage(parsing: package) else { continue }
                links.append(
                    described(
                        PackageLink(
                            group: parsed.group, version: parsed.version, card: record.record.card,
                            cardVersion: record.record.version, commit: record.commit.hex, intact: false,
                            problem:
                                "tag '\(parsed.tagName)' is missing; 'cardigan verify --repair' re-creates it from the commit"
                        )))
            }
        }
        return links.sorted { ($0.group, $0.version) < ($1.group, $1.version) }
    }

    /// Every model package the branch's trailers link, with the first record that names it
    /// (the linking version). Reads only commits whose message names a package; a trailer the
    /// card in the commit's tree does not agree with links nothing.
    func recordedLinks(head: ObjectID) throws -> [String: (record: CardRecord, commit: ObjectID)] {
        var links: [String: (record: CardRecord, commit: ObjectID)] = [:]
        for id in try repository.commitsOldestFirst(from: head) {
            let commit = try repository.commit(id)
            guard RecordLookup.bytes(of: commit.message, contain: "Model-Package:") else { continue }
            for record in try lookup.records(in: commit) where record.change == .version {
                guard let package = record.modelPackage, links[package] == nil else { continue }
                let named = try repository.blob(at: path(of: record.card), inCommit: id)
                    .flatMap { SafeYAMLLoader.load(Data($0), path: path(of: record.card)).root }
                    .flatMap(CardSnapshot.modelPackage(of:))
                guard named == package else { continue }
                links[package] = (record, id)
            }
        }
        return links
    }

    /// Every card's version timelines on the history of `head`, read in one walk.
    func timelines(head: ObjectID) throws -> [String: [VersionTimeline]] {
        var entries: [String: [AuditEntry]] = [:]
        for id in try repository.commitsOldestFirst(from: head) {
            let commit = try repository.commit(id)
            for record in try lookup.records(in: commit) {
                entries[record.card, default: []].append(
                    AuditEntry(
                        record: record, commit: id.hex, author: commit.author.name, email: commit.author.email,
                        time: commit.author.time, summary: commit.summary))
            }
        }
        return entries.mapValues(VersionTimeline.timelines(from:))
    }
}
