/// The two standard Type 1 fonts the PDF uses, with their WinAnsi encoding and glyph widths
/// (from the Adobe font metrics, in thousandths of the font size), so text can be measured
/// and wrapped without embedding a font.
enum PDFFont: String, Sendable {
    case regular = "F1"
    case bold = "F2"

    /// The base font name.
    var baseFont: String { self == .regular ? "Helvetica" : "Helvetica-Bold" }

    /// Widths of the characters 32 to 126.
    private var asciiWidths: [Int] {
        switch self {
        case .regular:
            return [
                278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
                556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
                1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
                667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
                333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
                556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
            ]
        case .bold:
            return [
                278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
                556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
                975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
                667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
                333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
                611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
            ]
        }
    }

    /// The width of one WinAnsi byte; letters outside ASCII are given an average width.
    func width(ofByte byte: UInt8) -> Int {
        if byte >= 32 && byte <= 126 { return asciiWidths[Int(byte) - 32] }
        switch byte {
        case 0x95: return 350  // bullet
        case 0x85, 0x97, 0x89: return 1000  // ellipsis, em dash, per mille
        case 0x91, 0x92, 0x82: return 222
        case 0x93, 0x94, 0x84: return 333
        case 0x96: return 556
        default: return 556
        }
    }

    /// The width of `text` at `size` points.
    func width(_ text: String, size: Double) -> Double {
        Double(PDFFont.winAnsi(text).reduce(0) { $0 + width(ofByte: $1) }) * size / 1000
    }

    /// Characters of Windows-1252 at 0x80...0x9F that are not Latin-1.
    private static let cp1252: [Unicode.Scalar: UInt8] = [
        "\u{20AC}": 0x80, "\u{201A}": 0x82, "\u{0192}": 0x83, "\u{201E}": 0x84, "\u{2026}": 0x85, "\u{2020}": 0x86,
        "\u{2021}": 0x87, "\u{02C6}": 0x88, "\u{2030}": 0x89, "\u{0160}": 0x8A, "\u{2039}": 0x8B, "\u{0152}": 0x8C,
        "\u{017D}": 0x8E, "\u{2018}": 0x91, "\u{2019}": 0x92, "\u{201C}": 0x93, "\u{201D}": 0x94, "\u{2022}": 0x95,
        "\u{2013}": 0x96, "\u{2014}": 0x97, "\u{02DC}": 0x98, "\u{2122}": 0x99, "\u{0161}": 0x9A, "\u{203A}": 0x9B,
        "\u{0153}": 0x9C, "\u{017E}": 0x9E, "\u{0178}": 0x9F,
    ]

    /// `text` in WinAnsi: ASCII and Latin-1 as is, the Windows-1252 extras mapped, tabs as a
    /// space, anything else as `?` (the standard fonts have no other glyphs).
    static func winAnsi(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: bytes.append(0x20)
            case 0x20...0x7E, 0xA0...0xFF: bytes.append(UInt8(scalar.value))
            default: bytes.append(cp1252[scalar] ?? UInt8(ascii: "?"))
            }
        }
        return bytes
    }
}
