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
            return Help(
                why:
                    "An empty file (or one of comments or '---' alone) reads as null: there is no card to validate, version or list, and a card emptied by mistake would pass unnoticed.",
                fix:
                    "Write the card's fields back ('cardigan new' shows them), or delete the file if the card was never versioned."
            )
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
            return Help(
                why:
                    "Deep nesting costs the parser time and stack and no card needs it: 64 levels is far past any card's structure, so deeper input is refused as hostile before it is read.",
                fix: "Flatten the structure; a model card nests a few levels.")
        case .yamlMultipleDocuments:
            return Help(
                why:
                    "Readers differ on a file of several YAML documents (many read only the first), so another tool could read another card than cardigan checks.",
                fix: "Remove the extra '---' documents.")
        case .yamlComplexKey:
            return Help(
                why:
                    "A card is JSON data, whose keys are strings: a mapping, sequence or other non-string key could not be validated, digested or exported as written.",
                fix: "Write the key as a plain string (quote it if it reads as a number, date or boolean).")
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
            return Help(
                why:
                    "Every committed version is part of the record auditors read; a version that does not validate against the schema in force at its commit was committed past cardigan (plain git, hooks skipped).",
                fix:
                    "Fix the card and commit the fix as a new version with 'cardigan commit'; the invalid version stays in the history, reported."
            )
        case .nameChanged:
            return Help(
                why:
                    "A card's 'name' is its identity: its file name, its version tags 'cards/<name>/v<N>' and its links use it, so a 'name' that differs from the file breaks the chain between its versions.",
                fix:
                    "Set 'name' back to the file's name; for another card, 'cardigan clone' this one under the new name."
            )
        case .recordMalformed:
            return Help(
                why: "A commit's card trailers cannot be read.", fix: "Make the change again with 'cardigan commit'.")
        case .recordMismatch:
            return Help(
                why: "A commit's trailers must say what the commit holds.",
                fix: "Make the change again with 'cardigan commit'.")
        case .cardDeleted:
            return Help(
                why:
                    "Deleting or renaming a versioned card drops its governance record from the branch while its tags still claim versions; a retired model's card must stay readable.",
                fix: "Restore the file and archive the card instead ('cardigan status <name> Archived').")
        case .unversionedChange:
            return Help(
                why: "Every change of a card's content or status on the protected branch is a record made by cardigan.",
                fix: "Make the change with 'cardigan commit' or with cardigan's git hooks installed.")
        case .versionSequence:
            return Help(why: "A card's versions run 1, 2, 3 … without gaps.", fix: "Commit versions with cardigan.")
        case .versionDuplicate:
            return Help(
                why:
                    "Two branches each made the same version N of a card from the same starting version; merged, the record holds two different 'version N's with no order between them.",
                fix:
                    "Keep one branch's version: start a new branch from the protected branch and commit the other change there (it becomes version N+1)."
            )
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
            return Help(
                why:
                    "A lightweight tag is only a name for a commit: it has no message for the trailers (digest, 'Previous:' chain) that make a version tag verifiable, and anyone can point it anywhere.",
                fix:
                    "Delete it ('git tag -d <tag>') and run 'cardigan verify --repair', which re-creates the annotated tag from the commit's trailers, or restore the tag from a clone."
            )
        case .versionTagMoved:
            return Help(
                why:
                    "Version tags anchor the audit trail: each names the commit that recorded its version, as clones and checkpoints do; a tag pointing elsewhere was re-made by hand ('git tag -f') or the history under it was rewritten.",
                fix:
                    "Restore the tag from a clone or a checkpoint ('cardigan verify --checkpoint <file>' names the expected object); if the history was rewritten, restore the branch too."
            )
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
            return Help(
                why:
                    "'cardigan commit' creates the tag 'cards/<name>/v<N>' of the version it makes; a tag of that name already there (made by hand, or fetched from another clone's diverged history) would be reused or overwritten.",
                fix:
                    "Look at the tag ('git show <tag>'): if no commit records that version, delete it ('git tag -d <tag>') and commit again; if another clone made it, fetch and merge that history first."
            )
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
            return Help(
                why:
                    "A link tag's message records which card version is linked to which model package; a lightweight tag has no message, so the link cannot be checked.",
                fix:
                    "Delete it ('git tag -d <tag>') and link again with 'cardigan link', or restore the annotated tag from a clone."
            )
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
