import Foundation

/// The fonts a PDF export draws with, and what it drew: either TrueType fonts embedded as
/// subsets with a `ToUnicode` map (so any character the font has is drawn and extracted as
/// itself), or the standard Helvetica fonts, which hold only WinAnsi characters.
///
/// Each character drawn that the fonts lack is noted in ``missing``, for a warning that names
/// it; it is never replaced in silence.
final class PDFFonts {
    /// One font: a standard Type 1 font or an embedded TrueType font.
    enum Face {
        case standard
        case trueType(TrueTypeFont)
    }

    let regular: Face
    let bold: Face
    /// Characters drawn that the fonts have no glyph for.
    private(set) var missing: Set<Unicode.Scalar> = []
    /// Per font role, the glyphs drawn and the text each stands for.
    private(set) var glyphText: [PDFFont: [UInt16: String]] = [:]

    init(regular: Face, bold: Face) {
        self.regular = regular
        self.bold = bold
    }

    /// The standard Helvetica fonts.
    static var standard: PDFFonts { PDFFonts(regular: .standard, bold: .standard) }

    func face(_ font: PDFFont) -> Face { font == .bold ? bold : regular }

    /// The width of `text` in `font` at `size` points.
    func width(_ text: String, font: PDFFont, size: Double) -> Double {
        guard case .trueType(let face) = face(font) else { return font.width(text, size: size) }
        return Self.scalars(text).reduce(0) { $0 + face.advance(face.glyph(for: $1) ?? 0) } * size / 1000
    }

    /// The string operand of `Tj` for `text` in `font`, noting the glyphs it uses.
    func operand(_ text: String, font: PDFFont) -> String {
        guard case .trueType(let face) = face(font) else {
            for scalar in text.unicodeScalars where scalar != "\t" && PDFFont.winAnsi(String(scalar)) == [0x3F] {
                if scalar != "?" { missing.insert(scalar) }
            }
            return PDFWriter.hexString(text)
        }
        var hex = "<"
        var map = glyphText[font] ?? [:]
        for scalar in Self.scalars(text) {
            let glyph = face.glyph(for: scalar) ?? 0
            if glyph == 0 {
                missing.insert(scalar)
            } else if map[glyph] == nil {
                map[glyph] = String(scalar)
            }
            hex += String(format: "%04X", glyph)
        }
        glyphText[font] = map
        return hex + ">"
    }

    /// The characters of `text` as drawn: a tab as a space, other control characters dropped.
    private static func scalars(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.compactMap { scalar in
            if scalar == "\t" { return " " }
            return scalar.properties.generalCategory == .control ? nil : scalar
        }
    }

    /// The warning for the characters the fonts lack, naming each; nil when none is missing.
    var missingWarning: String? {
        guard !missing.isEmpty else { return nil }
        let named = missing.sorted { $0.value < $1.value }.prefix(20).map {
            "'\($0)' (U+\(String($0.value, radix: 16, uppercase: true).leftPadded(4)))"
        }
        let font: String
        switch regular {
        case .standard: font = "the standard PDF fonts (WinAnsi only; no TrueType font was found)"
        case .trueType(let face): font = "the font \(face.postScriptName)"
        }
        return "\(font) has no glyph for \(named.joined(separator: ", "))\(missing.count > 20 ? " and others" : ""); "
            + "they are drawn as empty boxes or '?'"
    }

    // MARK: Finding fonts

    /// The fonts for a PDF export: `regularPath` and `boldPath` when given (the bold one
    /// defaults to the regular one), else DejaVu Sans from the system's font folders, else the
    /// standard fonts. Throws when a named font cannot be read or embedded.
    static func load(regularPath: String?, boldPath: String?, environment: [String: String]) throws -> PDFFonts {
        func read(_ path: String) throws -> TrueTypeFont {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CardiganError("cannot read the font '\(path)'")
            }
            do {
                return try TrueTypeFont([UInt8](data), name: path)
            } catch let problem as TrueTypeFont.Problem {
                throw CardiganError(problem.description)
            }
        }
        if let regularPath {
            let regular = try read(regularPath)
            let bold = try boldPath.map(read) ?? regular
            return PDFFonts(regular: .trueType(regular), bold: .trueType(bold))
        }
        guard let regularPath = findFont("DejaVuSans.ttf", environment: environment),
            let regular = try? read(regularPath)
        else { return .standard }
        let bold = findFont("DejaVuSans-Bold.ttf", environment: environment).flatMap { try? read($0) } ?? regular
        return PDFFonts(regular: .trueType(regular), bold: .trueType(bold))
    }

    /// `fileName` in the font folders of the XDG base directories (`$XDG_DATA_HOME/fonts`,
    /// `~/.local/share/fonts`, each of `$XDG_DATA_DIRS`, default `/usr/local/share:/usr/share`,
    /// plus `/fonts`), searched one level of family folders deep, as fontconfig lays them out.
    static func findFont(_ fileName: String, environment: [String: String]) -> String? {
        var roots: [String] = []
        if let dataHome = environment["XDG_DATA_HOME"], !dataHome.isEmpty {
            roots.append(dataHome)
        } else if let home = environment["HOME"], !home.isEmpty {
            roots.append(home + "/.local/share")
        }
        let dataDirectories =
            environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        roots += dataDirectories.split(separator: ":").map(String.init)
        let files = FileManager.default
        for root in roots {
            let fonts = root + "/fonts"
            guard let kinds = try? files.contentsOfDirectory(atPath: fonts) else { continue }
            for kind in kinds.sorted() {
                let folder = fonts + "/" + kind
                if kind == fileName { return folder }
                for family in ((try? files.contentsOfDirectory(atPath: folder)) ?? []).sorted() {
                    let candidate = folder + "/" + family + "/" + fileName
                    if files.fileExists(atPath: candidate) { return candidate }
                    if family == fileName { return folder + "/" + family }
                }
            }
        }
        return nil
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
