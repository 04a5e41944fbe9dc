import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// What a commit reads of each committed card (``PreparedCard/comparedFields(of:path:)``): the
/// model name and the whole `model_package_details`, pruned from the rest of the card, exactly
/// as the whole tree has them.
@Suite struct PreparedCardTests {
    /// The example cards, and variants whose package details nest lists in mappings in lists,
    /// hold flow collections, quoted and multi-line text, or read whole only (an anchor).
    static func cards() throws -> [(name: String, bytes: [UInt8])] {
        var cards: [(String, [UInt8])] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.exampleCards).sorted() {
            let text = try String(contentsOfFile: PackagePaths.exampleCards + "/" + file, encoding: .utf8)
            cards.append((file, Array(text.utf8)))
        }
        let base = "name: x\nstatus: Draft\nmodel_overview:\n  model_name: \"m-1\"\n  model_owner: o\n"
        let details = [
            "model_package_details:\n  model_package_group_name: g\n  model_package_version: 3\n",
            "model_package_details:\n  model_package_group_name: g\n  source_algorithms:\n    - algorithm_name: a\n      tags: [1, 2.5, {k: v}]\n    - b\n  created_by: {user_profile_name: 'u'}\n  empty: []\n",
            "model_package_details:\n  model_package_description: |\n    two\n    lines\n  model_package_version: 010\n",
            "model_package_details:\n  model_package_group_name: &g g\n",
            "model_package_details: [a, b]\n",
            "model_package_details:\n",
        ]
        for (index, section) in details.enumerated() {
            cards.append(("variant-\(index)", Array((base + section + "intended_uses:\n  risk_rating: Low\n").utf8)))
        }
        return cards
    }

    @Test func comparedFieldsAreThoseOfTheWholeTree() throws {
        var pruned = 0
        for (name, bytes) in try Self.cards() {
            let whole = SafeYAMLLoader.load(bytes: bytes, path: name).root
            let compared = PreparedCard.comparedFields(of: bytes, path: name)
            #expect((whole == nil) == (compared == nil), "\(name)")
            guard let whole, let compared else { continue }
            let wholeDetails = whole["model_package_details"].map { CanonicalJSON.text(of: $0) }
            #expect(compared["model_package_details"].map { CanonicalJSON.text(of: $0) } == wholeDetails, "\(name)")
            #expect(
                compared["model_overview"]?["model_name"]?.stringValue
                    == whole["model_overview"]?["model_name"]?.stringValue, "\(name)")
            #expect(
                compared["model_package_details"]?.position == whole["model_package_details"]?.position, "\(name)")
            if compared["intended_uses"] == nil { pruned += 1 }
        }
        // Every card but the one with an anchor is read pruned, without its other sections.
        #expect(pruned == (try Self.cards().count) - 1)
    }
}
