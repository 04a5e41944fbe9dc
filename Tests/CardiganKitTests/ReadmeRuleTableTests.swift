import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The README's table of findings ("What `verify` checks") lists exactly the rules of
/// ``RuleID``, each with the summary the code gives it, so neither can drift from the other.
@Suite struct ReadmeRuleTableTests {
    /// One row of the table: the id (from its code span) and the summary, unescaped.
    struct Row: Equatable {
        var id: String
        var summary: String
    }

    /// The rows under the header `| rule id | summary | notes |`, up to the first line that is
    /// not a table row.
    static func rows(of readme: String) -> [Row] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(of: "| rule id | summary | notes |") else { return [] }
        return lines[(header + 2)...].prefix { $0.hasPrefix("|") }.compactMap { line in
            let cells = cells(of: line)
            guard cells.count == 3, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else { return nil }
            return Row(id: String(cells[0].dropFirst().dropLast()), summary: cells[1])
        }
    }

    /// The cells of a table row, trimmed, with Markdown's `\|`, `\<` and `\>` unescaped.
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return cells
    }

    /// The table the README should have, in the order of ``RuleID``: schema rules as one row.
    static var expected: [Row] {
        var rows: [Row] = []
        for rule in RuleID.allCases {
            if rule.schemaKeyword != nil {
                if !rows.contains(where: { $0.id == "schema-<keyword>" }) {
                    rows.append(
                        Row(id: "schema-<keyword>", summary: "The card breaks the schema's '<keyword>' keyword"))
                }
            } else {
                rows.append(Row(id: rule.rawValue, summary: rule.summary))
            }
        }
        return rows
    }

    @Test func theReadmeTableIsTheRuleRegistry() throws {
        let readme = try String(contentsOfFile: PackagePaths.root + "/README.md", encoding: .utf8)
        let rows = Self.rows(of: readme)
        #expect(rows.count > 60, "the table was not found or is cut short")
        let expected = Self.expected
        let missing = expected.filter { row in !rows.contains { $0.id == row.id } }.map(\.id)
        let unknown = rows.filter { row in !expected.contains { $0.id == row.id } }.map(\.id)
        #expect(missing.isEmpty, "rules the README's table lacks: \(missing.joined(separator: ", "))")
        #expect(unknown.isEmpty, "rows for no rule: \(unknown.joined(separator: ", "))")
        for row in rows {
            if let rule = expected.first(where: { $0.id == row.id }) {
                #expect(row.summary == rule.summary, "the README's summary of '\(row.id)' differs from RuleID's")
            }
        }
        #expect(rows == expected, "the table's rows are not in RuleID's order")
    }

    @Test func theSchemaRowSaysWhatEverySchemaRuleSays() {
        for keyword in SchemaKeyword.allCases {
            #expect(
                RuleID(keyword).summary
                    == "The card breaks the schema's '<keyword>' keyword".replacingOccurrences(
                        of: "<keyword>", with: keyword.rawValue))
        }
    }

    @Test func cellsAreUnescaped() {
        #expect(Self.cells(of: #"| `a` | cards/\<name\>/v\<N\> | x \| y |"#) == ["`a`", "cards/<name>/v<N>", "x | y"])
    }
}
