import CardiganKit
import Foundation
import TestSupport
import Testing

/// `--format` help is built from each format enum: every format a command accepts is listed,
/// in the enum's order, so a new one cannot be left out of the help.
@Suite struct FormatHelpTests {
    private func help(_ command: [String]) throws -> String {
        let output = try ProcessResult.run([PackagePaths.cardigan] + command + ["--help"], in: NSTemporaryDirectory())
            .checked().output
        // argument-parser wraps long help lines: read the option's text as one line.
        let text = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        guard let start = text.range(of: "--format <format>", options: .backwards) else { return "" }
        return String(text[start.upperBound...].prefix(200))
    }

    private func listing(_ names: [String]) -> String {
        "Output format: " + names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    @Test func everyCommandListsEveryFormatOfItsEnum() throws {
        let reports = listing(ReportFormat.allCases.map(\.rawValue))
        for command in [["validate"], ["verify"], ["check"], ["registry", "status"]] {
            #expect(try help(command).contains(reports), "\(command)")
        }
        #expect(try help(["export"]).contains(listing(ExportFormat.allCases.map(\.rawValue))))
        #expect(try help(["diff"]).contains("Output format: text, markdown (a pull-request comment) or json."))
        #expect(try help(["show"]).contains("Output format: yaml (the file, with a header) or json."))
        for command in [["log"], ["list"], ["packages"]] {
            #expect(try help(command).contains("Output format: text or json."), "\(command)")
        }
    }
}
