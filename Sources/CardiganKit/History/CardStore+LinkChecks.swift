import Foundation

extension CardStore {
    /// Why `package` cannot be linked now: already linked, or a group differing from a known
    /// one only in letter case (their tags would collide on a case-insensitive file system).
    /// `linkedGroups`: the groups already listed in this commit attempt, if any.
    func linkProblem(for package: ModelPackage, linkedGroups: LinkedGroups? = nil) throws -> String? {
        if let existing = try repository.resolve(package.reference) {
            let tag = try repository.tag(existing).map { LinkTag(package: package, message: $0.message) }
            let owner = tag?.card ?? "another card"
            let version = tag?.cardVersion.map(String.init) ?? "?"
            return
                "model package '\(package)' is already linked to card '\(owner)' version \(version); a model package version links to one card version, forever"
        }
        let groups = try (linkedGroups ?? LinkedGroups(repository: repository)).all()
        if let clash = groups.first(where: { $0 != package.group && $0.lowercased() == package.group.lowercased() }) {
            return
                "model package group '\(package.group)' differs from the existing group '\(clash)' only in letter case"
        }
        return nil
    }

    /// What is wrong with a link tag, nil when nothing is.
    func linkTagProblem(
        package: ModelPackage, isAnnotated: Bool, card: String?, cardVersion: Int?, commit: ObjectID?, head: ObjectID?
    ) throws -> String? {
        guard isAnnotated else { return "'\(package.tagName)' is not an annotated tag" }
        guard let card, let cardVersion else { return "'\(package.tagName)' does not name a card and version" }
        guard let commit else { return "'\(package.tagName)' points at no commit" }
        guard let head, try repository.isDescendant(head, of: commit) else {
            return "'\(package.tagName)' points at commit \(commit.short), which the protected branch does not contain"
        }
        let records = try lookup.records(in: repository.commit(commit))
        guard let record = records.first(where: { $0.card == card }), record.version == cardVersion,
            record.change == .version
        else {
            return
                "'\(package.tagName)' points at commit \(commit.short), which is not version \(cardVersion) of '\(card)'"
        }
        guard let bytes = try repository.blob(at: self.path(of: card), inCommit: commit),
            let root = SafeYAMLLoader.load(Data(bytes), path: self.path(of: card)).root,
            CardSnapshot.modelPackage(of: root) == package.description
        else {
            return
                "the card '\(card)' at \(commit.short) does not name model package '\(package)' in model_package_details"
        }
        return nil
    }
}
