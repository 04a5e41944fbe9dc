/// One-line descriptions of cardigan's rules, for reports that list rules (SARIF).
public enum RuleCatalog {
    static let summaries: [String: String] = [
        "yaml-syntax": "The card is not valid YAML",
        "yaml-encoding": "The card is not UTF-8 text",
        "yaml-size": "The card file is larger than 1 MiB",
        "yaml-empty": "The card file holds no card",
        "yaml-anchor": "YAML anchors and aliases are not allowed",
        "yaml-tag": "Explicit YAML tags are not allowed",
        "yaml-merge-key": "YAML merge keys are not allowed",
        "yaml-duplicate-key": "A key appears twice in one mapping",
        "yaml-depth": "Nesting is deeper than 64 levels",
        "yaml-multiple-documents": "A card file holds one YAML document",
        "yaml-complex-key": "Keys must be strings",
        "yaml-control-character": "Card text holds no control or bidirectional-override characters",
        "card-file-type": "A card is a regular file, not a symbolic link, folder or device",
        "card-folder-entry": "The cards folder holds only card files",
        "too-many-findings": "Findings past the first 100 of a file are counted, not listed",
        "card-name": "A card's name equals its file name",
        "card-file-name": "A card's file name is a valid card name",
        "card-content-size": "A card's content is at most 100,000 characters",
        "package-arn-mismatch": "A model package ARN names the group and version beside it",
        "package-details-edited": "model_package_details changes only through link, clone or the registry commands",
        "package-rejected": "A card is not Approved while its model package is Rejected",
        "uncommitted-edits": "A status change or link is refused while the card has uncommitted edits",
        "model-name-taken": "One card per model: model_overview.model_name is unique among the cards",
        // The history (verify, check, the hooks); rules 1-7 of DESIGN.md.
        "invalid-card": "A version of a card in the history is not a valid card",
        "name-changed": "A card's 'name' in the history differs from its file name",
        "record-malformed": "A commit's card trailers are incomplete, malformed or name a card twice",
        "record-mismatch": "A commit's trailers disagree with the card its tree holds",
        "card-deleted": "A versioned card was deleted or renamed",
        "unversioned-change": "A card changed without the version or status record that says so",
        "version-sequence": "A card's versions go 1, 2, 3 without gaps or repeats",
        "version-duplicate": "Two branches made the same version of a card",
        "model-name-changed": "A card's 'model_overview.model_name' never changes",
        "status-move":
            "Statuses move Draft ⇄ PendingReview → Approved → Archived; new versions are born Draft or PendingReview; Archived cards change no more",
        "link-changed": "A card changed or dropped the model package it documents",
        "version-tag-missing": "A version has no annotated tag cards/<name>/v<N>",
        "version-tag-lightweight": "A version tag is a lightweight tag, not an annotated one",
        "version-tag-moved": "A version tag points at another commit than its version's",
        "version-tag-mismatch": "A version tag's digest differs from its version's",
        "version-chain": "A version tag's 'Previous:' does not name the tag of the version before",
        "version-orphaned": "A version tag points at a commit the protected branch does not contain",
        "version-pending": "A version tag is on a branch not yet merged into the protected branch",
        "version-tag-leftover": "The tag of the version a commit would make already exists",
        "link-duplicate": "A model package version is linked by two card versions",
        "link-tag-missing": "A link has no annotated tag model-packages/<group>/<version>",
        "link-tag-lightweight": "A link tag is a lightweight tag, not an annotated one",
        "link-tag-moved": "A link tag points at another commit than the linking version's",
        "link-tag-mismatch": "A link tag names another card or version than the link's",
        "link-tag-invalid": "A link tag records no link made on the branch",
        "link": "A link or clone cannot be made as asked",
        "checkpoint": "A checkpoint was written for another branch",
        "checkpoint-rewritten": "The branch no longer contains the head a checkpoint recorded",
        "checkpoint-tag": "A tag a checkpoint recorded is gone or is another object",
        "check-rewrite": "A pull request's base is not an ancestor of its head",
        "amend-refused": "A commit that records card versions is never amended",
        "push-refused": "The server refuses a push that rewrites or breaks the record",
        "import-content": "An imported SageMaker content document cannot be read as a card",
        "approval-missing": "A move to Approved carries the policy's number of valid signed approvals (rule 9)",
        "approval-signature": "An approval's signature is its named key's, over this card, version and digest (rule 9)",
        "approval-key": "An approval's key and principal are allowed by the policy in force at its commit (rule 9)",
        "approval-self": "Nobody approves a version they authored a content change of (rule 9)",
        "approval-duplicate": "Each approval of a version comes from a distinct principal and key (rule 9)",
        "approval-policy": "The approval policy and its allowed signers file can be read (rule 9)",
        "policy-unapproved": "A change of the approval policy carries approvals under the policy before it (rule 9)",
        "registry-undocumented-version": "A model package version in a linked group has no card",
        "registry-missing-package": "A card documents a model package version the registry does not have",
        "registry-approval-drift": "The card's model_approval_status differs from the registry's",
        "registry-approved-undocumented": "A package version approved for deployment has no Approved card",
        "registry-card-drift": "The registry's model card holds content that no card version in git has",
        "yaml11-ambiguous": "A plain value that YAML 1.1 readers such as PyYAML read as another value",
    ]

    /// Every fixed rule id cardigan reports (schema rules, `schema-<keyword>`, come and go with
    /// the schema's keywords and are not listed).
    public static var ruleIDs: [String] { summaries.keys.sorted() }

    /// The description of `ruleID`; schema rules are described by their keyword.
    public static func summary(of ruleID: String) -> String {
        if let summary = summaries[ruleID] { return summary }
        if ruleID.hasPrefix("schema-") {
            return "The card breaks the schema's '\(ruleID.dropFirst("schema-".count))' keyword"
        }
        return ruleID
    }
}
