/// The longer texts of cardigan's rules, for reports that describe rules (SARIF's
/// `fullDescription` and `help`): why the rule exists, and what to do when it fires.
public enum RuleHelp {
    /// Per rule: why it exists, then what to do.
    static let texts: [String: (why: String, fix: String)] = [
        "yaml-syntax": ("The card file cannot be read as YAML.", "Fix the YAML at the line and column given."),
        "yaml-encoding": (
            "Cards are UTF-8 text without control characters, so every tool reads the same text.",
            "Save the file as UTF-8 and remove the control character."
        ),
        "yaml-size": ("Cards are at most 1 MiB, so a hook stays fast on hostile input.", "Make the card smaller."),
        "yaml-empty": ("A card file must hold a card.", "Write the card, or delete the file."),
        "yaml-anchor": (
            "Anchors and aliases make a value defined somewhere else, and allow alias bombs.",
            "Write the value out in full where it is used."
        ),
        "yaml-tag": ("Explicit tags change how other YAML readers build values.", "Remove the tag; quote the value."),
        "yaml-merge-key": ("Merge keys (<<) bring in values defined elsewhere.", "Write the keys out in full."),
        "yaml-duplicate-key": (
            "A key written twice in one mapping: YAML readers silently keep one of them.", "Keep one of them."
        ),
        "yaml-depth": ("Nesting deeper than 64 levels is refused.", "Flatten the structure."),
        "yaml-multiple-documents": ("A card file holds one YAML document.", "Remove the extra '---' documents."),
        "yaml-complex-key": ("Keys must be plain strings.", "Use a string key."),
        "yaml11-ambiguous": (
            "cardigan reads YAML 1.2 (no is a string, 010 is ten), but pipelines built on YAML 1.1 readers such as PyYAML read the value otherwise (false, eight).",
            "Quote the value to keep the text, or write it so both read it alike; 'cardigan validate --strict' makes this an error."
        ),
        "card-name": ("A card's 'name' is its identity and equals its file name.", "Make 'name' equal the file name."),
        "card-file-name": (
            "Card files are named '<name>.yaml' with a name of lowercase letters, digits and single hyphens.",
            "Rename the file."
        ),
        "card-content-size": (
            "A card's content (its canonical JSON without 'status') is at most 100,000 characters.",
            "Move long text out of the card."
        ),
        "unversioned-change": (
            "Every change of a card's content or status on the protected branch is a record made by cardigan.",
            "Make the change with 'cardigan commit' or with cardigan's git hooks installed."
        ),
        "record-mismatch": (
            "A commit's trailers must say what the commit holds.", "Make the change again with 'cardigan commit'."
        ),
        "record-malformed": (
            "A commit's card trailers cannot be read.", "Make the change again with 'cardigan commit'."
        ),
        "invalid-card": ("A committed card must validate.", "Fix the card and commit it as a new version."),
        "version-sequence": ("A card's versions run 1, 2, 3 … without gaps.", "Commit versions with cardigan."),
        "version-duplicate": (
            "A version number is made once; two branches made the same one.", "Rebuild one branch's versions."
        ),
        "version-tag-missing": (
            "Each version has its annotated tag 'cards/<name>/v<N>'.", "Run 'cardigan verify --repair'."
        ),
        "version-tag-moved": ("A version tag never moves.", "Restore the tag from a clone or a checkpoint."),
        "version-tag-mismatch": (
            "A version tag records the digest its commit holds.", "Restore the tag from a clone or a checkpoint."
        ),
        "version-tag-lightweight": ("Version tags are annotated tags.", "Restore the annotated tag."),
        "version-tag-leftover": ("A version tag names a version no commit records.", "Investigate the tag's origin."),
        "version-chain": (
            "Each version tag names the tag of the version before ('Previous:'), forming a hash chain.",
            "Restore the tags from a clone or a checkpoint."
        ),
        "version-orphaned": (
            "A version made on a branch that no branch reaches any more: a rewrite or squash-merge left it.",
            "Merge card branches with a merge commit or fast-forward, never squash or rebase."
        ),
        "version-pending": (
            "A version made on a branch that is not merged into the protected branch yet.",
            "Merge the branch with a merge commit or fast-forward."
        ),
        "card-deleted": ("A versioned card is never deleted or renamed.", "Archive the card instead."),
        "name-changed": ("A card's 'name' never changes.", "Restore the name."),
        "model-name-changed": ("'model_overview.model_name' never changes after version 1.", "Restore the model name."),
        "status-move": (
            "Status moves Draft ⇄ PendingReview → Approved → Archived; a new version is never born Approved.",
            "Use 'cardigan status' with an allowed move."
        ),
        "link-tag-missing": (
            "Each link has its tag 'model-packages/<group>/<version>'.", "Run 'cardigan verify --repair'."
        ),
        "link-tag-moved": ("A link tag never moves.", "Restore the tag from a clone or a checkpoint."),
        "link-tag-mismatch": (
            "A link tag names what its commit records.", "Restore the tag from a clone or a checkpoint."
        ),
        "link-tag-invalid": (
            "A link tag points at a version whose 'model_package_details' names that package.", "Restore the tag."
        ),
        "link-tag-lightweight": ("Link tags are annotated tags.", "Restore the annotated tag."),
        "link-duplicate": ("A model package version links to one card version, forever.", "Link another version."),
        "link-changed": (
            "'model_package_details' changes only through 'link' and 'clone'.",
            "Restore the section and use 'cardigan link'."
        ),
        "checkpoint-rewritten": (
            "The branch head recorded in the checkpoint must still be an ancestor of the branch.",
            "Find out who rewrote the branch; restore it from a clone."
        ),
        "checkpoint-tag": ("Every tag recorded in the checkpoint must still be there, unchanged.", "Restore the tag."),
        "check-rewrite": (
            "The pull request's base must be an ancestor of its head.", "Rebuild the branch on top of the base."
        ),
    ]

    /// Why the rule exists: the SARIF `fullDescription`.
    public static func description(of ruleID: String) -> String {
        if let texts = texts[ruleID] { return texts.why }
        if ruleID.hasPrefix("schema-") {
            let keyword = ruleID.dropFirst("schema-".count)
            return "The card breaks the '\(keyword)' keyword of the card schema (JSON Schema 2020-12)."
        }
        return RuleCatalog.summary(of: ruleID) + "."
    }

    /// What to do when the rule fires: the SARIF `help`.
    public static func help(of ruleID: String) -> String {
        if let texts = texts[ruleID] { return texts.fix }
        if ruleID.hasPrefix("schema-") {
            return "Change the value at the line and column given so that the schema accepts it; the message says how."
        }
        return "See the message of the finding."
    }

    /// Whether the rule reports warnings rather than errors.
    public static func isWarning(_ ruleID: String) -> Bool {
        ruleID == "version-pending" || ruleID.hasPrefix("yaml11-")
    }
}
