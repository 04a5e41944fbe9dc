import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The site reads a card's versions section by section: every version must give exactly the
/// tree a whole reading gives (keys in order, values written the same), and a file that cannot
/// be cut exactly, or that a whole reading refuses, must be read whole.
@Suite struct SiteCardReaderTests {
    private func whole(_ text: String) -> ValueNode? {
        SafeYAMLLoader.load(bytes: Array(text.utf8), path: "cards/x.yaml").root
    }

    private func bundledCards() throws -> [String] {
        try ExportFixtures.cardNames.map {
            try String(contentsOfFile: PackagePaths.exampleCards + "/\($0).yaml", encoding: .utf8)
        }
    }

    @Test func everyVersionIsTheTreeAWholeReadingGives() throws {
        let reader = SiteCardReader()
        for card in try bundledCards() {
            var versions = [card]
            versions.append(card.replacingOccurrences(of: "status: Draft", with: "status: PendingReview"))
            versions.append("# a comment first\n" + card)
            versions.append(card.replacingOccurrences(of: "model_overview:\n", with: "model_overview:  # here\n"))
            // A flow mapping running onto column 1 looks like a section of its own: read whole.
            versions.append(card + "extra: {a: 1,\nb: 2}\n")
            versions.append(card + "extra: {a: 1,\nb: 3}\n")
            for text in versions {
                let expected = try #require(whole(text))
                let read = try #require(reader.root(of: Array(text.utf8), path: "cards/x.yaml"))
                #expect(SectionHTMLMemo.identical(read, expected))
            }
        }
    }

    @Test func aFileAWholeReadingRefusesOrFlagsIsReadWhole() throws {
        let reader = SiteCardReader()
        let card = try #require(try bundledCards().first)
        _ = reader.root(of: Array(card.utf8), path: "cards/x.yaml")  // its sections are known now
        // A repeated key and an unclosed flow sequence are refused; an alias is flagged.
        let refused = [card + "name: again\n", card + "bad: [1\n"]
        for text in refused + [card + "extra: &a 1\nmore: *a\n"] {
            let expected = whole(text)
            let read = reader.root(of: Array(text.utf8), path: "cards/x.yaml")
            #expect((expected == nil) == (read == nil))
            if let expected, let read { #expect(SectionHTMLMemo.identical(read, expected)) }
        }
        for text in refused { #expect(reader.root(of: Array(text.utf8), path: "cards/x.yaml") == nil) }
    }
}
