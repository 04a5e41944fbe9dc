import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// PDF text is the card's text: a TrueType font (DejaVu Sans, from Debian's fonts-dejavu-core,
/// whose licence allows embedding) embedded as a subset with a `ToUnicode` map, checked with
/// poppler's pdftotext and pdffonts and with qpdf; characters the font lacks are warnings.
@Suite struct PDFFontTests {
    static var usable: Bool {
        TestTools.required
            || (TestTools.path("pdftotext") != nil && TestTools.path("pdffonts") != nil
                && TestTools.path("qpdf") != nil
                && PDFFonts.findFont("DejaVuSans.ttf", environment: ProcessInfo.processInfo.environment) != nil)
    }
    static let reason = "poppler-utils, qpdf or fonts-dejavu-core is not installed (scripts/install-test-tools.sh)"

    /// Text in Latin, Greek, Cyrillic and common symbols, as a card field.
    static let unicodeText = "précision ≥ 0.9 … Ω; Ελληνικά, Русский язык; ∑ √ ≠ ± → € ™ ½ µ"

    /// The example card `name` with its description replaced by `description`.
    static func source(_ name: String, description: String) throws -> ExportSource {
        var root = try ExportFixtures.root(name)
        guard case .object(var members) = root.kind else { return try ExportFixtures.source(name) }
        for index in members.indices where members[index].key == "model_overview" {
            guard case .object(var overview) = members[index].value.kind else { continue }
            for field in overview.indices where overview[field].key == "model_description" {
                overview[field].value = ValueNode(.string(description))
            }
            members[index].value = ValueNode(.object(overview))
        }
        root.kind = .object(members)
        return try ExportFixtures.source(name, root: root)
    }

    /// Writes `bytes` to a file in a new folder and runs `tool` on it.
    static func run(_ tool: String, _ arguments: [String], on bytes: [UInt8]) throws -> ProcessResult {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(bytes).write(to: URL(fileURLWithPath: directory + "/card.pdf"))
        return try ProcessResult.run([try TestTools.require(tool)] + arguments, in: directory)
    }

    @Test(.enabled(if: usable, "\(reason)"))
    func unicodeTextComesBackExactlyFromAnEmbeddedSubset() throws {
        let source = try Self.source("customer-churn", description: Self.unicodeText)
        let output = try CardExporter.render(source, format: .pdf, workspace: nil, options: ExportOptions())
        #expect(output.warnings.isEmpty, "\(output.warnings)")
        let text = try Self.run("pdftotext", ["card.pdf", "-"], on: output.bytes).checked().output
        #expect(text.contains(Self.unicodeText), "\(text.prefix(600))")
        #expect(!text.contains("?"), "a character was replaced")
        let fonts = try Self.run("pdffonts", ["card.pdf"], on: output.bytes).checked().output
        let rows = fonts.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 2, "\(fonts)")
        for row in rows {
            #expect(row.contains("+DejaVuSans") && row.contains("CID TrueType"), "\(row)")
            #expect(row.contains("yes yes yes"), "not embedded, subset and mapped to Unicode: \(row)")
        }
        let check = try Self.run("qpdf", ["--check", "card.pdf"], on: output.bytes)
        #expect(check.status == 0 && check.output.contains("No syntax or stream encoding errors"), "\(check.output)")
        #expect(
            output.bytes
                == (try CardExporter.render(source, format: .pdf, workspace: nil, options: ExportOptions()).bytes))
        let render = try Self.run("pdftoppm", ["-r", "30", "-png", "card.pdf", "page"], on: output.bytes)
        #expect(render.status == 0 && render.error.isEmpty, "pdftoppm: \(render.error)")
    }

    @Test(.enabled(if: usable, "\(reason)"))
    func theExampleCardsHaveAllTheirTextAndReasonableSizes() throws {
        for name in ExportFixtures.cardNames {
            let output = try CardExporter.render(
                try ExportFixtures.source(name), format: .pdf, workspace: nil, options: ExportOptions())
            #expect(output.warnings.isEmpty, "\(name): \(output.warnings)")
            let text = try Self.run("pdftotext", ["card.pdf", "-"], on: output.bytes).checked().output
            let squeezed = text.filter { !$0.isWhitespace }
            for field in ExportFixtures.strings(in: try ExportFixtures.root(name)) {
                for word in field.split(whereSeparator: \.isWhitespace) {
                    #expect(squeezed.contains(word), "\(name): '\(word)' is missing from the PDF")
                }
            }
            #expect(try Self.run("qpdf", ["--check", "card.pdf"], on: output.bytes).status == 0)
            #expect(output.bytes.count < 400_000, "\(name): \(output.bytes.count) bytes")
            print("PDF of \(name): \(output.bytes.count) bytes with DejaVu Sans subsets")
        }
    }

    @Test(.enabled(if: usable, "\(reason)"))
    func charactersTheFontLacksAreNamedInAWarning() throws {
        let source = try Self.source("customer-churn", description: "Ω and 漢字")
        let output = try CardExporter.render(source, format: .pdf, workspace: nil, options: ExportOptions())
        #expect(output.warnings.count == 1)
        #expect(
            output.warnings.first?.contains("no glyph for '字' (U+5B57), '漢' (U+6F22)") == true, "\(output.warnings)")
        // Without any TrueType font, the standard fonts name what they cannot draw.
        let bare = ExportOptions(environment: ["HOME": "/nonexistent", "XDG_DATA_DIRS": "/nonexistent"])
        let standard = try CardExporter.render(source, format: .pdf, workspace: nil, options: bare)
        #expect(standard.warnings.first?.contains("the standard PDF fonts") == true)
        #expect(standard.warnings.first?.contains("'Ω' (U+03A9)") == true, "\(standard.warnings)")
    }

    @Test func aFileThatIsNotATrueTypeFontIsAClearError() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("not a font".utf8).write(to: URL(fileURLWithPath: directory + "/x.ttf"))
        #expect {
            try CardExporter.render(
                try ExportFixtures.source("customer-churn"), format: .pdf, workspace: nil,
                options: ExportOptions(fontPath: directory + "/x.ttf"))
        } throws: { error in
            "\(error)".contains("is not a TrueType font")
        }
    }
}
