import Foundation

/// Choices for an export beyond its format: the fonts a PDF embeds.
public struct ExportOptions: Sendable {
    /// A TrueType font file for the PDF's text (nil: DejaVu Sans from the system's font
    /// folders, else the standard fonts).
    public var fontPath: String?
    /// A TrueType font file for the PDF's bold text (nil: the bold DejaVu Sans, or `fontPath`).
    public var boldFontPath: String?
    /// The environment fonts are looked up with (`HOME`, `XDG_DATA_HOME`, `XDG_DATA_DIRS`).
    public var environment: [String: String]

    /// Creates options.
    public init(
        fontPath: String? = nil, boldFontPath: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.fontPath = fontPath
        self.boldFontPath = boldFontPath
        self.environment = environment
    }
}

/// An export's bytes and what the user should know about them.
public struct ExportOutput: Sendable {
    /// The file.
    public var bytes: [UInt8]
    /// Warnings, e.g. characters the PDF's fonts have no glyph for.
    public var warnings: [String]
}

extension CardExporter {
    /// The bytes of `source` in `format`, with `options`, and the warnings that go with them.
    public static func render(
        _ source: ExportSource, format: ExportFormat, workspace: Workspace?, options: ExportOptions
    ) throws -> ExportOutput {
        guard format == .pdf else {
            return ExportOutput(bytes: try render(source, format: format, workspace: workspace), warnings: [])
        }
        let fonts = try PDFFonts.load(
            regularPath: options.fontPath, boldPath: options.boldFontPath, environment: options.environment)
        let bytes = CardPDF.render(CardDocument(source), fonts: fonts)
        return ExportOutput(bytes: bytes, warnings: fonts.missingWarning.map { [$0] } ?? [])
    }
}
