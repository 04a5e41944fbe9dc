/// Every rule cardigan reports, by its stable id: the raw value is the kebab-case id that text,
/// JSON, SARIF and the other reports print (`link-tag-missing`). A finding names its rule with a
/// case, never with a string, so a rule cannot be misspelt or reported without a summary
/// (`RuleID+Summary.swift`) and help (`RuleID+Help.swift`).
public enum RuleID: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    // The card file and its YAML (`validate`, the hooks, every command that reads a card).
    case yamlSyntax = "yaml-syntax"
    case yamlEncoding = "yaml-encoding"
    case yamlSize = "yaml-size"
    case yamlEmpty = "yaml-empty"
    case yamlAnchor = "yaml-anchor"
    case yamlTag = "yaml-tag"
    case yamlMergeKey = "yaml-merge-key"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlDepth = "yaml-depth"
    case yamlMultipleDocuments = "yaml-multiple-documents"
    case yamlComplexKey = "yaml-complex-key"
    case yamlControlCharacter = "yaml-control-character"
    case yaml11Ambiguous = "yaml11-ambiguous"
    case cardFileType = "card-file-type"
    case cardFolderEntry = "card-folder-entry"
    case tooManyFindings = "too-many-findings"
    // The card's own rules, beyond its schema.
    case cardName = "card-name"
    case cardFileName = "card-file-name"
    case cardContentSize = "card-content-size"
    case packageArnMismatch = "package-arn-mismatch"
    case packageDetailsEdited = "package-details-edited"
    case packageRejected = "package-rejected"
    case uncommittedEdits = "uncommitted-edits"
    case modelNameTaken = "model-name-taken"
    // The card schema: one rule per JSON Schema keyword the validator checks (`schema-<keyword>`).
    case schemaFalse = "schema-false"
    case schemaType = "schema-type"
    case schemaConst = "schema-const"
    case schemaEnum = "schema-enum"
    case schemaOneOf = "schema-oneOf"
    case schemaAnyOf = "schema-anyOf"
    case schemaNot = "schema-not"
    case schemaMinProperties = "schema-minProperties"
    case schemaMaxProperties = "schema-maxProperties"
    case schemaRequired = "schema-required"
    case schemaDependentRequired = "schema-dependentRequired"
    case schemaProperties = "schema-properties"
    case schemaPatternProperties = "schema-patternProperties"
    case schemaAdditionalProperties = "schema-additionalProperties"
    case schemaPropertyNames = "schema-propertyNames"
    case schemaMinItems = "schema-minItems"
    case schemaMaxItems = "schema-maxItems"
    case schemaItems = "schema-items"
    case schemaUniqueItems = "schema-uniqueItems"
    case schemaMinLength = "schema-minLength"
    case schemaMaxLength = "schema-maxLength"
    case schemaPattern = "schema-pattern"
    case schemaFormat = "schema-format"
    case schemaMinimum = "schema-minimum"
    case schemaMaximum = "schema-maximum"
    case schemaExclusiveMinimum = "schema-exclusiveMinimum"
    case schemaExclusiveMaximum = "schema-exclusiveMaximum"
    case schemaMultipleOf = "schema-multipleOf"
    // The history (`verify`, `check`, the hooks): records, versions, names and statuses.
    case invalidCard = "invalid-card"
    case nameChanged = "name-changed"
    case recordMalformed = "record-malformed"
    case recordMismatch = "record-mismatch"
    case cardDeleted = "card-deleted"
    case unversionedChange = "unversioned-change"
    case versionSequence = "version-sequence"
    case versionDuplicate = "version-duplicate"
    case modelNameChanged = "model-name-changed"
    case statusMove = "status-move"
    case linkChanged = "link-changed"
    // Version tags.
    case versionTagMissing = "version-tag-missing"
    case versionTagLightweight = "version-tag-lightweight"
    case versionTagMoved = "version-tag-moved"
    case versionTagMismatch = "version-tag-mismatch"
    case versionChain = "version-chain"
    case versionOrphaned = "version-orphaned"
    case versionTagStray = "version-tag-stray"
    case versionTagName = "version-tag-name"
    case versionPending = "version-pending"
    case versionTagLeftover = "version-tag-leftover"
    case tagReferenceDamaged = "tag-reference-damaged"
    // Links and link tags.
    case linkDuplicate = "link-duplicate"
    case linkTagMissing = "link-tag-missing"
    case linkTagLightweight = "link-tag-lightweight"
    case linkTagMoved = "link-tag-moved"
    case linkTagMismatch = "link-tag-mismatch"
    case linkTagInvalid = "link-tag-invalid"
    case link
    // Checkpoints, the pull-request gate and the hooks' refusals.
    case checkpoint
    case checkpointRewritten = "checkpoint-rewritten"
    case checkpointTag = "checkpoint-tag"
    case checkRewrite = "check-rewrite"
    case checkVersionConflict = "check-version-conflict"
    case amendRefused = "amend-refused"
    case pushRefused = "push-refused"
    // Import.
    case importContent = "import-content"
    // Approvals: signatures and the approval policy.
    case approvalMissing = "approval-missing"
    case approvalSignature = "approval-signature"
    case approvalKey = "approval-key"
    case approvalSelf = "approval-self"
    case approvalDuplicate = "approval-duplicate"
    case approvalPolicy = "approval-policy"
    case policyUnapproved = "policy-unapproved"
    // The model registry beside the cards.
    case registryUndocumentedVersion = "registry-undocumented-version"
    case registryMissingPackage = "registry-missing-package"
    case registryApprovalDrift = "registry-approval-drift"
    case registryApprovedUndocumented = "registry-approved-undocumented"
    case registryCardDrift = "registry-card-drift"

    /// The id as reports print it.
    public var description: String { rawValue }

    /// Rules sort by their id, the order SARIF lists them in.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The rule of a failed schema keyword.
    public init(_ keyword: SchemaKeyword) {
        switch keyword {
        case .`false`: self = .schemaFalse
        case .type: self = .schemaType
        case .const: self = .schemaConst
        case .`enum`: self = .schemaEnum
        case .oneOf: self = .schemaOneOf
        case .anyOf: self = .schemaAnyOf
        case .not: self = .schemaNot
        case .minProperties: self = .schemaMinProperties
        case .maxProperties: self = .schemaMaxProperties
        case .required: self = .schemaRequired
        case .dependentRequired: self = .schemaDependentRequired
        case .properties: self = .schemaProperties
        case .patternProperties: self = .schemaPatternProperties
        case .additionalProperties: self = .schemaAdditionalProperties
        case .propertyNames: self = .schemaPropertyNames
        case .minItems: self = .schemaMinItems
        case .maxItems: self = .schemaMaxItems
        case .items: self = .schemaItems
        case .uniqueItems: self = .schemaUniqueItems
        case .minLength: self = .schemaMinLength
        case .maxLength: self = .schemaMaxLength
        case .pattern: self = .schemaPattern
        case .format: self = .schemaFormat
        case .minimum: self = .schemaMinimum
        case .maximum: self = .schemaMaximum
        case .exclusiveMinimum: self = .schemaExclusiveMinimum
        case .exclusiveMaximum: self = .schemaExclusiveMaximum
        case .multipleOf: self = .schemaMultipleOf
        }
    }

    /// The schema keyword a `schema-<keyword>` rule is about; nil for every other rule.
    public var schemaKeyword: SchemaKeyword? { SchemaKeyword.allCases.first { RuleID($0) == self } }

    /// Whether the rule is about how the card is written (its YAML or its schema) rather than
    /// what it records.
    public var isAboutWriting: Bool {
        if schemaKeyword != nil { return true }
        switch self {
        case .yamlSyntax, .yamlEncoding, .yamlSize, .yamlEmpty, .yamlAnchor, .yamlTag, .yamlMergeKey, .yamlDuplicateKey,
            .yamlDepth, .yamlMultipleDocuments, .yamlComplexKey, .yamlControlCharacter, .yaml11Ambiguous:
            return true
        default:
            return false
        }
    }

    /// The level SARIF's rule list and `explain` give the rule: `warning` or `error`.
    public var level: String { isWarning ? "warning" : "error" }

    /// Whether SARIF lists the rule at level `warning` rather than `error`.
    public var isWarning: Bool {
        switch self {
        case .versionPending, .yaml11Ambiguous, .checkpoint, .registryUndocumentedVersion, .registryApprovalDrift: true
        default: false
        }
    }
}
