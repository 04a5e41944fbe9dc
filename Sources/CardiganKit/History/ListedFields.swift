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

    /// The keys list shows, for ``PartialYAMLReader``: what ``init(root:)`` looks up.
    static let paths = PartialYAMLReader.Paths([
        ["status"], ["intended_uses", "risk_rating"],
        ["model_package_details", "model_package_group_name"], ["model_package_details", "model_package_version"],
    ])

    /// The fields found in a card's tree (whole, or pruned to ``paths``).
    init(root: ValueNode) {
        self.init(
            status: root["status"]?.stringValue.flatMap(CardStatus.init(rawValue:)),
            riskRating: root["intended_uses"]?["risk_rating"]?.stringValue,
            modelPackage: CardSnapshot.modelPackage(of: root))
    }

    /// The fields of a card file's bytes, as ``SafeYAMLLoader`` reads the file (as
    /// ``CardSnapshot/read(_:validator:path:)`` does), but neither validated nor digested, which
    /// `list` shows nothing of. A file that is not safe YAML, or too large, has none.
    ///
    /// Read by ``PartialYAMLReader``, which builds nodes for these fields only: with `sections`,
    /// section by section, each distinct section once (the generated benchmark cards share most of
    /// theirs). A file it leaves to the loader is parsed whole (with `sections`, a section seen
    /// in another card is not parsed again).
    static func read(_ bytes: [UInt8], path: String, sections: SectionMemo? = nil) -> ListedFields {
        guard bytes.count <= SafeYAMLLoader.maximumBytes else { return ListedFields() }
        if let pruned = sections?.prunedRoot(of: bytes, keeping: paths) ?? PartialYAMLReader.read(bytes, keeping: paths)
        {
            return ListedFields(root: pruned)
        }
        return readWhole(bytes, path: path, sections: sections)
    }

    /// The fields of a card file's bytes as the whole tree gives them, never through
    /// ``PartialYAMLReader``: what its answers are checked against.
    static func readWhole(_ bytes: [UInt8], path: String, sections: SectionMemo? = nil) -> ListedFields {
        guard bytes.count <= SafeYAMLLoader.maximumBytes,
            let root = sections?.root(of: bytes) ?? SafeYAMLLoader.load(bytes: bytes, path: path).root
        else { return ListedFields() }
        return ListedFields(root: root)
    }
}
