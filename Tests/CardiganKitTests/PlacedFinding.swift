@testable import CardiganKit

/// Where a finding landed: its rule, file, field and commit.
struct PlacedFinding: Equatable, Sendable, CustomStringConvertible {
    /// The rule.
    var rule: RuleID
    /// The file, nil when the finding has no location.
    var path: String?
    /// The JSON pointer of the field, nil when the finding has no location.
    var pointer: String?
    /// The commit it is about.
    var commit: String?

    /// The place a test expects.
    init(_ rule: RuleID, path: String?, pointer: String? = "", commit: String?) {
        self.rule = rule
        self.path = path
        self.pointer = pointer
        self.commit = commit
    }

    /// Where `finding` landed.
    init(_ finding: Finding) {
        self.init(
            finding.ruleID, path: finding.location?.path, pointer: finding.location?.pointer, commit: finding.commit)
    }

    var description: String { "\(rule.rawValue) at \(path ?? "-")#\(pointer ?? "-") in \(commit ?? "-")" }
}
