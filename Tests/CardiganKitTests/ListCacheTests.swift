import Foundation
import Testing

@testable import CardiganKit

/// `list`'s cache must give back exactly what was stored (tabs, newlines and backslashes
/// included, nil apart from empty), only for the blobs asked for, and nothing when disabled.
@Suite struct ListCacheTests {
    private func temporaryGitDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-list-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func storesAndLoadsFieldsExactly() throws {
        let gitDirectory = try temporaryGitDirectory()
        defer { try? FileManager.default.removeItem(atPath: gitDirectory) }
        let plain = ListedFields(status: .approved, riskRating: "High", modelPackage: "churn/3")
        let odd = ListedFields(status: nil, riskRating: "a\tb\nc\\t", modelPackage: "")
        let none = ListedFields()

        var writer = ListCache(gitDirectory: gitDirectory, enabled: true)
        #expect(writer.load(only: ["a"]).isEmpty, "nothing stored yet")
        writer.store(["a": plain, "b": odd, "c": none])

        var reader = ListCache(gitDirectory: gitDirectory, enabled: true)
        let loaded = reader.load(only: ["a", "b", "c", "d"])
        #expect(loaded["a"] == plain)
        #expect(loaded["b"] == odd)
        #expect(loaded["b"]?.modelPackage == "", "an empty value is not a missing one")
        #expect(loaded["c"] == none)
        #expect(loaded["d"] == nil)
        #expect(reader.load(only: ["b"]).keys.sorted() == ["b"])

        // A store keeps what the last load was asked for and found, adds what was learned, and
        // drops the rest: the file holds one listing's blobs, however long the history.
        reader.store(["d": plain])
        var again = ListCache(gitDirectory: gitDirectory, enabled: true)
        let kept = again.load(only: ["a", "b", "c", "d"])
        #expect(kept.keys.sorted() == ["b", "d"])
        #expect(kept["b"] == odd && kept["d"] == plain)
        let lines = try String(contentsOfFile: gitDirectory + "/cardigan/list-v1", encoding: .utf8)
        #expect(lines.split(separator: "\n").count == 2, "\(lines)")

        var disabled = ListCache(gitDirectory: gitDirectory, enabled: false)
        #expect(disabled.load(only: ["a"]).isEmpty, "a store that trusts nothing on disk reads no cache")
    }

    @Test func readsTheFieldsASnapshotHolds() throws {
        let card = Array(
            """
            name: churn
            status: Approved
            intended_uses:
              risk_rating: "Low\\tish"
            model_package_details:
              model_package_group_name: churn
              model_package_version: 3
            """.utf8)
        let fields = ListedFields.read(card, path: "churn")
        #expect(fields == ListedFields(CardSnapshot.read(card, validator: nil, path: "churn")))
        #expect(fields == ListedFields(status: .approved, riskRating: "Low\tish", modelPackage: "churn/3"))
        // Not YAML: nothing, as a snapshot has nothing. Not safe YAML (an alias): what a snapshot has.
        let broken = Array("status: Approved\nname: [x\n".utf8)
        #expect(ListedFields.read(broken, path: "x") == ListedFields())
        #expect(ListedFields(CardSnapshot.read(broken, validator: nil, path: "x")) == ListedFields())
        let unsafe = Array("status: &s Approved\nname: *s\n".utf8)
        #expect(
            ListedFields.read(unsafe, path: "x") == ListedFields(CardSnapshot.read(unsafe, validator: nil, path: "x")))
    }

    @Test func readsTheSameSectionBySectionAsWhole() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../cards")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
        #expect(files.count >= 3)
        let sections = SectionMemo()
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            #expect(sections.root(of: bytes) != nil, "\(file.lastPathComponent) is read section by section")
            // Twice: the second reading comes from the memo.
            for _ in 0..<2 {
                #expect(
                    ListedFields.readWhole(bytes, path: "x", sections: sections)
                        == ListedFields.readWhole(bytes, path: "x"))
            }
            #expect(sections.root(of: bytes) == SafeYAMLLoader.load(bytes: bytes, path: "x").root)
        }
        // A repeated key is read whole, as the whole reading refuses it.
        let twice = Array("status: Draft\nname: a\nstatus: Approved\n".utf8)
        #expect(sections.root(of: twice) == nil)
        #expect(
            ListedFields.readWhole(twice, path: "x", sections: sections) == ListedFields.readWhole(twice, path: "x"))
    }
}
