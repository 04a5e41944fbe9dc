import CardiganKit
import Foundation
import TestSupport
import Testing

/// Digests moved to RFC 8785 (JCS); versions recorded before, in the legacy form, still verify
/// because each record names its canonical form (no `Card-Canonical` trailer: legacy).
@Suite struct CanonicalFormEndToEndTests {
    /// A card with a number whose text differs between the forms (`1e-05` and `0.00001`).
    static let card =
        CardRepo.card("x")
            + """
            evaluation_details:
              - name: holdout
                metric_groups:
                  - name: binary
                    metric_data:
                      - { name: fpr, type: number, value: 0.00001 }

            """

    /// A repository whose version 1 of card `x` was recorded as cardigan did before RFC 8785:
    /// a digest over the legacy form and no `Card-Canonical` trailer; the tag from the trailers.
    static func legacyRepository(digest: ((ValueNode) -> String)? = nil) throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", card)
        let root = try #require(SafeYAMLLoader.load(Data(card.utf8), path: "cards/x.yaml").root)
        let content = CardDigest.content(of: root)
        let legacy =
            digest?(content)
            ?? "sha256:" + CardDigest.sha256Hex(Data(CanonicalJSON.bytes(of: content, form: .legacy)))
        try repo.git("add", "cards/x.yaml")
        try repo.git(
            "commit", "-qm",
            "First card\n\nCard: x\nCard-Version: 1\nCard-Digest: \(legacy)\nCard-Status: Draft\nCard-Change: version")
        try repo.cardigan("hook", "post-commit").checked()
        return repo
    }

    @Test func aVersionRecordedInTheLegacyFormStillVerifies() throws {
        let repo = try Self.legacyRepository()
        let tag = try repo.git("cat-file", "-p", "cards/x/v1")
        #expect(!tag.contains("Card-Canonical"))
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 0, "\(verify.output)\(verify.error)")

        // A status change of the legacy version is a status commit, not a new version.
        try repo.cardigan("status", "x", "PendingReview").checked()
        #expect(try repo.git("tag", "--list", "cards/*") == "cards/x/v1\n")
        // A content change is version 2, recorded in the RFC 8785 form.
        try repo.edit("cards/x.yaml", replacing: "value: 0.00001", with: "value: 0.00002")
        try repo.cardigan("commit", "-m", "v2").checked()
        let message = try repo.git("log", "-1", "--format=%B")
        #expect(message.contains("Card-Version: 2\n") && message.contains("Card-Canonical: rfc8785"), "\(message)")
        let root = try #require(SafeYAMLLoader.load(Data(try repo.read("cards/x.yaml").utf8), path: "x").root)
        #expect(message.contains("Card-Digest: \(CardDigest.of(root))"))
        #expect(try repo.cardigan("verify").status == 0)
        #expect(try repo.cardigan("verify", "--no-cache").status == 0)
    }

    @Test func aLegacyRecordWithTheNewDigestIsAMismatch() throws {
        // The honest twin: a record without the trailer is checked in the legacy form only.
        let repo = try Self.legacyRepository { CardDigest.of($0) }
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 1)
        #expect(verify.output.contains("[record-mismatch]"), "\(verify.output)")
    }

    @Test func anUnknownCanonicalFormIsReported() throws {
        let repo = try CardRepo()
        try repo.write("cards/x.yaml", Self.card)
        try repo.git("add", "cards/x.yaml")
        try repo.git(
            "commit", "-qm",
            "x\n\nCard: x\nCard-Version: 1\nCard-Digest: sha256:00\nCard-Status: Draft\nCard-Canonical: jcs-2")
        let verify = try repo.cardigan("verify")
        #expect(verify.status == 1)
        #expect(verify.output.contains("unknown canonical form 'jcs-2'"), "\(verify.output)")
    }
}
