import Foundation

/// The annotated tag `model-packages/<group>/<version>` of a link, and its message: the tag's
/// name, then `Card:`, `Card-Version:`, `Model-Package:` and, when the card names one,
/// `Model-Package-Arn:`. The one place that writes that message and reads it back.
public struct LinkTag: Sendable, Hashable {
    /// The model package version the tag links.
    public var package: ModelPackage
    /// The card its message names; nil when it names none (a tag not made by cardigan).
    public var card: String?
    /// The card version its message names.
    public var cardVersion: Int?
    /// The model package's ARN its message records.
    public var arn: String?

    /// A link tag's fields.
    public init(package: ModelPackage, card: String?, cardVersion: Int?, arn: String?) {
        self.package = package
        self.card = card
        self.cardVersion = cardVersion
        self.arn = arn
    }

    /// The link tag of `package` as `message` (a tag's message) records it; a field the
    /// message lacks is nil.
    public init(package: ModelPackage, message: String) {
        let fields = VersionTag.fields(inMessage: message)
        func field(_ key: String) -> String? { fields.first { $0.key == key }?.value }
        self.init(
            package: package, card: field("Card"), cardVersion: field("Card-Version").flatMap { Int($0) },
            arn: field("Model-Package-Arn"))
    }

    /// The tag's message, as `link`, `clone`, the hooks and `verify --repair` write it.
    public var message: String {
        var message = package.tagName + "\n\n"
        if let card { message += "Card: \(card)\n" }
        if let cardVersion { message += "Card-Version: \(cardVersion)\n" }
        message += "Model-Package: \(package)\n"
        if let arn { message += "Model-Package-Arn: \(arn)\n" }
        return message
    }
}
