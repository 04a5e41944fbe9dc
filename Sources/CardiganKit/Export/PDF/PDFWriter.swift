import Crypto
import Foundation

/// A minimal PDF 1.4 writer: pages of content streams, the fonts they use (the standard
/// Helvetica fonts, or TrueType subsets embedded as Type 0 fonts with a `ToUnicode` map), a
/// correct cross-reference table and trailer. No compression and nothing that depends on the
/// clock, so the same input gives the same bytes.
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

    /// The file, with `fonts` as the page resources `/F1` (regular) and `/F2` (bold).
    func data(fonts: PDFFonts = .standard) -> [UInt8] {
        var bodies: [[UInt8]] = []
        func reserve() -> Int {
            bodies.append([])
            return bodies.count
        }
        func set(_ number: Int, _ body: [UInt8]) { bodies[number - 1] = body }
        func set(_ number: Int, _ body: String) { set(number, Array(body.utf8)) }
        func stream(_ dictionary: String, _ data: [UInt8]) -> [UInt8] {
            Array("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
        }

        let catalog = reserve()
        let pagesNode = reserve()
        let info = reserve()
        set(catalog, "<< /Type /Catalog /Pages \(pagesNode) 0 R >>")
        set(info, "<< /Producer (cardigan) /Title \(Self.textString(title)) >>")
        var fontReferences: [String] = []
        for role in [PDFFont.regular, .bold] {
            let number = reserve()
            fontReferences.append("/\(role.rawValue) \(number) 0 R")
            switch fonts.face(role) {
            case .standard:
                set(number, "<< /Type /Font /Subtype /Type1 /BaseFont /\(role.baseFont) /Encoding /WinAnsiEncoding >>")
            case .trueType(let face):
                let glyphs = fonts.glyphText[role] ?? [:]
                let name = Self.subsetTag(face.postScriptName, glyphs: glyphs.keys) + "+" + face.postScriptName
                let cidFont = reserve()
                let descriptor = reserve()
                let program = reserve()
                let toUnicode = reserve()
                set(
                    number,
                    "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
                        + "/DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
                let widths = glyphs.keys.sorted().map { "\($0) [\(Self.number(face.advance($0)))]" }.joined(
                    separator: " ")
                set(
                    cidFont,
                    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
                        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                        + "/FontDescriptor \(descriptor) 0 R /DW \(Self.number(face.advance(0))) /W [\(widths)] "
                        + "/CIDToGIDMap /Identity >>")
                let scale = 1000 / Double(face.unitsPerEm)
                let box = face.boundingBox.map { Self.number(Double($0) * scale) }.joined(separator: " ")
                set(
                    descriptor,
                    "<< /Type /FontDescriptor /FontName /\(name) /Flags 32 /FontBBox [\(box)] /ItalicAngle 0 "
                        + "/Ascent \(Self.number(Double(face.ascent) * scale)) "
                        + "/Descent \(Self.number(Double(face.descent) * scale)) "
                        + "/CapHeight \(Self.number(Double(face.capHeight) * scale)) "
                        + "/StemV \(face.isBold ? 120 : 80) /FontFile2 \(program) 0 R >>")
                let subset = face.subset(Set(glyphs.keys))
                set(program, stream("/Length1 \(subset.count)", subset))
                set(toUnicode, stream("", Array(Self.toUnicode(glyphs).utf8)))
            }
        }
        var kids: [Int] = []
        for content in pages {
            let page = reserve()
            let contents = reserve()
            kids.append(page)
            set(
                page,
                "<< /Type /Page /Parent \(pagesNode) 0 R /MediaBox [0 0 \(Int(Self.pageWidth)) \(Int(Self.pageHeight))] "
                    + "/Resources << /Font << \(fontReferences.joined(separator: " ")) >> >> /Contents \(contents) 0 R >>"
            )
            set(contents, stream("", Array(content.utf8)))
        }
        set(
            pagesNode,
            "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")

        var output: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in bodies.enumerated() {
            offsets.append(output.count)
            output += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let xref = output.count
        var table = "xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table +=
            "trailer\n<< /Size \(offsets.count + 1) /Root \(catalog) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return output + Array(table.utf8)
    }

    /// The `ToUnicode` CMap: each glyph drawn, as the text it stands for (UTF-16BE).
    static func toUnicode(_ glyphs: [UInt16: String]) -> String {
        var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let sorted = glyphs.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: sorted.count, by: 100) {
            let chunk = sorted[start..<min(start + 100, sorted.count)]
            text += "\(chunk.count) beginbfchar\n"
            for (glyph, string) in chunk {
                text +=
                    String(format: "<%04X> <", glyph) + string.utf16.map { String(format: "%04X", $0) }.joined() + ">\n"
            }
            text += "endbfchar\n"
        }
        return text + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    }

    /// Six capital letters that name a subset (PDF 1.4, 5.5.3), from the glyphs it holds, so
    /// the same document always gets the same tag.
    static func subsetTag(_ font: String, glyphs: some Sequence<UInt16>) -> String {
        var key = Array(font.utf8)
        for glyph in glyphs.sorted() { key += [UInt8(glyph >> 8), UInt8(glyph & 0xFF)] }
        return String(SHA256.hash(data: key).prefix(6).map { Character(Unicode.Scalar(65 + $0 % 26)) })
    }

    /// A number with at most two decimals and no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    /// A text string for the information dictionary: UTF-16BE with a byte order mark, in hex.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// A string operand of `Tj` in a standard font: the WinAnsi bytes in hex, so no character
    /// needs escaping.
    static func hexString(_ text: String) -> String {
        "<" + PDFFont.winAnsi(text).map { String(format: "%02X", $0) }.joined() + ">"
    }
}
