/// The rules that compare what a commit's trailers record with what its tree holds.
extension HistoryRules {
    /// The hint of every finding about a record that contradicts its commit: who writes records.
    static let recordHint =
        "trailers are written by cardigan (commit, or the hooks of a plain git commit); a hand-written or edited record is a rewrite"

    /// Every trailer of `record` must equal what the commit's tree holds: `Card-Digest` the
    /// card's digest, `Card-Status` its status, `Model-Package` its `model_package_details`.
    /// A record that says anything else is marked contradicted, so no tag is made from it.
    mutating func checkRecord(_ record: CardRecord, matches snapshot: CardSnapshot, commit: CommitFacts) {
        var mismatches: [(message: String, pointer: String)] = []
        if let digest = snapshot.digest(in: record.canonicalForm), record.digest != digest {
            mismatches.append(
                (
                    "the trailers give '\(record.card)' digest \(record.digest.prefix(19))…, but the card has \(digest.prefix(19))…",
                    ""
                ))
        }
        if let status = snapshot.status, record.status != status {
            mismatches.append(
                (
                    "the trailers give '\(record.card)' status \(record.status.rawValue), but the card says \(status.rawValue)",
                    "/status"
                ))
        }
        if snapshot.digest != nil, record.modelPackage != snapshot.modelPackage {
            let trailer = record.modelPackage.map { "'Model-Package: \($0)'" } ?? "no 'Model-Package'"
            let card = snapshot.modelPackage.map { "model package '\($0)'" } ?? "no model package"
            mismatches.append(
                (
                    "the trailers give '\(record.card)' \(trailer), but the card names \(card) in model_package_details",
                    snapshot.modelPackage == nil ? "" : "/model_package_details/model_package_version"
                ))
        }
        if !mismatches.isEmpty { contradicted.insert("\(record.card)@\(commit.id)") }
        for mismatch in mismatches {
            report(
                .recordMismatch, mismatch.message, card: record.card, commit: commit.id, pointer: mismatch.pointer,
                hint: Self.recordHint)
        }
    }

    /// `model_package_details` changes only through `link`, `clone` and the registry commands,
    /// which record that they made it (`Package-Details-Source:`); a card's first link, made
    /// before that trailer existed, is a link and checked as one (`link-changed`, the link tag rules).
    mutating func checkPackageDetails(
        _ name: String, from previous: CardState, to snapshot: CardSnapshot, blob: String, record: CardRecord,
        commit: CommitFacts
    ) {
        guard snapshot.digest != nil, snapshot.packageDetails != previous.packageDetails else { return }
        // A trailer is only a claim: it is believed where the command it names could have made
        // the change. `link` makes a card's first link (it refuses a linked card), `clone` a
        // card's version 1, `registry pull` a new version of a linked card with only the section
        // refreshed (the rest is compared from the blobs afterwards); anything else naming them
        // was written by hand.
        let linksNow = previous.modelPackage == nil && snapshot.modelPackage != nil
        switch record.packageDetailsSource {
        case PackageDetailsRule.link? where linksNow: return
        case PackageDetailsRule.clone? where record.version == 1: return
        case PackageDetailsRule.registry?
        where previous.modelPackage != nil
            && snapshot.modelPackage == previous.modelPackage:
            registryRefreshes.append(
                RegistryRefresh(
                    card: name, version: record.version, commit: commit.id, before: previous.blob, after: blob))
            return
        default: break
        }
        let firstLink = linksNow && previous.packageDetails == nil
        guard !firstLink else { return }
        report(
            .packageDetailsEdited,
            "model_package_details of '\(name)' changed in version \(record.version) "
                + PackageDetailsRule.unbelievedSource(record.packageDetailsSource),
            card: name, commit: commit.id, pointer: snapshot.packageDetails == nil ? "" : "/model_package_details",
            hint:
                "model_package_details is written by 'cardigan link', 'cardigan clone' and the registry commands, not by hand"
        )
    }
}
