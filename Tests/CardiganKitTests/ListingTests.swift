import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// `list` names the files of the cards folder that are not cards from its own reading of the
/// branch's cards tree, and scans the working tree's folder only when its listing shows a
/// `.yaml` name that is not a card name (issue 18, goal 6: the second tree reading and an
/// `lstat` per file were a quarter of `list`'s instructions at 10,000 cards).
@Suite struct ListingTests {
    private static func card(_ name: String) -> String {
        "name: \(name)\nstatus: Draft\nmodel_overview:\n  model_name: \(name)\n  model_description: A card.\n"
            + "intended_uses:\n  risk_rating: Low\n"
    }

    @Test func theFolderIsScannedOnlyWhenAYamlNameIsNotACardName() throws {
        let scratch = try ScratchRepository()
        let folder = scratch.path + "/cards"
        #expect(!CardStore.mayHoldMisnamedFile(folder))  // no folder
        for name in ["a", "b-2", "con1"] { try scratch.write("cards/\(name).yaml", Self.card(name)) }
        for other in ["README.md", ".gitkeep", "notes.yml", "x.yaml~"] { try scratch.write("cards/" + other, "x") }
        #expect(!CardStore.mayHoldMisnamedFile(folder))
        for misnamed in ["Big.yaml", "a--b.yaml", ".yaml", "con.yaml", "caf\u{E9}.yaml", ".x.yaml"] {
            try scratch.write("cards/" + misnamed, "x")
            #expect(CardStore.mayHoldMisnamedFile(folder), "\(misnamed)")
            try FileManager.default.removeItem(atPath: folder + "/" + misnamed)
        }
        #expect(!CardStore.mayHoldMisnamedFile(folder))
        try FileManager.default.removeItem(atPath: folder)
        try scratch.write("cards", "not a folder")
        #expect(CardStore.mayHoldMisnamedFile(folder))  // the scan says why it cannot read it
    }

    @Test func theListingNamesWhatTheFullScanNames() throws {
        let scratch = try ScratchRepository()
        try scratch.write("cards/good.yaml", Self.card("good"))
        let store = try scratch.openedStore()
        #expect(try store.commit(names: [], message: "v1").findings.isEmpty)
        try scratch.write("cards/Committed.yaml", Self.card("x"))
        try scratch.git("add", "cards/Committed.yaml")
        try scratch.git("commit", "-q", "-m", "a misnamed file")
        let committedOnly = try store.listing()
        #expect(committedOnly.cards.map(\.name) == ["good"])
        #expect(try store.misnamedCardFiles(alongside: committedOnly).map(\.path) == ["cards/Committed.yaml"])
        try scratch.write("cards/Working Tree.yaml", Self.card("y"))
        let listing = try store.listing()
        let expected = ["cards/Committed.yaml", "cards/Working Tree.yaml"]
        #expect(try store.misnamedCardFiles(alongside: listing).map(\.path) == expected)
        #expect(try store.misnamedCardFiles().map(\.path) == expected)
        #expect(
            try store.misnamedCardFiles(alongside: listing).map(\.problem)
                == store.misnamedCardFiles().map(\.problem))
    }
}
