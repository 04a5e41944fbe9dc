import Foundation

/// A version or link tag whose annotated tag object is written and whose reference
/// (`refs/tags/<name>`) is not made yet: a commit writes its tag objects with its other objects,
/// before the branch moves, and makes the references after it.
struct PreparedTag {
    /// The tag's name, `cards/x/v3` or `model-packages/churn/3`.
    let name: String
    /// The annotated tag object.
    let object: ObjectID
}

extension CardStore {
    /// Creates the annotated version tag of `record` on `commit`, chained with `Previous:` to
    /// the tag of the version before. Used by `commit`, the `post-commit` hook and
    /// `verify --repair`, so every path writes the same tag.
    @discardableResult
    func createVersionTag(_ record: CardRecord, on commit: ObjectID, tagger: Signature) throws -> String {
        let tag = try prepareVersionTag(record, on: commit, tagger: tagger)
        try publish(tag)
        return tag.name
    }

    /// Writes the tag object of `record`'s version tag (see ``createVersionTag(_:on:tagger:)``)
    /// without its reference; the tag of the version before must exist.
    func prepareVersionTag(_ record: CardRecord, on commit: ObjectID, tagger: Signature) throws -> PreparedTag {
        let name = VersionTag.name(card: record.card, version: record.version)
        let previous =
            record.version > 1
            ? try repository.resolve(VersionTag.reference(card: record.card, version: record.version - 1)) : nil
        let object = try repository.writeTagObject(
            name: name, target: commit, message: VersionTag.message(for: record, previous: previous?.hex),
            tagger: tagger)
        return PreparedTag(name: name, object: object)
    }

    /// Creates the link tag `model-packages/<group>/<version>` on `commit`, the linking version
    /// of `card`.
    @discardableResult
    func createLinkTag(
        _ package: ModelPackage, card: String, version: Int, arn: String?, on commit: ObjectID, tagger: Signature
    ) throws -> String {
        let tag = try prepareLinkTag(package, card: card, version: version, arn: arn, on: commit, tagger: tagger)
        try publish(tag)
        return tag.name
    }

    /// Writes the tag object of a link tag (see ``createLinkTag(_:card:version:arn:on:tagger:)``)
    /// without its reference.
    func prepareLinkTag(
        _ package: ModelPackage, card: String, version: Int, arn: String?, on commit: ObjectID, tagger: Signature
    ) throws -> PreparedTag {
        let message = LinkTag(package: package, card: card, cardVersion: version, arn: arn).message
        let object = try repository.writeTagObject(
            name: package.tagName, target: commit, message: message, tagger: tagger)
        return PreparedTag(name: package.tagName, object: object)
    }

    /// Makes the reference of `tag`; refuses when a tag of that name exists.
    func publish(_ tag: PreparedTag) throws {
        try repository.createTagReference(tag.name, to: tag.object)
    }

    /// The `model_package_arn` card `card` names in `commit`, for a link tag's message.
    func linkedARN(of card: String, in commit: ObjectID) throws -> String? {
        let root = try repository.blob(at: path(of: card), inCommit: commit)
            .flatMap { SafeYAMLLoader.load(Data($0), path: path(of: card)).root }
        return root?["model_package_details"]?["model_package_arn"]?.stringValue
    }
}
