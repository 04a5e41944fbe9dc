extension RuleID {
    /// The longer text of a rule: why it exists and what to do when it fires.
    public struct Help: Sendable, Hashable {
        /// Why the rule exists: SARIF's `fullDescription`.
        public var why: String
        /// What to do when it fires: SARIF's `help`.
        public var fix: String
    }

    /// Why the rule exists and what to do when it fires. A rule whose message already says
    /// everything is explained by its summary.
    public var help: Help {
        switch self {
        case .yamlSyntax:
            return Help(why: "The card file cannot be read as YAML.", fix: "Fix the YAML at the line and column given.")
        case .yamlEncoding:
            return Help(
                why: "Cards are UTF-8 text without control characters, so every tool reads the same text.",
                fix: "Save the file as UTF-8 and remove the control character.")
        case .yamlSize:
            return Help(
                why: "Cards are at most 1 MiB, so a hook stays fast on hostile input.", fix: "Make the card smaller.")
        case .yamlEmpty:
            return Help(why: "A card file must hold a card.", fix: "Write the card, or delete the file.")
        case .yamlAnchor:
            return Help(
                why: "Anchors and aliases make a value defined somewhere else, and allow alias bombs.",
                fix: "Write the value out in full where it is used.")
        case .yamlTag:
            return Help(
                why: "Explicit tags change how other YAML readers build values.",
                fix: "Remove the tag; quote the value.")
        case .yamlMergeKey:
            return Help(why: "Merge keys (<<) bring in values defined elsewhere.", fix: "Write the keys out in full.")
        case .yamlDuplicateKey:
            return Help(
                why: "A key written twice in one mapping: YAML readers silently keep one of them.",
                fix: "Keep one of them.")
        case .yamlDepth:
            return Help(why: "Nesting deeper than 64 levels is refused.", fix: "Flatten the structure.")
        case .yamlMultipleDocuments:
            return Help(
                why:
                    "Readers differ on a file of several YAML documents (many read only the first), so another tool could read another card than cardigan checks.",
                fix: "Remove the extra '---' documents.")
        case .yamlComplexKey:
            return Help(why: "Keys must be plain strings.", fix: "Use a string key.")
        case .yaml11Ambiguous:
            return Help(
                why:
                    "cardigan reads YAML 1.2 (no is a string, 010 is ten), but pipelines built on YAML 1.1 readers such as PyYAML read the value otherwise (false, eight).",
                fix:
                    "Quote the value to keep the text, or write it so both read it alike; 'cardigan validate --strict' makes this an error."
            )
        case .cardName:
            return Help(
                why: "A card's 'name' is its identity and equals its file name.",
                fix: "Make 'name' equal the file name.")
        case .cardFileName:
            return Help(
                why: "Card files are named '<name>.yaml' with a name of lowercase letters, digits and single hyphens.",
                fix: "Rename the file.")
        case .cardContentSize:
            return Help(
                why: "A card's content (its canonical JSON without 'status') is at most 100,000 characters.",
                fix: "Move long text out of the card.")
        case .schemaFalse, .schemaType, .schemaConst, .schemaEnum, .schemaOneOf, .schemaAnyOf, .schemaNot,
            .schemaMinProperties, .schemaMaxProperties, .schemaRequired, .schemaDependentRequired, .schemaProperties,
            .schemaPatternProperties, .schemaAdditionalProperties, .schemaPropertyNames, .schemaMinItems,
            .schemaMaxItems, .schemaItems, .schemaUniqueItems, .schemaMinLength, .schemaMaxLength, .schemaPattern,
            .schemaFormat, .schemaMinimum, .schemaMaximum, .schemaExclusiveMinimum, .schemaExclusiveMaximum,
            .schemaMultipleOf:
            return Help(
                why:
                    "The card breaks the '\(schemaKeyword?.rawValue ?? rawValue)' keyword of the card schema (JSON Schema 2020-12).",
                fix:
                    "Change the value at the line and column given so that the schema accepts it; the message says how."
            )
        case .invalidCard:
            return Help(why: "A committed card must validate.", fix: "Fix the card and commit it as a new version.")
        case .nameChanged:
            return Help(why: "A card's 'name' never changes.", fix: "Restore the name.")
        case .recordMalformed:
            return Help(
                why: "A commit's card trailers cannot be read.", fix: "Make the change again with 'cardigan commit'.")
        case .recordMismatch:
            return Help(
                why: "A commit's trailers must say what the commit holds.",
                fix: "Make the change again with 'cardigan commit'.")
        case .cardDeleted:
            return Help(why: "A versioned card is never deleted or renamed.", fix: "Archive the card instead.")
        case .unversionedChange:
            return Help(
                why: "Every change of a card's content or status on the protected branch is a record made by cardigan.",
                fix: "Make the change with 'cardigan commit' or with cardigan's git hooks installed.")
        case .versionSequence:
            return Help(why: "A card's versions run 1, 2, 3 … without gaps.", fix: "Commit versions with cardigan.")
        case .versionDuplicate:
            return Help(
                why: "A version number is made once; two branches made the same one.",
                fix: "Rebuild one branch's versions.")
        case .modelNameChanged:
            return Help(
                why: "'model_overview.model_name' never changes after version 1.", fix: "Restore the model name.")
        case .statusMove:
            return Help(
                why: "Status moves Draft ⇄ PendingReview → Approved → Archived; a new version is never born Approved.",
                fix: "Use 'cardigan status' with an allowed move.")
        case .linkChanged:
            return Help(
                why: "'model_package_details' changes only through 'link' and 'clone'.",
                fix: "Restore the section and use 'cardigan link'.")
        case .versionTagMissing:
            return Help(
                why: "Each version has its annotated tag 'cards/<name>/v<N>'.", fix: "Run 'cardigan verify --repair'.")
        case .versionTagLightweight:
            return Help(why: "Version tags are annotated tags.", fix: "Restore the annotated tag.")
        case .versionTagMoved:
            return Help(why: "A version tag never moves.", fix: "Restore the tag from a clone or a checkpoint.")
        case .versionTagMismatch:
            return Help(
                why: "A version tag records the digest its commit holds.",
                fix: "Restore the tag from a clone or a checkpoint.")
        case .versionChain:
            return Help(
                why: "Each version tag names the tag of the version before ('Previous:'), forming a hash chain.",
                fix: "Restore the tags from a clone or a checkpoint.")
        case .versionOrphaned:
            return Help(
                why: "A version made on a branch that no branch reaches any more: a rewrite or squash-merge left it.",
                fix: "Merge card branches with a merge commit or fast-forward, never squash or rebase.")
        case .versionTagStray:
            return Help(
                why:
                    "Only 'cardigan commit' makes version tags, each on the commit that records its version; a tag for a version no commit records was made by hand and claims a version that does not exist.",
                fix: "Delete the stray tag ('git tag -d <tag>'); the versions the branch records keep their own tags.")
        case .versionTagName:
            return Help(
                why:
                    "Tags under 'cards/' are cardigan's version tags, 'cards/<name>/v<N>' with a valid card name; any other name there is read as no version, so it is reported rather than skipped.",
                fix: "Delete the tag ('git tag -d <tag>'), or keep it outside 'cards/'.")
        case .versionPending:
            return Help(
                why: "A version made on a branch that is not merged into the protected branch yet.",
                fix: "Merge the branch with a merge commit or fast-forward.")
        case .versionTagLeftover:
            return Help(why: "A version tag names a version no commit records.", fix: "Investigate the tag's origin.")
        case .tagReferenceDamaged:
            return Help(
                why:
                    "Git ignores a reference file that holds no object id, and with it any copy in 'packed-refs'; a reference to a missing object leads nowhere. The tag is lost to git either way.",
                fix:
                    "Delete the reference file, then run 'cardigan verify --repair' to re-create the tag from the commit's trailers."
            )
        case .linkDuplicate:
            return Help(
                why: "A model package version links to one card version, forever.", fix: "Link another version.")
        case .linkTagMissing:
            return Help(
                why: "Each link has its tag 'model-packages/<group>/<version>'.", fix: "Run 'cardigan verify --repair'."
            )
        case .linkTagLightweight:
            return Help(why: "Link tags are annotated tags.", fix: "Restore the annotated tag.")
        case .linkTagMoved:
            return Help(why: "A link tag never moves.", fix: "Restore the tag from a clone or a checkpoint.")
        case .linkTagMismatch:
            return Help(
                why: "A link tag names what its commit records.", fix: "Restore the tag from a clone or a checkpoint.")
        case .linkTagInvalid:
            return Help(
                why: "A link tag points at a version whose 'model_package_details' names that package.",
                fix: "Restore the tag.")
        case .checkpointRewritten:
            return Help(
                why: "The branch head recorded in the checkpoint must still be an ancestor of the branch.",
                fix: "Find out who rewrote the branch; restore it from a clone.")
        case .checkpointTag:
            return Help(
                why: "Every tag recorded in the checkpoint must still be there, unchanged.", fix: "Restore the tag.")
        case .checkRewrite:
            return Help(
                why:
                    "A pull request is judged against its merge base with the base; a head that shares no commit with the base, or carries rewritten copies of the base's versions (a rebase, an amend, a moved tag), would replace recorded history.",
                fix:
                    "Never rebase or amend versioned commits: start a new branch from the base and commit the cards there; to catch up with the base later, merge it into the branch."
            )
        case .checkVersionConflict:
            return Help(
                why:
                    "Two commits cannot both be version N of one card: merging would record two different 'version N's (a 'version-duplicate' for good) with one tag for them; and git's merge of a card changed otherwise on both sides is a change neither side recorded.",
                fix:
                    "Start a new branch from the base and commit the card's change there (it becomes the version after the base's); merging the base into this branch keeps both."
            )
        case .yamlControlCharacter, .cardFileType, .cardFolderEntry, .tooManyFindings, .packageArnMismatch,
            .packageDetailsEdited, .packageRejected, .uncommittedEdits, .modelNameTaken, .link, .checkpoint,
            .amendRefused, .pushRefused, .importContent, .approvalMissing, .approvalSignature, .approvalKey,
            .approvalSelf, .approvalDuplicate, .approvalPolicy, .policyUnapproved, .registryUndocumentedVersion,
            .registryMissingPackage, .registryApprovalDrift, .registryApprovedUndocumented, .registryCardDrift:
            // Written beside (RuleID+WorkflowHelp.swift); ExplainTests checks that every rule has it.
            return workflowHelp ?? Help(why: summary + ".", fix: "See the message of the finding.")
        }
    }
}
