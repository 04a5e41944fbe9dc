import Foundation

extension CommitPlanner {
    /// What the link check of one card decided: a link tag to make, or a refusal.
    enum LinkCheck {
        /// The record links this package version; the commit makes its tag.
        case accepted(PlannedLink)
        /// The link is refused.
        case refused(Finding)
    }

    /// Checks the link a record carries, when it is new: a valid package name, not linked
    /// before nor by another card of this commit (`claimed`), not differing only in case from a
    /// known group, and on a versioned card only through `link`. Nil when the record carries
    /// no new link.
    func checkLink(of name: String, record: CardRecord, previous: CardRecord?, claimed: [String: PlannedLink])
        throws -> LinkCheck?
    {
        let path = store.path(of: name)
        guard let packageText = record.modelPackage, packageText != previous?.modelPackage else {
            if previous?.modelPackage != nil, record.modelPackage == nil {
                return .refused(
                    Self.linkFinding(
                        at: path,
                        "model_package_details of '\(name)' was removed; a card documents its model version for good"))
            }
            return nil
        }
        if let old = previous?.modelPackage {
            return .refused(
                Self.linkFinding(
                    at: path, "card '\(name)' already documents model package '\(old)'",
                    hint:
                        "clone it for '\(packageText)': 'cardigan clone \(name) <new-name> --model-package \(packageText)'"
                ))
        }
        if previous != nil, linking?.card != name {
            return .refused(
                Self.linkFinding(
                    at: path, "model_package_details of '\(name)' is written by 'cardigan link', not by hand",
                    hint: "restore the section and run 'cardigan link \(name) --model-package \(packageText)'"))
        }
        do {
            let package = try ModelPackage(parsing: packageText)
            if let problem = try store.linkProblem(for: package, linkedGroups: linkedGroups) {
                return .refused(Self.linkFinding(at: path, problem))
            }
            if let other = claimed.first(where: { $0.value.package == package })?.key {
                return .refused(
                    Self.linkFinding(
                        at: path,
                        "model package '\(package)' is also claimed by card '\(other)' in this commit; it links to one card"
                    ))
            }
            return .accepted(PlannedLink(package: package, arn: linking?.card == name ? linking?.arn : nil))
        } catch let error as CardiganError {
            return .refused(Self.linkFinding(at: path, error.message, hint: error.hint))
        } catch {
            return .refused(Self.linkFinding(at: path, "\(error)"))
        }
    }

    /// A finding of the link rules at the card's `model_package_details` (its package version
    /// when it names one; the plan places it on that line).
    static func linkFinding(at path: String, _ message: String, hint: String? = nil) -> Finding {
        Finding(
            ruleID: .link, message: message,
            location: Location(path: path, pointer: "/model_package_details/model_package_version"),
            hint: hint)
    }

    /// Refuses a hand change of `model_package_details` on a versioned card, and marks a change
    /// that `link`, `clone` or a registry command makes (`source`) with the trailer that says so:
    /// the record to commit, and the refusal if there is one. `committed` is the committed
    /// card's tree: nil when the branch has no such card, nil inside when it cannot be read.
    func checkPackageDetails(
        of name: String, root: ValueNode, committed: ValueNode??, record: CardRecord, source: String?
    ) -> (record: CardRecord, finding: Finding?) {
        let path = store.path(of: name)
        let old = committed??["model_package_details"]
        let new = root["model_package_details"]
        guard PackageDetailsRule.changed(old, new), record.change == .version else { return (record, nil) }
        if let source {
            var marked = record
            marked.packageDetailsSource = source
            return (marked, nil)
        }
        // A card's first version may carry the section (a clone committed later, an import
        // with --keep-link): its link is checked as every link is.
        guard committed != nil else { return (record, nil) }
        // A change of the package itself is refused by the link rules, with their own message.
        let oldPackage = old.map {
            ValueNode(.object([.init(key: "model_package_details", keyPosition: .start, value: $0)]))
        }
        .flatMap(CardSnapshot.modelPackage(of:))
        if oldPackage != CardSnapshot.modelPackage(of: root) { return (record, nil) }
        return (record, PackageDetailsRule.handEdit(name, old: old, new: new, path: path))
    }
}
