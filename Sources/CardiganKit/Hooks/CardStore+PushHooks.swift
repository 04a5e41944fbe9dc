import Foundation

/// The push side of the hooks: `pre-push` on the client and `pre-receive` on the server check
/// every reference a push moves (the commit side, `pre-commit` … `post-commit`, is in
/// `CardStore+Hooks.swift`).
extension CardStore {
    /// `pre-push` (client) and `pre-receive` (server): checks each `<old> <new> <ref>` update.
    /// Refused: deleting or moving a tag under `cards/` or `model-packages/`; deleting the
    /// protected branch or moving it to a commit that does not descend from the old head; new
    /// commits on the protected branch that break the history and tag rules, their versions' tags included
    /// (already there, or in this push); a new tag under those prefixes that is not exactly what
    /// cardigan makes (``newTagProblem(_:in:)``).
    ///
    /// With `everyBranch` (pre-push), other branches are checked too, from their old head or,
    /// for a new branch, from the newest commit a remote-tracking branch has: what a pull
    /// request's `check` would refuse is refused before it leaves the machine.
    public func checkRefUpdates(_ updates: [(old: String, new: String, reference: String)], everyBranch: Bool = false)
        throws -> [Finding]
    {
        var findings: [Finding] = []
        // Tags created by this same push: the new versions' tags travel with the branch.
        var pushedTags: [String: ObjectID] = [:]
        for update in updates where update.reference.hasPrefix("refs/tags/") && update.old == zeroObjectID {
            if let id = ObjectID(hex: update.new) { pushedTags[update.reference] = id }
        }
        for update in updates {
            let isProtectedTag =
                update.reference.hasPrefix("refs/tags/cards/")
                || update.reference.hasPrefix("refs/tags/model-packages/")
            if isProtectedTag {
                if update.new == zeroObjectID {
                    findings.append(
                        refusal(
                            "deleting tag '\(tagName(update.reference))' is refused; tags under cards/ and model-packages/ are never deleted",
                            of: update))
                } else if update.old != zeroObjectID, update.old != update.new {
                    findings.append(
                        refusal(
                            "moving tag '\(tagName(update.reference))' is refused; tags under cards/ and model-packages/ never move",
                            of: update))
                } else if update.old == zeroObjectID, let problem = try newTagProblem(update, in: updates) {
                    // Once on the server a tag can never be deleted, so a wrong one must not get there.
                    findings.append(
                        refusal(
                            "tag '\(tagName(update.reference))' \(problem)", of: update,
                            hint:
                                "push only the tags cardigan made ('git push --follow-tags'); never write them by hand")
                    )
                }
                continue
            }
            if update.reference != protectedBranch {
                guard everyBranch, update.reference.hasPrefix("refs/heads/"), update.new != zeroObjectID,
                    let new = ObjectID(hex: update.new)
                else { continue }
                var base: ObjectID?
                if update.old != zeroObjectID, let old = ObjectID(hex: update.old),
                    (try? repository.commit(old)) != nil,
                    try repository.isDescendant(new, of: old)
                {
                    base = old
                } else {
                    base = try newestKnownAncestor(of: new)
                }
                findings += try pushChecked(
                    check(base: base?.hex, head: new.hex, checkTags: false).findings.filter {
                        $0.ruleID != .checkRewrite
                    }, of: update)
                continue
            }
            if update.new == zeroObjectID {
                findings.append(refusal("deleting the protected branch '\(update.reference)' is refused", of: update))
                continue
            }
            guard let new = ObjectID(hex: update.new) else { continue }
            if update.old != zeroObjectID, let old = ObjectID(hex: update.old) {
                // pre-push when the remote is ahead: its head is not here, so nothing can be
                // compared; git itself refuses the push unless forced, and the server hook checks.
                guard (try? repository.commit(old)) != nil else { continue }
                guard try repository.isDescendant(new, of: old) else {
                    findings.append(
                        refusal(
                            "'\(update.reference)' would move from \(old.short) to \(new.short), which does not descend from it (a force push rewrites history)",
                            of: update, hint: "never amend, rebase or reset versioned commits; pull and merge instead"))
                    continue
                }
                if let problem = try protectedSettingsProblem(from: old, to: new) { findings.append(problem) }
                findings += try pushChecked(
                    check(base: old.hex, head: new.hex, pushedTags: pushedTags).findings, of: update)
            } else {
                findings += try pushChecked(
                    check(base: nil, head: new.hex, pushedTags: pushedTags).findings, of: update)
            }
        }
        return findings.sorted()
    }

    /// `findings` of a push's `check` of `update`, with the fix a person pushing needs for a
    /// missing tag, and the pushed reference as the place of a finding about no file (a commit's
    /// malformed record), as every other refusal of the push is placed.
    private func pushChecked(_ findings: [Finding], of update: (old: String, new: String, reference: String))
        -> [Finding]
    {
        findings.map { finding in
            var pushed = finding
            if pushed.location?.path.isEmpty ?? true { pushed.location = Location(path: update.reference) }
            if finding.ruleID == .versionTagMissing || finding.ruleID == .linkTagMissing {
                pushed.hint = "push the branch with its tags: 'git push --follow-tags'"
            }
            return pushed
        }
    }

