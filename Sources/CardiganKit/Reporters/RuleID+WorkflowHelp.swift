extension RuleID {
    /// Why the rules about workflows, approvals and the registry exist and what to do when
    /// they fire (``help`` for the rest); nil for the other rules.
    var workflowHelp: Help? {
        switch self {
        case .yamlControlCharacter:
            return Help(
                why:
                    "A control or bidirectional-override character can hide text from a reviewer (a Trojan Source reversal) or rewrite a terminal when the card is printed.",
                fix: "Delete the character at the place given; write the text without it.")
        case .cardFileType:
            return Help(
                why:
                    "A symbolic link, folder or device under the cards folder would make cardigan read, and git record, something other than the card text a reviewer sees.",
                fix: "Replace it with a regular file holding the card, or move it out of the cards folder.")
        case .cardFolderEntry:
            return Help(
                why:
                    "Only '<name>.yaml' files are cards: anything else in the cards folder is never read or committed as a card, though it is easy to believe it was.",
                fix: "Move the entry out of the cards folder, or rename it '<name>.yaml' if it is a card.")
        case .tooManyFindings:
            return Help(
                why:
                    "A file with hundreds of problems (often the wrong file) would bury every other finding, so past the first 100 they are counted.",
                fix: "Fix the findings listed and run again; check that the file is the card you meant.")
        case .packageArnMismatch:
            return Help(
                why:
                    "The ARN is what the registry resolves: one that names another group or version than the fields beside it makes the card document one package and link another.",
                fix:
                    "Restore model_package_details as link, clone or registry pull wrote it (for an uncommitted edit: 'git checkout -- <card file>')."
            )
        case .packageDetailsEdited:
            return Help(
                why:
                    "model_package_details records what the registry said; a hand edit could make a card claim a package or an approval the registry never gave.",
                fix:
                    "Undo the hand edit; change the details with 'cardigan link', 'cardigan clone' or 'cardigan registry pull', which record where they came from."
            )
        case .packageRejected:
            return Help(
                why: "A Rejected model package must not be deployed, so its card cannot say it is Approved.",
                fix:
                    "Move the card to Draft or Archived; or approve the package in the registry, run 'cardigan registry pull <card>', then approve the card."
            )
        case .uncommittedEdits:
            return Help(
                why:
                    "A status change, link or approval records a committed version; with edits pending the record would not match the file you are looking at.",
                fix:
                    "Commit the edits ('cardigan commit') or restore the file ('git checkout -- <card file>'), then run the command again."
            )
        case .modelNameTaken:
            return Help(
                why:
                    "Registries and readers find a model's card by model_name; two cards for one model could each say something different.",
                fix: "Edit the existing card of that model, or give this card the distinct model_name of its own model."
            )
        case .link:
            return Help(
                why:
                    "A link binds a card to one model package version for good (its link tag never moves), so a link that is ambiguous or contradicts the card is refused, not guessed.",
                fix:
                    "Link a card that is not linked yet to a package the registry has ('--model-package <group>/<version>'); for another version start a card with 'cardigan clone'."
            )
        case .checkpoint:
            return Help(
                why:
                    "A checkpoint vouches for one branch's head and tags; compared with another branch it proves nothing about it.",
                fix:
                    "Verify the branch the checkpoint names ('cardigan verify --branch <branch> --checkpoint <file>'), or write a checkpoint of this branch."
            )
        case .amendRefused:
            return Help(
                why:
                    "A commit that records card versions is the record: its tags and trailers name it, and an amend would replace it with another commit.",
                fix:
                    "Make a new commit instead of amending; to correct a card, edit it and 'cardigan commit' a new version."
            )
        case .pushRefused:
            return Help(
                why:
                    "The server keeps the record append-only: a force push, a moved or deleted tag, or a change of where cards live would rewrite what others rely on.",
                fix:
                    "Fetch, rebuild your work on top of the server's branch and push without --force; leave existing tags as they are."
            )
        case .importContent:
            return Help(
                why:
                    "An import makes a card from a SageMaker content document; a field that cannot be read as the card's would otherwise be lost or wrong without a word.",
                fix:
                    "Fix the field at the place given in the document (its type or value), or remove it, and import again."
            )
        case .approvalMissing:
            return Help(
                why:
                    "Under an approval policy a card reaches Approved only with signed approvals of the principals its rule names, never by editing 'status'.",
                fix:
                    "Each approver the rule needs runs 'cardigan approve <card>'; the last approval moves the card to Approved."
            )
        case .approvalSignature:
            return Help(
                why:
                    "An approval is worth only its SSH signature over this card, version, digest and date; a signature over anything else, or an altered trailer, proves nothing.",
                fix:
                    "Remove the hand-written or copied 'Card-Approval:' trailer (a new commit) and approve the version with 'cardigan approve <card>'."
            )
        case .approvalKey:
            return Help(
                why:
                    "Only a key the policy's allowed signers file lists for the principal, in the approval namespace and valid at the date, may approve.",
                fix:
                    "Sign with a key listed for you; to add or renew a key, change the signers file in a commit approved with 'cardigan approve --policy'."
            )
        case .approvalSelf:
            return Help(
                why:
                    "Four eyes: who authored a content change of a version (by email, or by the key that signed the commit) cannot also approve it.",
                fix: "Ask another principal the rule allows to run 'cardigan approve <card>'.")
        case .approvalDuplicate:
            return Help(
                why:
                    "A threshold of N approvals means N people: a second approval by one principal or with one key does not count.",
                fix: "Ask another allowed principal, with their own key, to approve.")
        case .approvalPolicy:
            return Help(
                why:
                    "When the approval policy or its signers file cannot be read, nobody can tell who may approve, so nothing is approved under it.",
                fix:
                    "Fix '.cardigan.yaml' or the signers file at the line given, in a commit approved under the policy before it."
            )
        case .policyUnapproved:
            return Help(
                why:
                    "The policy decides who may approve; a change of it that its own signers did not approve would let anyone make themselves an approver.",
                fix:
                    "Before committing a policy change, enough signers of the policy in force run 'cardigan approve --policy'; commit with their 'Policy-Approval:' trailers."
            )
        case .registryUndocumentedVersion:
            return Help(
                why:
                    "A model version registered without a card can be deployed before anyone documented or reviewed it.",
                fix:
                    "Write its card: 'cardigan clone <card> <new card> --model-package <group>/<version>' from the previous version's card, or 'cardigan new' then 'cardigan link'."
            )
        case .registryMissingPackage:
            return Help(
                why:
                    "A card of a package version the registry does not have points readers at nothing: the version was deleted or the link names another registry.",
                fix:
                    "Check the registry settings (endpoint, region, tracking URI); if the version is gone, archive the card ('cardigan status <card> Archived')."
            )
        case .registryApprovalDrift:
            return Help(
                why:
                    "The card records the registry's approval status; when they differ one of them is stale, and a reader may trust the wrong one.",
                fix:
                    "Run 'cardigan registry pull <card>' to record the registry's status as a new version (which is reviewed again)."
            )
        case .registryApprovedUndocumented:
            return Help(
                why:
                    "A version approved for deployment in the registry should have an Approved card in git; otherwise it ships without reviewed documentation.",
                fix:
                    "Get its card approved ('cardigan status <card> PendingReview', then 'cardigan approve <card>' or 'status <card> Approved'), or withdraw the approval in the registry."
            )
        case .registryCardDrift:
            return Help(
                why:
                    "The registry's card was changed outside git; overwriting it would lose that change, so push never does.",
                fix: "Bring the change into the card in git (or undo it in the registry), commit, and push again.")
        default:
            return nil
        }
    }
}
