import Foundation

/// What `registry push` sent, or would send with `--dry-run`, and what it refused.
public struct RegistryPushResult: Sendable {
    /// One line per request made (or planned): `create 'churn' v1 (Draft)`.
    public var steps: [String] = []
    /// Drift: content in the registry that git does not have, never overwritten.
    public var findings: [Finding] = []
    /// Cards left out, and why (MLflow: a card without a link has no model version to go on).
    public var notes: [String] = []
    /// Cards not sent because the registry's card has drift (a finding says which), each as
    /// `'churn' v2 (Approved)`: the newest version git has, which the registry lacks.
    public var held: [String] = []
}

extension CardStore {
    /// `cardigan registry push [<card>…] [--dry-run]`: publishes each card's history (every card
    /// with a version when `names` is empty) in order: its first version, each later version's
    /// content and each status change. What the registry already has is skipped: its latest
    /// content digest and status are found among the history's steps and only the steps after
    /// that one are sent, so a second run sends nothing and a run cut off half way resumes.
    /// Content in the registry that no version in git has is drift: reported, never overwritten.
    /// A linked card also becomes its package version's own card (content and status).
    public func registryPush(_ registry: any ModelRegistry, names: [String], dryRun: Bool) throws
        -> RegistryPushResult
    {
        var result = RegistryPushResult()
        let cards = try names.isEmpty ? listCards().filter { $0.version != nil }.map(\.name) : names
        for name in cards {
            if let problem = CardName.problem(with: name) { throw CardiganError(problem) }
            let steps = try publicationSteps(of: name, markdown: registry.publishesMarkdown)
            guard let last = steps.last else { continue }
            let onVersion = registry.cardPlacement == .onPackageVersion
            if onVersion, last.package == nil {
                result.notes.append(
                    "card '\(name)' is not linked to a model version, where \(registry.displayName) keeps cards; link it to publish it"
                )
                continue
            }
            let published = try registry.publishedCard(named: name, steps: steps)
            var pending = steps[...]
            if let published {
                let digests = steps.map { registry.contentDigest(of: $0.root) }
                guard
                    let index = steps.indices.last(where: {
                        digests[$0] == published.contentDigest && steps[$0].status == published.status
                    })
                else {
                    let known = published.contentDigest.map { digests.contains($0) } ?? false
                    result.findings.append(
                        Finding(
                            ruleID: .registryCardDrift,
                            message: known
                                ? "card '\(name)' in \(registry.displayName) is \(published.status?.rawValue ?? "of unknown status"), a status no version in git had with that content; it was not overwritten"
                                : "card '\(name)' in \(registry.displayName) holds content that no version in git has; it was not overwritten",
                            location: Location(path: path(of: name)),
                            hint:
                                "bring the registry's change into the card and commit it, or restore the registry's card; then push again"
                        ))
                    result.held.append("'\(name)' v\(last.version) (\(last.status.rawValue))")
                    continue
                }
                pending = steps[(index + 1)...]
            }
            // A registry that keeps the card on the package version holds one state of it: the newest.
            if onVersion, var newest = pending.last {
                if pending.count > 1 { newest.kind = published == nil ? .create : .content }
                pending = [newest]
            }
            for step in pending {
                result.steps.append("\(step.kind.rawValue) '\(name)' v\(step.version) (\(step.status.rawValue))")
                if !dryRun { try registry.publish(step) }
            }
            if !onVersion { try pushPackageCard(of: name, latest: last, to: registry, dryRun: dryRun, into: &result) }
        }
        return result
    }

    /// The card of the linked package version, set to the card's latest content and status
    /// unless the registry already shows exactly that.
    private func pushPackageCard(
        of name: String, latest: CardPublication, to registry: any ModelRegistry, dryRun: Bool,
        into result: inout RegistryPushResult
    ) throws {
        guard let text = CardSnapshot.modelPackage(of: latest.root), let package = try? ModelPackage(parsing: text),
            let found = try registry.packageVersion(package)
        else { return }
        let shown = try registry.packageCard(of: found)
        if shown?.contentDigest == registry.packageCardDigest(of: latest.root), shown?.status == latest.status {
            return
        }
        result.steps.append("package card '\(package)' from '\(name)' v\(latest.version) (\(latest.status.rawValue))")
        if !dryRun { try registry.setPackageCard(of: found, root: latest.root, status: latest.status) }
    }

    /// The card's history as publication steps, oldest first: each version's content and each
    /// status change (format-only commits publish nothing); with `markdown`, each step carries
    /// the version's markdown export.
    func publicationSteps(of name: String, markdown: Bool) throws -> [CardPublication] {
        var steps: [CardPublication] = []
        var roots: [Int: ValueNode] = [:]
        var markdowns: [Int: String] = [:]
        for entry in try auditTrail(of: name) {
            let record = entry.record
            switch record.change {
            case .format, .approval: continue  // an approval below the threshold changes nothing to publish
            case .version, .status:
                if roots[record.version] == nil { roots[record.version] = try show(name, version: record.version).root }
                guard let root = roots[record.version] else { continue }
                let kind: CardPublication.Kind =
                    record.change == .status ? .status : steps.isEmpty ? .create : .content
                var step = CardPublication(
                    kind: kind, card: name, version: record.version, root: root, status: record.status)
                step.digest = record.digest
                step.commit = entry.commit
                step.package = (record.modelPackage ?? CardSnapshot.modelPackage(of: root)).flatMap {
                    try? ModelPackage(parsing: $0)
                }
                // What `cardigan export --format markdown` prints for the version, timeline included.
                if markdown, markdowns[record.version] == nil {
                    markdowns[record.version] = try? export(name, version: record.version, format: .markdown)
                        .withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
                }
                step.markdown = markdowns[record.version]
                steps.append(step)
            }
        }
        return steps
    }
}
