extension RuleID {
    /// The rule in one line: SARIF's `shortDescription` and the README's table of findings.
    public var summary: String {
        switch self {
        case .yamlSyntax:
            return "The card is not valid YAML"
        case .yamlEncoding:
            return "The card is not UTF-8 text"
        case .yamlSize:
            return "The card file is larger than 1 MiB"
        case .yamlEmpty:
            return "The card file holds no card"
        case .yamlAnchor:
            return "YAML anchors and aliases are not allowed"
        case .yamlTag:
            return "Explicit YAML tags are not allowed"
        case .yamlMergeKey:
            return "YAML merge keys are not allowed"
        case .yamlDuplicateKey:
            return "A key appears twice in one mapping"
        case .yamlDepth:
            return "Nesting is deeper than 64 levels"
        case .yamlMultipleDocuments:
            return "A card file holds one YAML document"
        case .yamlComplexKey:
            return "Keys must be strings"
        case .yamlControlCharacter:
            return "Card text holds no control or bidirectional-override characters"
        case .yaml11Ambiguous:
            return "A plain value that YAML 1.1 readers such as PyYAML read as another value"
        case .cardFileType:
            return "A card is a regular file, not a symbolic link, folder or device"
        case .cardFolderEntry:
            return "The cards folder holds only card files"
        case .tooManyFindings:
            return "Findings past the first 100 of a file are counted, not listed"
        case .cardName:
            return "A card's name equals its file name"
        case .cardFileName:
            return "A card's file name is a valid card name"
        case .cardContentSize:
            return "A card's content is at most 100,000 characters"
        case .packageArnMismatch:
            return "A model package ARN names the group and version beside it"
        case .packageDetailsEdited:
            return "model_package_details changes only through link, clone or the registry commands"
        case .packageRejected:
            return "A card is not Approved while its model package is Rejected"
        case .uncommittedEdits:
            return "A status change or link is refused while the card has uncommitted edits"
        case .modelNameTaken:
            return "One card per model: model_overview.model_name is unique among the cards"
        case .schemaFalse, .schemaType, .schemaConst, .schemaEnum, .schemaOneOf, .schemaAnyOf, .schemaNot,
            .schemaMinProperties, .schemaMaxProperties, .schemaRequired, .schemaDependentRequired, .schemaProperties,
            .schemaPatternProperties, .schemaAdditionalProperties, .schemaPropertyNames, .schemaMinItems,
            .schemaMaxItems, .schemaItems, .schemaUniqueItems, .schemaMinLength, .schemaMaxLength, .schemaPattern,
            .schemaFormat, .schemaMinimum, .schemaMaximum, .schemaExclusiveMinimum, .schemaExclusiveMaximum,
            .schemaMultipleOf:
            return "The card breaks the schema's '\(schemaKeyword?.rawValue ?? rawValue)' keyword"
        case .invalidCard:
            return "A version of a card in the history is not a valid card"
        case .nameChanged:
            return "A card's 'name' in the history differs from its file name"
        case .recordMalformed:
            return "A commit's card trailers are incomplete, malformed or name a card twice"
        case .recordMismatch:
            return "A commit's trailers disagree with the card its tree holds"
        case .cardDeleted:
            return "A versioned card was deleted or renamed"
        case .unversionedChange:
            return "A card changed without the version or status record that says so"
        case .versionSequence:
            return "A card's versions go 1, 2, 3 without gaps or repeats"
        case .versionDuplicate:
            return "Two branches made the same version of a card"
        case .modelNameChanged:
            return "A card's 'model_overview.model_name' never changes"
        case .statusMove:
            return
                "Statuses move Draft ⇄ PendingReview → Approved → Archived; new versions are born Draft or PendingReview; Archived cards change no more"
        case .linkChanged:
            return "A card changed or dropped the model package it documents"
        case .versionTagMissing:
            return "A version has no annotated tag cards/<name>/v<N>"
        case .versionTagLightweight:
            return "A version tag is a lightweight tag, not an annotated one"
        case .versionTagMoved:
            return "A version tag points at another commit than its version's"
        case .versionTagMismatch:
            return "A version tag's digest differs from its version's"
        case .versionChain:
            return "A version tag's 'Previous:' does not name the tag of the version before"
        case .versionOrphaned:
            return "A version tag points at a commit the protected branch does not contain"
        case .versionTagStray:
            return "A version tag names a version no commit on the protected branch makes, at a commit it contains"
        case .versionTagName:
            return "A tag under cards/ is not named cards/<name>/v<N>"
        case .versionPending:
            return "A version tag is on a branch not yet merged into the protected branch"
        case .versionTagLeftover:
            return "The tag of the version a commit would make already exists"
        case .tagReferenceDamaged:
            return "A tag's reference file is damaged: git cannot follow it"
        case .linkDuplicate:
            return "A model package version is linked by two card versions"
        case .linkTagMissing:
            return "A link has no annotated tag model-packages/<group>/<version>"
        case .linkTagLightweight:
            return "A link tag is a lightweight tag, not an annotated one"
        case .linkTagMoved:
            return "A link tag points at another commit than the linking version's"
        case .linkTagMismatch:
            return "A link tag names another card or version than the link's"
        case .linkTagInvalid:
            return "A link tag records no link made on the branch"
        case .link:
            return "A link or clone cannot be made as asked"
        case .checkpoint:
            return "A checkpoint was written for another branch"
        case .checkpointRewritten:
            return "The branch no longer contains the head a checkpoint recorded"
        case .checkpointTag:
            return "A tag a checkpoint recorded is gone or is another object"
        case .checkRewrite:
            return "A pull request shares no history with its base, or rewrites the base's history"
        case .checkVersionConflict:
            return "A pull request and its base both changed a card since they parted, so a merge cannot record it"
        case .amendRefused:
            return "A commit that records card versions is never amended"
        case .pushRefused:
            return "The server refuses a push that rewrites or breaks the record"
        case .importContent:
            return "An imported SageMaker content document cannot be read as a card"
        case .approvalMissing:
            return "A move to Approved carries the policy's number of valid signed approvals"
        case .approvalSignature:
            return "An approval's signature is its named key's, over this card, version and digest"
        case .approvalKey:
            return "An approval's key and principal are allowed by the policy in force at its commit"
        case .approvalSelf:
            return "Nobody approves a version they authored a content change of"
        case .approvalDuplicate:
            return "Each approval of a version comes from a distinct principal and key"
        case .approvalPolicy:
            return "The approval policy and its allowed signers file can be read"
        case .policyUnapproved:
            return "A change of the approval policy carries approvals under the policy before it"
        case .registryUndocumentedVersion:
            return "A model package version in a linked group has no card"
        case .registryMissingPackage:
            return "A card documents a model package version the registry does not have"
        case .registryApprovalDrift:
            return "The card's model_approval_status differs from the registry's"
        case .registryApprovedUndocumented:
            return "A package version approved for deployment has no Approved card"
        case .registryCardDrift:
            return "The registry's model card holds content that no card version in git has"
        }
    }
}
