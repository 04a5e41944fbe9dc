import Foundation

/// What `cardigan list` shows of one card blob besides its name and version.
struct ListedFields: Sendable, Hashable {
    /// The `status` field, when it is a status.
    var status: CardStatus?
    /// `intended_uses.risk_rating`.
    var riskRating: String?
    /// `<group>/<version>` from `model_package_details`.
    var modelPackage: String?

    /// The fields a snapshot holds.
    init(_ snapshot: CardSnapshot) {
        self.init(status: snapshot.status, riskRating: snapshot.riskRating, modelPackage: snapshot.modelPackage)
    }

    /// The fields as given.
    init(status: CardStatus? = nil, riskRating: String? = nil, modelPackage: String? = nil) {
        self.status = status
        self.riskRating = riskRating
        self.modelPackage = modelPackage
    }

    /// The fields of a card file's bytes: parsed whole by ``SafeYAMLLoader``, as
    /// ``CardSnapshot/read(_:validator:path:)`` parses it, but neither validated nor digested,
    /// which `list` shows nothing of. A file that is not safe YAML, or too large, has none.
    /// With `sections`, a section seen in another card is not parsed again.
    static func read(_ bytes: [UInt8], path: String, sections: SectionMemo? = nil) -> ListedFields {
        guard bytes.count <= SafeYAMLLoader.maximumBytes,
            let root = sections?.root(of: bytes) ?? SafeYAMLLoader.load(bytes: bytes, path: path).root
        else { return ListedFields() }
        return ListedFields(
            status: root["status"]?.stringValue.flatMap(CardStatus.init(rawValue:)),
            riskRating: root["intended_uses"]?["risk_rating"]?.stringValue,
            modelPackage: CardSnapshot.modelPackage(of: root))
    }
}
