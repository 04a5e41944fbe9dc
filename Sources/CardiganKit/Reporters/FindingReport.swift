/// What a check produced, ready to print: every finding and how many files were checked.
public struct FindingReport: Sendable {
    /// Every finding, sorted.
    public var findings: [Finding]
    /// How many files (cards) were checked.
    public var checkedCount: Int
    /// The paths that were checked, for formats that list them.
    public var checkedPaths: [String]

    /// What was checked, when it is not cards (`verify` checks commits, versions and tags).
    public var subject: String?

    /// What was counted as checked: the cards (`cards`, whenever paths are given), or what ``init(findings:counted:)``
    /// names (`commits`, `versions`, …); empty for a report of a subject that counts nothing.
    public var counts: [CheckedCount]

    /// Creates a report; findings are sorted. `subject` replaces "N cards" in the summary.
    public init(findings: [Finding], checkedPaths: [String], subject: String? = nil) {
        self.findings = findings.sorted()
        self.checkedCount = checkedPaths.count
        self.checkedPaths = checkedPaths
        self.subject = subject
        let countsCards = subject == nil || !checkedPaths.isEmpty
        self.counts = countsCards ? [CheckedCount(checkedPaths.count, "card", key: "cards")] : []
    }

    /// A report of what is not cards, counted: `counted` makes the summary's subject
    /// (`8 commits and 1 changed card`) and the JSON summary's counts.
    public init(findings: [Finding], counted: [CheckedCount]) {
        let texts = counted.map(\.text)
        let subject =
            texts.count == 2 ? texts.joined(separator: " and ") : texts.joined(separator: ", ")
        self.init(findings: findings, checkedPaths: [], subject: subject)
        self.counts = counted
    }

    /// The headline count: the cards checked, or the first thing counted (the commits read by
    /// `verify` and `check`); 0 when nothing was counted.
    public var checked: Int { counts.first?.count ?? 0 }

    /// The report with every warning made an error (`--strict`).
    public func treatingWarningsAsErrors() -> FindingReport {
        var report = self
        report.findings = findings.map { finding in
            var finding = finding
            if finding.severity == .warning { finding.severity = .error }
            return finding
        }
        return report
    }

    /// The number of error findings.
    public var errorCount: Int { findings.errorCount }
    /// The number of warning findings.
    public var warningCount: Int { findings.count { $0.severity == .warning } }
    /// The number of distinct files with at least one error.
    public var filesWithErrors: Int {
        Set(findings.filter { $0.severity == .error }.map { $0.location?.path ?? "" }).count
    }

    /// The one-line summary: `3 errors in 2 of 40 cards`, `no errors in 40 cards`.
    public var summary: String {
        let cards = checkedCount == 1 ? "card" : "cards"
        var parts: [String] = []
        if errorCount > 0 { parts.append(plural(errorCount, "error")) }
        if warningCount > 0 { parts.append(plural(warningCount, "warning")) }
        if let subject { return (parts.isEmpty ? "no errors" : parts.joined(separator: ", ")) + " in " + subject }
        if parts.isEmpty { return "no errors in \(checkedCount) \(cards)" }
        let affected = Set(findings.filter { $0.severity != .note }.map { $0.location?.path ?? "" }).count
        return "\(parts.joined(separator: ", ")) in \(affected) of \(checkedCount) \(cards)"
    }

    private func plural(_ count: Int, _ word: String) -> String { Counted.text(count, word) }
}

/// The output formats of commands that report findings.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, markdown, gitlab

    /// Whether the format's file paths are resolved by a host against the repository root
    /// (workflow annotations, code-scanning logs), so they must be relative to it, not to the
    /// folder cardigan runs in.
    public var pathsFromRoot: Bool { self == .github || self == .sarif || self == .gitlab }

    /// The reporter for this format of `command`'s report (the JSON envelope names it).
    public func reporter(for command: String, useColor: Bool = false) -> any FindingReporter {
        switch self {
        case .text: return TextReporter(useColor: useColor)
        case .json: return JSONReporter(command: command)
        case .github: return GitHubReporter()
        case .sarif: return SARIFReporter()
        case .markdown: return MarkdownReporter()
        case .gitlab: return GitLabReporter()
        }
    }
}

/// Renders a report in one output format.
public protocol FindingReporter: Sendable {
    /// The whole output for `report`, ending with a newline. Only JSON can throw: when a value
    /// cannot be encoded.
    func render(_ report: FindingReport) throws -> String
}

extension Finding {
    /// The message as every report that writes one line of text prints it: with the finding's
    /// commit after it, `… (commit 1f0c2a9e41b7)`, the one place a finding names its own commit
    /// (messages never repeat it; other commits they name are written the same way).
    public var messageWithCommit: String {
        commit.map { message + " (commit \($0.prefix(12)))" } ?? message
    }
}
