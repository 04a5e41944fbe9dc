/// The examples each command's `--help` (and the man page) shows, in one place.
enum Examples {
    /// The `discussion` text of the command `path` (`show`, `hook install`).
    static func of(_ path: String) -> String {
        guard let lines = examples[path] else { return "" }
        return "Examples:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }

    static let examples: [String: [String]] = [
        "cardigan": [
            "cardigan init", "cardigan new customer-churn --template full", "cardigan validate",
            "cardigan commit -m \"First churn card\"", "cardigan -C ../models list",
        ],
        "init": ["cardigan init                 # in the root of a git repository"],
        "new": ["cardigan new customer-churn", "cardigan new customer-churn --template full"],
        "validate": [
            "cardigan validate                          # every card in cards/",
            "cardigan validate cards/customer-churn.yaml",
            "cardigan validate --format github         # workflow annotations",
            "cardigan validate --format sarif > cards.sarif",
        ],
        "commit": [
            "cardigan commit -m \"Rate the risk\"          # every changed card",
            "cardigan commit customer-churn -m \"New evaluation\"",
        ],
        "status": [
            "cardigan status customer-churn PendingReview",
            "cardigan status customer-churn Approved -m \"Approved by the committee\"",
        ],
        "show": ["cardigan show customer-churn", "cardigan show customer-churn --format json"],
        "log": ["cardigan log customer-churn", "cardigan log customer-churn --format json"],
        "list": ["cardigan list", "cardigan list --status Approved", "cardigan list --format json"],
        "verify": [
            "cardigan verify", "cardigan verify --checkpoint ~/cardigan-checkpoint.txt",
            "cardigan verify --repair        # re-create lost tags from the trailers",
        ],
        "explain": [
            "cardigan explain                        # every rule id with its summary",
            "cardigan explain version-tag-missing", "cardigan explain version-tag-missing --format json",
        ],
        "checkpoint": ["cardigan checkpoint -o ~/cardigan-checkpoint.txt"],
        "link": [
            "cardigan link churn --model-package churn/3",
            "cardigan link churn --model-package churn/3 --arn <its ARN>",
        ],
        "clone": ["cardigan clone churn churn-v4 --model-package churn/4"],
        "packages": ["cardigan packages"],
        "diff": [
            "cardigan diff churn            # the latest version against the working tree",
            "cardigan diff churn 2          # version 2 against the working tree",
            "cardigan diff churn 2 3        # version 2 against version 3",
            "cardigan diff --base main      # every card changed from main to HEAD",
            "cardigan diff --base origin/main --format markdown",
        ],
        "check": [
            "cardigan check --base origin/main", "cardigan check --base origin/main --format github",
            "cardigan check --base origin/main --format gitlab > quality.json",
        ],
        "hook": ["cardigan hook install", "cardigan hook install --server   # in the server's bare repository"],
        "hook install": [
            "cardigan hook install", "cardigan hook install --server",
            "cardigan hook install --only reference-transaction --only pre-push",
        ],
        "hook pre-commit": ["cardigan hook pre-commit      # what .git/hooks/pre-commit runs"],
        "hook reference-transaction": [
            "git commit --amend -m 'x'   # git runs it with 'prepared'; a recording commit stays"
        ],
        "hook prepare-commit-msg": ["cardigan hook prepare-commit-msg .git/COMMIT_EDITMSG message"],
        "hook post-commit": ["cardigan hook post-commit     # after a plain git commit of cards"],
        "hook pre-push": ["git push      # .git/hooks/pre-push runs 'cardigan hook pre-push'"],
        "hook diff-driver": ["git diff cards/churn.yaml     # git runs it: git config diff.cardigan.command"],
        "hook textconv": ["git log -p cards/churn.yaml   # git runs it: git config diff.cardigan.textconv"],
        "hook pre-receive": ["git push      # the server's pre-receive hook runs it"],
        "export": [
            "cardigan export customer-churn --format html -o customer-churn.html",
            "cardigan export customer-churn --format sagemaker > content.json",
            "cardigan export customer-churn --format pdf --working-tree -o preview.pdf",
        ],
        "import": ["cardigan import --from sagemaker content.json --name customer-churn-copy"],
        "site": [
            "cardigan site -o site/             # open site/index.html",
            "cardigan site -o site/ --registry  # and the versions no card documents",
        ],
        "approve": [
            "cardigan approve customer-churn     # git's user.signingkey",
            "cardigan approve customer-churn --key ~/.ssh/id_ed25519",
            "cardigan approve --policy           # prints the trailer",
        ],
        "registry": [
            "cardigan registry status --format markdown  # drift, undocumented versions",
            "cardigan registry pull customer-churn       # details, as a new version",
            "cardigan registry push --dry-run            # what would be published",
            "cardigan registry scan --clone              # cards for new versions",
        ],
        "registry status": ["cardigan registry status --format github"],
        "registry pull": ["cardigan registry pull customer-churn"],
        "registry push": ["cardigan registry push customer-churn --dry-run"],
        "registry scan": ["cardigan registry scan --clone"],
    ]
}
