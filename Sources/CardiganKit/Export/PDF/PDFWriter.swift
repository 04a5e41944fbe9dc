import Foundation

/// A minimal PDF 1.4 writer: pages of content streams using the two standard fonts, with a
/// correct cross-reference table and trailer. No compression, no embedded fonts, nothing that
/// depends on the clock, so the same input gives the same bytes.
struct PDFWriter {
    /// Page size in points (A4).
    static let pageWidth = 595.0
    static let pageHeight = 842.0

    private var pages: [String] = []
    /// The document title for the information dictionary.
    var title = ""

    /// Adds a page whose content stream is `content`.
    mutating func addPage(_ content: String) {
        pages.append(content)
    }

    /// The file.
    func data() -> [UInt8] {
        var output: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        func object(_ body: [UInt8]) {
            offsets.append(output.count)
            output += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        func object(_ body: String) { object(Array(body.utf8)) }
        // 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then a page and its content per page.
        let firstPage = 6
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object("<< /Type /Catalog /Pages 2 0 R >>")
        object("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        for font in [PDFFont.regular, .bold] {
            object("<< /Type /Font /Subtype /Type1 /BaseFont /\(font.baseFont) /Encoding /WinAnsiEncoding >>")
        }
        object("<< /Producer (cardigan) /Title \(Self.textString(title)) >>")
        for (index, content) in pages.enumerated() {
            object(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Int(Self.pageWidth)) \(Int(Self.pageHeight))] "
                    + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>")
            let bytes = Array(content.utf8)
            object(Array("<< /Length \(bytes.count) >>\nstream\n".utf8) + bytes + Array("\nendstream".utf8))
        }
        let xref = output.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R /Info 5 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    /// A text string for the information dictionary: UTF-16BE with a byte order mark, in hex.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// A string operand of `Tj`: the WinAnsi bytes in hex, so no character needs escaping.
    static func hexString(_ text: String) -> String {
        "<" + PDFFont.winAnsi(text).map { String(format: "%02X", $0) }.joined() + ">"
    }
}
