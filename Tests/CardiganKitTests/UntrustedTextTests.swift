import CardiganKit
import Foundation
import Testing

/// Card text and file names that try to drive a terminal or a renderer: escaped in every output
/// format, cut in messages, and a Markdown rule line kept as text.
@Suite struct UntrustedTextTests {
    static let payload = "\u{1B}[31mred\u{07}\u{01}\u{202E}gnp.exe"

    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            switch $0.value {
            case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }

    @Test(arguments: ["customer-churn", "credit-risk"])
    func exportsEscapeControlCharacters(name: String) throws {
        let root = ExportFixtures.mapStrings(try ExportFixtures.root(name)) { $0 + Self.payload }
        for format in [ExportFormat.html, .markdown, .huggingface] {
            let text = String(decoding: try ExportFixtures.render(name, format, root: root), as: UTF8.self)
            #expect(!Self.hasRawControl(text), "\(format) writes raw control characters")
            #expect(text.contains(#"\e"#) && text.contains(#"\u{202E}"#), "\(format)")
        }
    }

    @Test func findingsAreEscapedInEveryReporterAndValuesCut() throws {
        let long = String(repeating: "x", count: 500)
        let finding = Finding(
            ruleID: .schemaEnum, message: "'\(Self.payload)' is not one of 'High'",
            location: Location(path: "cards/a\nb\u{1B}.yaml", position: SourcePosition(line: 2, column: 3)),
            hint: "did you mean \(Self.payload)?")
        let report = FindingReport(findings: [finding], checkedPaths: ["cards/a\nb\u{1B}.yaml"])
        for format in ReportFormat.allCases {
            let output = try format.reporter(for: "validate", useColor: false).render(report)
            #expect(!Self.hasRawControl(output), "\(format) prints raw control characters: \(output)")
        }
        // Code-scanning logs and code quality reports are shown by a UI after JSON decoding: their
        // messages carry the visible escapes, not JSON-escaped raw characters.
        for format in [ReportFormat.sarif, .gitlab] {
            let output = try format.reporter(for: "validate", useColor: false).render(report)
            #expect(output.contains(#"'\\e[31mred\\u{7}\\u{1}\\u{202E}gnp.exe'"#), "\(format): \(output)")
        }
        let text = TextReporter().render(report)
        #expect(
            text.hasPrefix(#"cards/a\nb\e.yaml:2:3: error: '\e[31mred\u{7}\u{1}\u{202E}gnp.exe' is not one of"#),
            "\(text)")
        // A value quoted in a message is one line and cut.
        let node = ValueNode(.string(long + "\nsecond line"), at: .start)
        #expect(node.displayText == "'" + String(repeating: "x", count: 80) + "… (513 characters)'")
        #expect(!ValueNode(.string("a\nb"), at: .start).displayText.contains("\n"))
    }

    @Test func markdownExportKeepsARuleLineAsText() throws {
        let root = ExportFixtures.mapStrings(try ExportFixtures.root("customer-churn")) {
            $0.hasPrefix("Scores every") ? "A paragraph\n---\nand more" : $0
        }
        let markdown = String(
            decoding: try ExportFixtures.render("customer-churn", .markdown, root: root), as: UTF8.self)
        #expect(
            markdown.contains("A paragraph\n\\---\nand more") || markdown.contains("A paragraph \\--- and more"),
            "\(markdown)")
        #expect(!markdown.contains("\n---\nand more"))
    }
}
