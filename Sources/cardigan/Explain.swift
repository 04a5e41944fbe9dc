import ArgumentParser
import CardiganKit

extension CardiganCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "explain",
            abstract: "What a rule checks, why, and how to fix what it reports; every rule when none is named.",
            discussion: Examples.of("explain"))

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The rule id a finding printed, e.g. version-tag-missing.", valueName: "rule-id"))
        var rule: String?

        @Option(help: QueryFormat.formatHelp())
        var format: QueryFormat = .text

        func run() throws {
            let rules = try rule.map { [try RuleExplanation.rule(named: $0)] }
            switch format {
            case .json: write(try RuleExplanation.json(of: rules ?? RuleID.allCases))
            case .text: write(rules?.first.map(RuleExplanation.text(of:)) ?? RuleExplanation.listText())
            }
        }
    }
}
