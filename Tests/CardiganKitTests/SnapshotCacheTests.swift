import Foundation
import Testing

@testable import CardiganKit

/// The snapshot cache must give back exactly what was stored (tabs and line breaks too), only
/// for the blobs asked for, nothing under another schema, and nothing at all from a file that
/// does not add up.
@Suite struct SnapshotCacheTests {
    private func temporaryGitDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-cache-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A blob id made of one repeated byte.
    private func blob(_ byte: String) -> String { String(repeating: byte, count: 20) }

    private let valid = CardSnapshot(
        digest: "sha256:ab", status: .approved, name: "churn", modelName: "churn-xgb", modelPackage: "churn/3",
        riskRating: "High", problem: nil, legacyDigest: "sha256:cd", packageDetails: "sha256:ef",
        packageApproval: "Approved", packageARN: "arn:aws:sagemaker:eu-west-1:1:model-package/churn/3")
    private let invalid = CardSnapshot(name: "odd\tname", problem: "/status: must be one of\nDraft, Approved")

    @Test func storesAndLoadsSnapshotsForOneSchema() throws {
        let gitDirectory = try temporaryGitDirectory()
        defer { try? FileManager.default.removeItem(atPath: gitDirectory) }
        let (a, b, c) = (blob("0a"), blob("0b"), blob("0c"))

        var writer = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        #expect(writer.load(only: [a]).isEmpty, "nothing stored yet")
        writer.store([a: valid, b: invalid])

        var reader = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        let loaded = reader.load(only: [a, b, c])
        #expect(loaded[a] == valid)
        #expect(loaded[b] == invalid, "kept exactly, tab and line break included")
        #expect(loaded[c] == nil)
        #expect(reader.load(only: [b]).blobs.sorted() == [b])

        // Appending keeps what was there.
        reader.store([c: valid])
        var again = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        #expect(again.load(only: [a, b, c]) == [a: valid, b: invalid, c: valid])

        var otherSchema = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "two", enabled: true)
        #expect(otherSchema.load(only: [a]).isEmpty, "another schema's validity is not this one's")
        var disabled = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: false)
        #expect(disabled.load(only: [a]).isEmpty, "--no-cache trusts nothing on disk")
    }

    /// A card's versions share most fields; each one read back is still its own snapshot.
    @Test func versionsOfOneCardComeBackEachAsStored() throws {
        let gitDirectory = try temporaryGitDirectory()
        defer { try? FileManager.default.removeItem(atPath: gitDirectory) }
        var versions = SnapshotSet()
        for index in 0..<6 {
            var snapshot = valid
            snapshot.digest = "sha256:\(index)"
            snapshot.status = index % 2 == 0 ? .draft : nil
            snapshot.packageARN = index == 3 ? nil : valid.packageARN
            snapshot.riskRating = index == 4 ? "Low" : valid.riskRating
            versions[blob(String(format: "%02x", index))] = snapshot
        }
        versions[blob("ff")] = invalid
        SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true).store(versions)
        var reader = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        #expect(reader.load(only: Set(versions.blobs)) == versions)
    }

    @Test func aTruncatedOrEditedFileIsIgnoredWhole() throws {
        let gitDirectory = try temporaryGitDirectory()
        defer { try? FileManager.default.removeItem(atPath: gitDirectory) }
        let (a, b) = (blob("0a"), blob("0b"))
        var writer = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        _ = writer.load(only: [a, b])
        writer.store([a: valid, b: invalid])
        let original = try #require(FileManager.default.contents(atPath: writer.path))
        var edited = [UInt8](original)
        edited[edited.count - 3] ^= 0x01  // one byte of the last record's last text
        for damaged in [Data(original.prefix(original.count - 7)), Data(edited), Data("garbage".utf8)] {
            try damaged.write(to: URL(fileURLWithPath: writer.path))
            var reader = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
            #expect(reader.load(only: [a, b]).isEmpty, "nothing believed from a file that does not add up")
            reader.store([a: valid])
            var rewritten = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
            #expect(rewritten.load(only: [a, b]) == [a: valid], "written anew, the damaged records dropped")
        }
    }
}

/// ``SnapshotSet`` answers as the dictionary it replaced: a blob's snapshot, replaced when set
/// again, sets equal by their contents whatever their order, and a union that keeps the other's.
@Suite struct SnapshotSetTests {
    private let draft = CardSnapshot(digest: "sha256:1", status: .draft, name: "a")
    private let approved = CardSnapshot(digest: "sha256:2", status: .approved, name: "a")

    @Test func answersAsADictionaryOfSnapshots() {
        var set: SnapshotSet = ["b1": draft, "b2": approved]
        #expect(set.count == 2 && set["b1"] == draft && set["b2"] == approved && set["b3"] == nil)
        set["b1"] = approved
        #expect(set.count == 2 && set["b1"] == approved, "set again: replaced, not added")
        #expect(set == ["b2": approved, "b1": approved])
        #expect(set != ["b2": approved, "b1": draft])
        #expect(set != ["b2": approved])
        var other: SnapshotSet = ["b2": draft, "b4": draft]
        other.add(set)
        #expect(other == ["b1": approved, "b2": approved, "b4": draft], "the added set's snapshot is kept")
        #expect(Set(other.entries.map(\.blob)) == ["b1", "b2", "b4"] && Set(other.blobs) == ["b1", "b2", "b4"])
    }
}
