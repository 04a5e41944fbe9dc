import Foundation
import Testing

@testable import CardiganKit

/// The snapshot cache must give back exactly what was stored (fields with tabs or newlines
/// flattened to spaces), only for the blobs asked for, and nothing under another schema.
@Suite struct SnapshotCacheTests {
    private func temporaryGitDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cardigan-cache-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func storesAndLoadsSnapshotsForOneSchema() throws {
        let gitDirectory = try temporaryGitDirectory()
        defer { try? FileManager.default.removeItem(atPath: gitDirectory) }
        let valid = CardSnapshot(
            digest: "sha256:ab", status: .approved, name: "churn", modelName: "churn-xgb", modelPackage: "churn/3",
            riskRating: "High", problem: nil)
        let invalid = CardSnapshot(name: "odd\tname", problem: "/status: must be one of\nDraft, Approved")

        var writer = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        #expect(writer.load(only: ["a"]).isEmpty, "nothing stored yet")
        writer.store(["a": valid, "b": invalid])

        var reader = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        let loaded = reader.load(only: ["a", "b", "c"])
        #expect(loaded["a"] == valid)
        #expect(loaded["b"]?.name == "odd name")
        #expect(loaded["b"]?.problem == "/status: must be one of Draft, Approved")
        #expect(loaded["b"]?.digest == nil && loaded["b"]?.status == nil)
        #expect(loaded["c"] == nil)
        #expect(reader.load(only: ["b"]).keys.sorted() == ["b"])

        // Appending keeps what was there.
        reader.store(["c": valid])
        var again = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: true)
        #expect(again.load(only: ["a", "b", "c"]).count == 3)

        var otherSchema = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "two", enabled: true)
        #expect(otherSchema.load(only: ["a"]).isEmpty, "another schema's validity is not this one's")
        var disabled = SnapshotCache(gitDirectory: gitDirectory, schemaFingerprint: "one", enabled: false)
        #expect(disabled.load(only: ["a"]).isEmpty, "--no-cache trusts nothing on disk")
    }
}
