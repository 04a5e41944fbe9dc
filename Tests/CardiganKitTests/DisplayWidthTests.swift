import Testing

@testable import CardiganKit

/// ``DisplayWidth``'s ASCII fast path (issue 18, goal 6: the Unicode property look-ups of every
/// table cell were 38% of `list`'s instructions at 10,000 cards) counts what the grapheme
/// cluster count gives, and the tables built on it keep their layout.
@Suite struct DisplayWidthTests {
    /// Every ASCII character, alone and beside every other (CR LF is one grapheme cluster of
    /// two controls): the fast path answers, and answers what the slow path does.
    @Test func theASCIIFastPathCountsWhatGraphemeClustersCount() {
        let scalars = (0..<128).compactMap(Unicode.Scalar.init)
        var checked = 0
        for first in scalars {
            for second in scalars {
                var text = String(first)
                text.unicodeScalars.append(second)
                let fast = DisplayWidth.asciiColumns(text)
                #expect(fast == DisplayWidth.graphemeColumns(text), "\(first.value) \(second.value)")
                checked += 1
            }
        }
        #expect(checked == 128 * 128)
        #expect(DisplayWidth.asciiColumns("\r\n") == 0 && DisplayWidth.of("credit-risk-00042  v11") == 22)
    }

    /// Text with any other character is counted by grapheme clusters: wide, combining, emoji.
    @Test func otherTextIsCountedByGraphemeClusters() {
        for text in ["山田太郎", "Zoe\u{301}", "a👍", "❤\u{FE0F}", "caf\u{E9}", "\u{200B}x"] {
            #expect(DisplayWidth.asciiColumns(text) == nil, "\(text)")
        }
        #expect(DisplayWidth.of("山田太郎") == 8)
        #expect(DisplayWidth.of("Zoe\u{301}") == 3)
        #expect(DisplayWidth.of("a👍") == 3)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)
        #expect(DisplayWidth.of("\u{200B}x") == 1)
    }

    /// `list`'s table: columns padded by display width, two spaces between them, the last
    /// column not padded, a hazardous character escaped before it is measured.
    @Test func theCardTableLinesUpMixedWidthsAsBefore() {
        let cards = [
            CardSummary(name: "a", version: 12, status: "Approved", riskRating: "高い", modelPackage: "g/1"),
            CardSummary(name: "long-card-name", version: nil, status: nil, riskRating: "Low\u{1B}", modelPackage: nil),
        ]
        #expect(
            HistoryText.cardList(cards) == """
                CARD            VERSION  STATUS    RISK   MODEL PACKAGE
                a               v12      Approved  高い   g/1
                long-card-name  -        -         Low\\e  -

                """)
    }
}