    /// For a branch the remote does not have yet: the newest commit of `commit`'s history that
    /// a remote-tracking branch already has (what the remote has seen and checked); nil when
    /// none, and then the whole history is checked.
    private func newestKnownAncestor(of commit: ObjectID) throws -> ObjectID? {
        var best: ObjectID?
        for remote in try repository.references(matching: "refs/remotes/*") {
            guard let base = try repository.mergeBase(commit, remote.target) else { continue }
            if let current = best, !(try repository.isDescendant(base, of: current)) { continue }
            best = base
        }
        return best
    }

    /// What is wrong with a tag pushed for the first time under `cards/` or `model-packages/`,
    /// nil when it is what cardigan would have made: an annotated tag on a commit whose
    /// trailers record that version (with the tag's digest) or that link, and, for a version
    /// tag, a `Previous:` naming the tag of the version before (on the server or in this push).
    func newTagProblem(
        _ update: (old: String, new: String, reference: String),
        in updates: [(
            old: String, new: String, reference: String
        )]
    ) throws -> String? {
        guard let id = ObjectID(hex: update.new) else { return "is not an object id" }
        guard let tag = try repository.tag(id) else {
            return "is a lightweight tag; cardigan's tags are annotated"
        }
        guard tag.targetIsCommit else { return "does not point at a commit" }
        let commit = try repository.commit(tag.target)
        let fields = VersionTag.fields(inMessage: tag.message)
        func field(_ key: String) -> String? { fields.first { $0.key == key }?.value }
        if let version = VersionTag.parse(reference: update.reference) {
            guard field("Card") == version.card, field("Card-Version") == String(version.version) else {
                return "does not name card '\(version.card)' version \(version.version) in its message"
            }
            guard
                let record = try lookup.records(in: commit, of: version.card).last(where: {
                    $0.version == version.version && $0.change == .version
                })
            else {
                return
                    "points at commit \(tag.target.short), which records no version \(version.version) of '\(version.card)'"
            }
            guard field("Card-Digest") == record.digest else {
                return "has digest \(field("Card-Digest") ?? "none"), but the commit records \(record.digest)"
            }
            guard version.version > 1 else {
                return field("Previous") == nil ? nil : "is version 1 but names a previous tag"
            }
            let previousReference = VersionTag.reference(card: version.card, version: version.version - 1)
            let previous =
                try updates.first(where: { $0.reference == previousReference })?.new
                ?? repository.resolve(previousReference)?.hex
            guard let previous, field("Previous") == previous else {
                return
                    "names previous tag \(field("Previous")?.prefix(12) ?? "none"), but '\(tagName(previousReference))' is \(previous?.prefix(12) ?? "missing")"
            }
            return nil
        }
        if let package = ModelPackage.parse(reference: update.reference) {
            let link = LinkTag(package: package, message: tag.message)
            guard let card = link.card, let version = link.cardVersion,
                try lookup.records(in: commit, of: card).contains(where: {
                    $0.version == version && $0.modelPackage == package.description
                })
            else {
                return "points at commit \(tag.target.short), whose records do not link model package '\(package)'"
            }
            // The trailers alone could be forged: the card in the commit's tree must name it too.
            let named = try repository.blob(at: path(of: card), inCommit: tag.target)
                .flatMap { SafeYAMLLoader.load(Data($0), path: path(of: card)).root }
                .flatMap(CardSnapshot.modelPackage(of:))
            guard named == package.description else {
                return
                    "points at commit \(tag.target.short), where card '\(card)' names \(named.map { "model package '\($0)'" } ?? "no model package") in model_package_details, not '\(package)'"
            }
            return nil
        }
        return "is not a version tag (cards/<name>/v<N>) or a link tag (model-packages/<group>/<version>)"
    }

    /// Reads hook input: `pre-receive` lines are `<old> <new> <ref>`, `pre-push` lines are
    /// `<local ref> <local id> <remote ref> <remote id>` (turned into the same shape).
    public static func parseRefUpdates(_ input: String, prePush: Bool) -> [(
        old: String, new: String, reference: String
    )] {
        input.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").map(String.init)
            if prePush {
                guard fields.count == 4 else { return nil }
                return (fields[3], fields[1], fields[2])
            }
            guard fields.count == 3 else { return nil }
            return (fields[0], fields[1], fields[2])
        }
    }

    private func tagName(_ reference: String) -> String { reference.replacingOccurrences(of: "refs/tags/", with: "") }

    /// The refusal of `update`, placed at the pushed reference's name (`refs/tags/cards/x/v2`):
    /// what the person pushing acts on, where a file of the server's would mean nothing to them.
    private func refusal(
        _ message: String, of update: (old: String, new: String, reference: String), hint: String? = nil
    ) -> Finding {
        Finding(ruleID: .pushRefused, message: message, location: Location(path: update.reference), hint: hint)
    }
}
