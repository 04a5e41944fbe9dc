/// What a reference under `refs/tags/model-packages/` holds.
struct LinkTagFacts: Sendable {
    var package: ModelPackage
    var objectID: String
    var isAnnotated: Bool
    var targetCommit: String?
    var card: String?
    var cardVersion: Int?
    /// The ARN the tag's message records.
    var arn: String?
}

/// The link tag rules (`link-duplicate`, `link-tag-*`): each link made on the branch has its annotated tag on the linking
/// version's commit; no package version is linked twice; every link tag belongs to a link.
struct LinkRules {
    let cardsDirectory: String
    private(set) var findings: [Finding] = []
    /// Where a finding about a link tag that names no card is placed, given the tag's reference.
    var referenceLocation: (String) -> Location? = { _ in nil }

    init(cardsDirectory: String) {
        self.cardsDirectory = cardsDirectory
    }

    /// Checks `tags` against `links`; returns the links whose tag is missing (for `--repair`).
    /// `problem` explains a tag that belongs to no link; `linkedARN`, when given, is the ARN the
    /// card names in a link's commit, which its tag must record. A tag named in `damaged` (its
    /// reference file is broken, reported as ``RuleID/tagReferenceDamaged``) is not reported missing too.
    mutating func check(
        links: [LinkEvent], tags: [LinkTagFacts], damaged: Set<String> = [], problem: (LinkTagFacts) -> String?,
        linkedARN: ((LinkEvent) -> String?)? = nil
    ) -> [LinkEvent] {
        var missing: [LinkEvent] = []
        let tagsByPackage = Dictionary(
            tags.map { ($0.package.description, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: LinkEvent] = [:]
        for link in links {
            let name = "model-packages/\(link.package)"
            if let earlier = seen[link.package] {
                report(
                    .linkDuplicate,
                    "model package '\(link.package)' is linked twice: by '\(earlier.card)' v\(earlier.version) and '\(link.card)' v\(link.version)",
                    card: link.card, commit: link.commit, hint: "a model package version links to one card version")
                continue
            }
            seen[link.package] = link
            guard let tag = tagsByPackage[link.package] else {
                if damaged.contains(name) { continue }
                missing.append(link)
                report(
                    .linkTagMissing, "link tag '\(name)' of '\(link.card)' v\(link.version) is missing",
                    card: link.card,
                    commit: link.commit, hint: "'cardigan verify --repair' re-creates it from the commit's trailers")
                continue
            }
            if !tag.isAnnotated {
                report(
                    .linkTagLightweight, "link tag '\(name)' is not an annotated tag", card: link.card,
                    commit: link.commit,
                    hint: "a lightweight tag carries no message or tagger; it was not made by cardigan")
            } else if tag.targetCommit != link.commit {
                report(
                    .linkTagMoved,
                    "link tag '\(name)' points at \(tag.targetCommit.map { "commit \($0.prefix(12))" } ?? "nothing"), not at the commit that linked '\(link.card)'",
                    card: link.card, commit: link.commit,
                    hint: "link tags never move; it was moved by hand or the history rewritten")
            } else if tag.card != link.card || tag.cardVersion != link.version {
                report(
                    .linkTagMismatch,
                    "link tag '\(name)' names '\(tag.card ?? "no card")' v\(tag.cardVersion ?? 0), not '\(link.card)' v\(link.version)",
                    card: link.card, commit: link.commit)
            } else if let linkedARN, let arn = tag.arn, arn != linkedARN(link) {
                // A tag that records no ARN was made by cardigan before tags carried the card's.
                // The link record and the card's model_package_details must say the same.
                report(
                    .linkTagMismatch,
                    "link tag '\(name)' records ARN '\(arn)', but '\(link.card)' v\(link.version) names \(linkedARN(link).map { "'\($0)'" } ?? "none")",
                    card: link.card, commit: link.commit)
            }
        }
        for tag in tags where seen[tag.package.description] == nil {
            let message = problem(tag) ?? "link tag 'model-packages/\(tag.package)' records no link made on the branch"
            findings.append(
                Finding(
                    ruleID: .linkTagInvalid, message: message,
                    location: tag.card.map { Location(path: CardPaths.path(of: $0, in: cardsDirectory)) }
                        ?? referenceLocation("refs/tags/model-packages/\(tag.package)"),
                    hint:
                        "link tags are made by 'cardigan link' and 'cardigan clone'; this one was made by hand or left by a rewrite",
                    commit: tag.targetCommit))
        }
        return missing
    }

    /// Records a finding at the card's `model_package_details` in the linking commit.
    private mutating func report(_ rule: RuleID, _ message: String, card: String, commit: String, hint: String? = nil) {
        findings.append(
            Finding(
                ruleID: rule, message: message,
                location: Location(
                    path: CardPaths.path(of: card, in: cardsDirectory), pointer: "/model_package_details"),
                hint: hint, commit: commit))
    }
}
