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
        "card-name": "A card's name equals its file name",
        "card-file-name": "A card's file name is a valid card name",
        "card-content-size": "A card's content is at most 100,000 characters",
        "yaml11-ambiguous": "A plain value that YAML 1.1 readers such as PyYAML read as another value",
    ]

    /// The description of `ruleID`; schema rules are described by their keyword.
    public static func summary(of ruleID: String) -> String {
        if let summary = summaries[ruleID] { return summary }
        if ruleID.hasPrefix("schema-") {
            return "The card breaks the schema's '\(ruleID.dropFirst("schema-".count))' keyword"
        }
        return ruleID
    }
}
