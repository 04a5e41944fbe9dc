import Foundation
import Testing

@testable import CardiganKit

/// The export trims card texts itself; it must trim exactly what Foundation's
/// `whitespacesAndNewlines` trims.
@Suite struct TextTrimTests {
    @Test func trimsTheScalarsFoundationTrims() {
        let set = CharacterSet.whitespacesAndNewlines
        for value in UInt32(0)..<0x30000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(CardDocument.isTrimmed(scalar) == set.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimsWhatFoundationTrims() {
        let spaces = [" ", "\t", "\n", "\r\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}", "\u{200B}", ""]
        let cores = ["", "a", "a b", "e\u{301}", "\u{301}x", "tab\tinside", "👩‍👩‍👧", "line\nbreak"]
        for lead in spaces {
            for core in cores {
                for trail in spaces {
                    let text = lead + core + trail
                    #expect(
                        CardDocument.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "\(Array(text.unicodeScalars))")
                }
            }
        }
    }
}
