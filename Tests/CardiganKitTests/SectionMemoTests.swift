import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Reading cards section by section (what `verify` does on a fresh clone) must give exactly the
/// snapshot a whole reading gives, and must read whole every file whose layout makes the cut
/// unsafe.
@Suite struct SectionMemoTests {
    private let validator: CardValidator

    init() throws {
        validator = CardValidator(schema: try Workspace.builtInSchema())
    }

    private func bundledCards() throws -> [String] {
        let folder = PackagePaths.exampleCards
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    }

    /// The whole reading and the sectioned one of `text` through `memo`; `sectioned` is nil
    /// when the memo declined and the file was read whole.
    private func read(_ text: String, _ memo: SectionMemo) -> (whole: CardSnapshot, sectioned: CardSnapshot?) {
        let bytes = Array(text.utf8)
        return (
            CardSnapshot.read(bytes, validator: validator, path: "x"), memo.snapshot(of: bytes, validator: validator)
        )
    }

    @Test func givesTheWholeReadingsSnapshotForEveryVersion() throws {
        let memo = SectionMemo()
        var sectioned = 0
        for card in try bundledCards() {
            var text = card
            for round in 0..<12 {
                // Versions as people make them: a status, a description, comments above and
                // inside a section, and one version that is not valid.
                switch round % 6 {
                case 0: text = text.replacingOccurrences(of: "status: Draft", with: "status: PendingReview")
                case 1:
                    text = text.replacingOccurrences(
                        of: "model_description: ", with: "model_description: Round \(round). ")
                case 2: text = "# reviewed in round \(round)\n" + text
                case 3:
                    text = text.replacingOccurrences(
                        of: "\nintended_uses:\n", with: "\nintended_uses:\n  # round \(round)\n")
                case 4: text = text.replacing(#/(?m)^status: \w+$/#, with: "status: Finished")
                default: text = text.replacingOccurrences(of: "status: Finished", with: "status: Draft")
                }
                let (whole, memoRead) = read(text, memo)
                if let memoRead {
                    sectioned += 1
                    #expect(memoRead == whole, "round \(round)")
                } else {
                    #expect(whole.problem != nil, "only an invalid card is read whole here (round \(round))")
                }
                // The same file again: every section comes from memory.
                if let again = read(text, memo).sectioned { #expect(again == whole) }
            }
        }
        #expect(sectioned >= 30, "every valid version was read section by section: \(sectioned)")
    }

    /// A memo that forgets what the last cards did not use (what keeps `verify`'s memory flat on
    /// a large history) holds only those cards' sections, and reads a forgotten card again to
    /// the same snapshot.
    @Test func forgetsSectionsUnusedForSomeEpochsAndReadsThemAgainAlike() throws {
        let memo = SectionMemo()
        let cards = try bundledCards()
        let first = try #require(cards.first)
        let (whole, before) = read(first, memo)
        #expect(before == whole)
        let held = memo.count
        #expect(held > 1)
        memo.forget(unusedFor: 2)  // used in the epoch just ended: kept
        #expect(memo.count == held)
        memo.forget(unusedFor: 2)
        #expect(memo.count == held, "still within two epochs")
        memo.forget(unusedFor: 2)
        #expect(memo.count == 0, "unused for two whole epochs: forgotten")
        #expect(read(first, memo).sectioned == whole, "parsed again, to the same snapshot")
        #expect(memo.count == held)
        // A section used in every epoch stays while the others go.
        for _ in 0..<3 {
            _ = read("name: only\n", memo)
            memo.forget(unusedFor: 2)
        }
        #expect(memo.count == 1)
    }

    /// Layouts where reading a section alone could differ from reading it in place: the memo
    /// must decline each one (and the whole reading then decides).
    @Test(arguments: [
        ("quoted text onto column 1", "name: a\nstatus: \"Draft\nb: c\"\n"),
        ("flow mapping onto a key line", "name: a\nstatus: Draft\nmodel_overview: {model_name: m,\nb: c}\n"),
        ("flow sequence onto column 1", "name: a\nstatus: Draft\nlist: [1,\n2]\n"),
        ("sequence at column 1", "name: a\nstatus: Draft\nitems:\n- a\n- b\n"),
        ("document marker", "---\nname: a\nstatus: Draft\n"),
        ("second document", "name: a\nstatus: Draft\n---\nname: b\n"),
        ("windows line ends", "name: a\r\nstatus: Draft\r\n"),
        ("byte order mark", "\u{FEFF}name: a\nstatus: Draft\n"),
        ("key repeated in two sections", "name: a\nstatus: Draft\nname: b\n"),
        ("anchor", "name: &n a\nstatus: Draft\n"),
        ("tab at column 1", "name: a\n\tstatus: Draft\n"),
        ("indented text before the first key", "  stray: text\nname: a\n"),
        ("explicit key", "? name\n: a\n"),
        ("quoted key", "\"name\": a\nstatus: Draft\n"),
        ("key with a tag", "name: !!str a\nstatus: Draft\n"),
        ("not valid", "name: a\nstatus: Finished\nmodel_overview:\n  model_name: m\n"),
        // libyaml also breaks lines at NEL, LS and PS: behind one, `...` ends the document early
        // and `%TAG` redefines `!!` for later sections (found by a review, each once accepted).
        (
            "document end behind LS",
            "name: my-card\n# note\u{2028}...\nstatus: Draft\nmodel_overview:\n  model_name: m\n"
        ),
        (
            "document end behind PS",
            "name: my-card\n# note\u{2029}...\nstatus: Draft\nmodel_overview:\n  model_name: m\n"
        ),
        (
            "document end behind NEL",
            "name: my-card\n# note\u{85}...\nstatus: Draft\nmodel_overview:\n  model_name: m\n"
        ),
        (
            "tag directive behind LS",
            "# x\u{2028}%TAG !! tag:example.com,2000:\u{2028}---\nname: my-card\nstatus: Draft\nmodel_overview:\n  model_name: !!str 'm'\n"
        ),
    ])
    func declinesLayoutsItCannotCutExactly(_ label: String, _ text: String) {
        let memo = SectionMemo()
        let (whole, sectioned) = read(text, memo)
        #expect(sectioned == nil, "\(label): \(String(describing: sectioned)) against \(whole)")
    }

    /// With a schema that accepts anything, a file without a single key is still no card.
    @Test func declinesAFileWithoutKeys() throws {
        let anything = CardValidator(schema: try JSONSchema(ValueNode(.object([]))))
        for text in ["", "# only a comment\n", "\n\n  # x\n"] {
            let bytes = Array(text.utf8)
            #expect(SectionMemo().snapshot(of: bytes, validator: anything) == nil, "\(text.debugDescription)")
            #expect(CardSnapshot.read(bytes, validator: anything, path: "x").problem == "the file holds no card")
        }
    }

    @Test func sectionsCoverTheWholeFile() throws {
        let text =
            "# a comment first\n\nname: a\n# between\nstatus: Draft\nmodel_overview:\n  model_name: m\n\n  # inside\n"
        let bytes = Array(text.utf8)
        let ranges = try #require(SectionMemo.sectionRanges(in: bytes))
        #expect(ranges.map(\.key) == ["name", "status", "model_overview"])
        #expect(ranges.first?.bytes.lowerBound == 0, "comments before the first key go with it")
        #expect(ranges.last?.bytes.upperBound == bytes.count)
        for (earlier, later) in zip(ranges, ranges.dropFirst()) {
            #expect(earlier.bytes.upperBound == later.bytes.lowerBound)
        }
        #expect(String(decoding: bytes[ranges[1].bytes], as: UTF8.self) == "status: Draft\n")
    }
}
