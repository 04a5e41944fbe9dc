/// What a card file in one commit holds, as far as the history rules care: read once per blob.
public struct CardSnapshot: Sendable, Hashable {
    /// The card's digest, or nil when the file is not a readable card.
    public var digest: String?
    /// The `status` field, when valid.
    public var status: CardStatus?
    /// The `name` field.
    public var name: String?
    /// `model_overview.model_name`.
    public var modelName: String?
    /// `<group>/<version>` from `model_package_details`, when present.
    public var modelPackage: String?
    /// `intended_uses.risk_rating`, for `list`.
    public var riskRating: String?
    /// The first error the file has (safe YAML or schema), nil when valid.
    public var problem: String?
    /// The digest in the legacy canonical form, when it differs from ``digest`` (a card with a
    /// number such as `1e-05`): what a record made before RFC 8785 digests names.
    public var legacyDigest: String? = nil

    /// The digest in `form`: what a record made in that form must name.
    public func digest(in form: CanonicalForm) -> String? {
        form == .legacy ? (legacyDigest ?? digest) : digest
    }
    /// The digest of the canonical JSON of `model_package_details`, nil when the card has none:
    /// what tells that the section changed.
    public var packageDetails: String?
    /// `model_package_details.model_approval_status`, when given.
    public var packageApproval: String?
    /// `model_package_details.model_package_arn`, when given: what a link tag must record.
    public var packageARN: String? = nil

    /// Reads a snapshot from a card file's bytes.
    public static func read(_ data: [UInt8], validator: CardValidator?, path: String) -> CardSnapshot {
        let loaded = SafeYAMLLoader.load(bytes: data, path: path)
        guard let root = loaded.root else {
            return CardSnapshot(problem: loaded.findings.first?.message ?? "unreadable card")
        }
        var problem = loaded.findings.first?.message
        if problem == nil, let validator, let violation = validator.schema.validate(root).first {
            problem = "\(violation.pointer.isEmpty ? "/" : violation.pointer): \(violation.message)"
        }
        return CardSnapshot(of: root, digest: CardDigest.of(root), problem: problem)
    }

    /// Reads a snapshot through `sections`, which parses only the sections of the file it has
    /// not seen before; the same snapshot ``read(_:validator:path:)`` gives.
    static func read(_ data: [UInt8], validator: CardValidator?, path: String, sections: SectionMemo) -> CardSnapshot {
        if let validator, let snapshot = sections.snapshot(of: data, validator: validator) { return snapshot }
        return read(data, validator: validator, path: path)
    }

    /// `<group>/<version>` from a card's `model_package_details`, when both are there.
    public static func modelPackage(of root: ValueNode) -> String? {
        let package = root["model_package_details"]
        guard let group = package?["model_package_group_name"]?.stringValue,
            case .integer(let version)? = package?["model_package_version"]?.kind
        else { return nil }
        return "\(group)/\(version)"
    }
}

// In an extension, so that the memberwise initializer stays.
extension CardSnapshot {
    /// The snapshot of the card whose root is `root`; `formsDiffer`, when the caller knows it,
    /// is ``CanonicalJSON/formsDiffer(_:)`` of `root`.
    init(of root: ValueNode, digest: String, problem: String?, formsDiffer: Bool? = nil) {
        let overview = root["model_overview"]
        let details = root["model_package_details"]
        let arnProblem = CardValidator.arnFinding(root, path: "").map {
            "/model_package_details/model_package_arn: \($0.message)"
        }
        self.init(
            digest: digest, status: root["status"]?.stringValue.flatMap(CardStatus.init(rawValue:)),
            name: root["name"]?.stringValue, modelName: overview?["model_name"]?.stringValue,
            modelPackage: Self.modelPackage(of: root), riskRating: root["intended_uses"]?["risk_rating"]?.stringValue,
            problem: problem ?? arnProblem,
            packageDetails: details.map { CardDigest.of(canonicalJSON: Array(CanonicalJSON.text(of: $0).utf8)) },
            packageApproval: details?["model_approval_status"]?.stringValue,
            packageARN: details?["model_package_arn"]?.stringValue)
        // `status` holds no number, so the whole card tells whether its content's forms differ.
        if formsDiffer ?? CanonicalJSON.formsDiffer(root) {
            legacyDigest = CardDigest.of(
                canonicalJSON: CanonicalJSON.bytes(of: CardDigest.content(of: root), form: .legacy))
        }
    }
}
