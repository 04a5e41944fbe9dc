import Foundation

extension CardStore {
    /// Creates the annotated version tag of `record` on `commit`, chained with `Previous:` to
    /// the tag of the version before. Used by `commit`, the `post-commit` hook and
    /// `verify --repair`, so every path writes the same tag.
    @discardableResult
    func createVersionTag(_ record: CardRecord, on commit: ObjectID, tagger: Signature) throws -> String {
        let name = VersionTag.name(card: record.card, version: record.version)
        let previous =
            record.version > 1
            ? try repository.resolve(VersionTag.reference(card: record.card, version: record.version - 1))
            : nil
        _ = try repository.createAnnotatedTag(
            name: name, target: commit, message: VersionTag.message(for: record, previous: previous?.hex),
            tagger: tagger)
        return name
    }

    /// Creates the link tag `model-packages/<group>/<version>` on `commit`, the linking version
    /// of `card`.
    @discardableResult
    func createLinkTag(
        _ package: ModelPackage, card: String, version: Int, arn: String?, on commit: ObjectID, tagger: Signature
    ) throws -> String {
        let message = LinkTag(package: package, card: card, cardVersion: version, arn: arn).message
        _ = try repository.createAnnotatedTag(name: package.tagName, target: commit, message: message, tagger: tagger)
        return package.tagName
    }

    /// The `model_package_arn` card `card` names in `commit`, for a link tag's message.
    func linkedARN(of card: String, in commit: ObjectID) throws -> String? {
        let root = try repository.blob(at: path(of: card), inCommit: commit)
            .flatMap { SafeYAMLLoader.load(Data($0), path: path(of: card)).root }
        return root?["model_package_details"]?["model_package_arn"]?.stringValue
    }
}
