import Foundation

extension CardStore {
    /// `cardigan registry status`: the registry and the cards side by side, as findings.
    ///
    /// - `registry-undocumented-version` (warning): a version in a linked group that no card documents;
    /// - `registry-missing-package` (error): a link to a version the registry does not have;
    /// - `registry-approval-drift` (warning): the card's `model_approval_status` differs from the registry's;
    /// - `registry-approved-undocumented` (error): a version approved for deployment whose card has
    ///   no Approved version (or that no card documents).
    ///
    /// The registry is read one group listing at a time, page by page (never one request per
    /// package version), so the number of requests grows with pages, not with versions.
    public func registryStatus(_ registry: any ModelRegistry) throws -> FindingReport {
        let links = try packages().filter { $0.card != nil }
        var findings: [Finding] = []
        var cardPaths: Set<String> = []
        var approvedCards: [String: Bool] = [:]
        var cardApprovals: [String: (status: String?, position: SourcePosition)] = [:]
        for card in Set(links.compactMap(\.card)).sorted() {
            cardPaths.insert(path(of: card))
            approvedCards[card] = try auditTrail(of: card).contains { $0.record.status == .approved }
            let root = try show(card, version: nil).root
            let node = root["model_package_details"]?["model_approval_status"]
            cardApprovals[card] = (
                node?.stringValue, node?.position ?? root["model_package_details"]?.position ?? .start
            )
        }
        for group in Set(links.map(\.group)).sorted() {
            let inGroup = links.filter { $0.group == group }
            let versions = try registry.packageVersions(inGroup: group)
            let byVersion = Dictionary(
                versions.map { ($0.package.version, $0) }, uniquingKeysWith: { first, _ in first })
            let newestCard = inGroup.max { $0.version < $1.version }?.card ?? ""
            for link in inGroup {
                guard let card = link.card else { continue }
                let package = "\(group)/\(link.version)"
                let location = Location(path: path(of: card), pointer: "/model_package_details")
                guard let summary = byVersion[link.version] else {
                    findings.append(
                        Finding(
                            ruleID: .registryMissingPackage,
                            message:
                                "card '\(card)' documents model package '\(package)', which \(registry.displayName) does not have",
                            location: location,
                            hint: "check the registry: the version was deleted, or the card links the wrong group"))
                    continue
                }
                let inCard = cardApprovals[card]
                if let registryStatus = summary.approvalStatus, let cardStatus = inCard?.status,
                    cardStatus != registryStatus
                {
                    findings.append(
                        Finding(
                            ruleID: .registryApprovalDrift, severity: .warning,
                            message:
                                "card '\(card)' says model package '\(package)' is \(cardStatus); \(registry.displayName) says \(registryStatus)",
                            location: Location(
                                path: path(of: card), position: inCard?.position ?? .start,
                                pointer: "/model_package_details/model_approval_status"),
                            hint: "refresh the card from the registry: 'cardigan registry pull \(card)'"))
                }
                if summary.isApprovedForDeployment, approvedCards[card] != true {
                    findings.append(
                        Finding(
                            ruleID: .registryApprovedUndocumented,
                            message:
                                "model package '\(package)' is approved for deployment in \(registry.displayName), but its card '\(card)' has no Approved version",
                            location: Location(path: path(of: card), pointer: "/status"),
                            hint:
                                "review the card and approve it ('cardigan status \(card) PendingReview', then Approved), or revoke the package's approval"
                        ))
                }
            }
            let linked = Set(inGroup.map(\.version))
            for summary in versions where !linked.contains(summary.package.version) {
                let location = Location(path: path(of: newestCard), pointer: "/model_package_details")
                findings.append(
                    Finding(
                        ruleID: .registryUndocumentedVersion, severity: .warning,
                        message: "model package '\(summary.package)' in \(registry.displayName) has no card",
                        location: location,
                        hint:
                            "'cardigan registry scan --clone' makes its card from '\(newestCard)', or 'cardigan clone \(newestCard) <new-name> --model-package \(summary.package)'"
                    ))
                if summary.isApprovedForDeployment {
                    findings.append(
                        Finding(
                            ruleID: .registryApprovedUndocumented,
                            message:
                                "model package '\(summary.package)' is approved for deployment in \(registry.displayName), but no card documents it",
                            location: location, hint: "'cardigan registry scan --clone' makes its card"))
                }
            }
        }
        let groups = Set(links.map(\.group)).count
        return FindingReport(
            findings: findings, checkedPaths: cardPaths.sorted(),
            subject:
                "\(cardPaths.count) linked card\(cardPaths.count == 1 ? "" : "s") and \(groups) package group\(groups == 1 ? "" : "s") of \(registry.displayName)"
        )
    }
}
