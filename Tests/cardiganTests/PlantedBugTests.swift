import CardiganKit
import Foundation
import TestSupport
import Testing

/// The bugs that once passed the whole suite (issue 20's table), each built as a history with
/// the git CLI and asserted by exact rule id at its commit, beside the honest twin.
@Suite struct PlantedBugTests {
    /// The digest cardigan gives `text`.
    private func digest(_ text: String) throws -> String {
        let root = try #require(SafeYAMLLoader.load(Data(text.utf8), path: "cards/a.yaml").root)
        return CardDigest.of(root)
    }

    /// Writes card `a` as `text` and commits it with plain git, with the trailers given.
    @discardableResult
    private func plainCommit(_ repo: CardRepo, _ text: String, trailers: [String]) throws -> String {
        try repo.write("cards/a.yaml", text)
        try repo.git("add", "cards/a.yaml")
        try repo.git("commit", "-q", "-m", "by hand\n\n" + trailers.joined(separator: "\n"))
        return try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func trailers(version: Int, digest: String, status: String = "Draft") -> [String] {
        [
            "Card: a", "Card-Version: \(version)", "Card-Digest: \(digest)", "Card-Status: \(status)",
            "Card-Change: version",
        ]
    }

    /// verify's findings as `rule@commit`, and its exit status.
    private func verify(_ repo: CardRepo) throws -> (status: Int32, found: [String]) {
        let result = try repo.cardigan("verify", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        return (
            result.status,
            findings.map { "\($0["rule"] as? String ?? "?")@\(($0["commit"] as? String).map { String($0) } ?? "-")" }
        )
    }

    @Test func aSkippedVersionNumberIsAVersionSequenceFinding() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.cardigan("commit", "-m", "a").checked()
        let text = CardRepo.card("a", description: "Three.")
        let skipped = try plainCommit(repo, text, trailers: trailers(version: 3, digest: try digest(text)))
        let result = try verify(repo)
        #expect(result.status == 1)
        #expect(result.found.contains("version-sequence@\(skipped)"), "\(result.found)")
        // The honest twin: version 2, with its tag, passes.
        let honest = try CardRepo()
        try honest.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try honest.cardigan("commit", "-m", "a").checked()
        try honest.edit("cards/a.yaml", replacing: "One.", with: "Three.")
        try honest.cardigan("commit", "-m", "a v2").checked()
        #expect(try verify(honest) == (0, []))
    }

    @Test func aWrongDigestInTheTrailersIsARecordMismatch() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.cardigan("commit", "-m", "a").checked()
        let text = CardRepo.card("a", description: "Two.")
        let wrong = try plainCommit(
            repo, text, trailers: trailers(version: 2, digest: "sha256:" + String(repeating: "0", count: 64)))
        #expect(try verify(repo).found.contains("record-mismatch@\(wrong)"))
        #expect(try verify(repo).status == 1)
    }

    @Test func aWrongDigestInAVersionTagIsAVersionTagMismatch() throws {
        let repo = try CardRepo.withTwoCards()
        let commit = try repo.git("rev-parse", "cards/a/v2^{commit}").trimmingCharacters(in: .whitespacesAndNewlines)
        let message = try repo.git("tag", "-l", "--format=%(contents)", "cards/a/v2")
        let forged = message.replacingOccurrences(
            of: #"Card-Digest: sha256:[0-9a-f]+"#, with: "Card-Digest: sha256:" + String(repeating: "1", count: 64),
            options: .regularExpression)
        #expect(forged != message)
        try repo.git("tag", "-f", "-a", "-m", forged, "cards/a/v2", commit)
        let result = try verify(repo)
        #expect(result.status == 1)
        #expect(result.found == ["version-tag-mismatch@\(commit)"], "\(result.found)")
    }

    @Test func aVersionBornApprovedIsAStatusMove() throws {
        let repo = try CardRepo()
        try repo.write("notes.txt", "n\n")
        try repo.git("add", "notes.txt")
        try repo.git("commit", "-qm", "start")
        let text = CardRepo.card("a", status: "Approved")
        let born = try plainCommit(
            repo, text, trailers: trailers(version: 1, digest: try digest(text), status: "Approved"))
        let result = try verify(repo)
        #expect(result.found.contains("status-move@\(born)"), "\(result.found)")
        #expect(result.status == 1)
    }

    @Test func anArchivedCardCannotBeEditedEitherWay() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a", description: "One."))
        try repo.cardigan("commit", "-m", "a").checked()
        for status in ["PendingReview", "Approved", "Archived"] {
            try repo.cardigan("status", "a", status).checked()
        }
        try repo.edit("cards/a.yaml", replacing: "One.", with: "Two.")
        let refused = try repo.cardigan("commit", "-m", "edit an archived card")
        #expect(refused.status == 1)
        #expect(
            refused.output.contains("cards/a.yaml: error: card 'a' is archived and changes no more [status-move]"))
        // By hand, with trailers that look right: verify names the commit.
        let text = try repo.read("cards/a.yaml").replacingOccurrences(of: "status: Archived", with: "status: Draft")
        let edited = try plainCommit(repo, text, trailers: trailers(version: 2, digest: try digest(text)))
        #expect(try verify(repo).found.contains("status-move@\(edited)"))
    }

    @Test func theServerRefusesAForgedTagDigestAndDeletingTheBranch() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try clone.cardigan("commit", "-m", "x v2").checked()
        let message = try clone.git("tag", "-l", "--format=%(contents)", "cards/x/v2")
        try clone.git(
            "tag", "-f", "-a", "-m",
            message.replacingOccurrences(
                of: #"Card-Digest: sha256:[0-9a-f]+"#, with: "Card-Digest: sha256:" + String(repeating: "2", count: 64),
                options: .regularExpression), "cards/x/v2", "HEAD")
        let forged = try fixture.push("--follow-tags", "origin", "main")
        #expect(forged.status != 0)
        #expect(forged.error.contains("[version-tag-mismatch]"), "\(forged.error)")
        #expect(try fixture.server.git("tag", "-l", "cards/x/*") == "cards/x/v1\n")
        let deleted = try fixture.push("origin", ":main")
        #expect(deleted.status != 0)
        #expect(
            deleted.error.contains("error: deleting the protected branch 'refs/heads/main' is refused [push-refused]"),
            "\(deleted.error)")
        #expect(try fixture.server.git("rev-parse", "--verify", "-q", "refs/heads/main").isEmpty == false)
    }

    @Test func theRepositorysOwnSchemaIsUsed() throws {
        let repo = try CardRepo()
        let builtIn = try String(
            contentsOfFile: PackagePaths.root + "/templates/model-card.schema.json", encoding: .utf8)
        let own = builtIn.replacingOccurrences(
            of: "\"required\": [\n    \"name\",", with: "\"required\": [\n    \"intended_uses\",\n    \"name\",")
        #expect(own != builtIn)
        try repo.write("schemas/org.json", own)
        let card = CardRepo.card("a").replacingOccurrences(of: "intended_uses:\n  risk_rating: Medium\n", with: "")
        try repo.write("cards/a.yaml", card)
        #expect(try repo.cardigan("validate").status == 0, "the built-in schema does not require intended_uses")
        try repo.write(".cardigan.yaml", "schema: schemas/org.json\n")
        let result = try repo.cardigan("validate")
        #expect(result.status == 1)
        #expect(
            result.output.contains("cards/a.yaml:1:1: error: ") && result.output.contains("[schema-required]"),
            "\(result.output)")
    }

    @Test func aComplexKeyIsRefusedAtItsLine() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a") + "? [x, y]\n: 1\n")
        let result = try repo.cardigan("validate")
        #expect(result.status == 1)
        #expect(
            result.output.contains("cards/a.yaml:8:3: error: ") && result.output.contains("[yaml-complex-key]"),
            "\(result.output)")
    }

    @Test func aPackageVersionLinkedTwiceIsALinkDuplicate() throws {
        let repo = try CardRepo()
        try repo.cardigan("new", "churn", "--template", "full").checked()
        try repo.cardigan("new", "other", "--template", "full").checked()
        try repo.cardigan("commit", "-m", "two cards").checked()
        try repo.cardigan("link", "churn", "--model-package", "churn/1").checked()
        // cardigan refuses the second link, located in the card, by the link rule.
        let refused = try repo.cardigan("link", "other", "--model-package", "churn/1")
        #expect(refused.status == 1)
        #expect(refused.output.contains("[link]") && refused.output.contains("already linked"), "\(refused.output)")
        // By hand: the other card names churn/1 too, with trailers that say so.
        let churn = try repo.read("cards/churn.yaml")
        let details = try #require(churn.range(of: "model_package_details:"))
        let section = String(churn[details.lowerBound...]).split(separator: "\n", omittingEmptySubsequences: false)
        let block = ([section[0]] + section.dropFirst().prefix { $0.hasPrefix(" ") }).joined(separator: "\n")
        var other = try repo.read("cards/other.yaml")
        if let existing = other.range(of: "model_package_details:") {
            let rest = String(other[existing.lowerBound...]).split(separator: "\n", omittingEmptySubsequences: false)
            let old = ([rest[0]] + rest.dropFirst().prefix { $0.hasPrefix(" ") }).joined(separator: "\n")
            other = other.replacingOccurrences(of: old, with: block)
        } else {
            other += block + "\n"
        }
        try repo.write("cards/other.yaml", other)
        let root = try #require(SafeYAMLLoader.load(Data(other.utf8), path: "cards/other.yaml").root)
        try repo.git("add", "cards/other.yaml")
        try repo.git(
            "commit", "-q", "-m",
            "by hand\n\nCard: other\nCard-Version: 2\nCard-Digest: \(CardDigest.of(root))\nCard-Status: Draft\nCard-Change: version\nModel-Package: churn/1"
        )
        let twice = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try verify(repo)
        #expect(result.status == 1)
        #expect(result.found.contains("link-duplicate@\(twice)"), "\(result.found)")
    }

    @Test func theServerRefusesAForgedDigestInATagPushedAlone() throws {
        let fixture = try PushFixture.withCardX()
        let clone = fixture.clone
        // Version 2 on a branch, pushed without its tag; then a tag with another digest, alone.
        try clone.git("checkout", "-q", "-b", "feature")
        try clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try clone.cardigan("commit", "-m", "x v2").checked()
        try clone.git("push", "-q", "origin", "feature")
        let message = try clone.git("tag", "-l", "--format=%(contents)", "cards/x/v2")
        let forgedDigest = "sha256:" + String(repeating: "2", count: 64)
        try clone.git(
            "tag", "-f", "-a", "-m",
            message.replacingOccurrences(
                of: #"Card-Digest: sha256:[0-9a-f]+"#, with: "Card-Digest: " + forgedDigest,
                options: .regularExpression), "cards/x/v2", "HEAD")
        let push = try fixture.push("origin", "cards/x/v2")
        #expect(push.status != 0)
        #expect(
            push.error.contains("tag 'cards/x/v2' has digest \(forgedDigest), but the commit records")
                && push.error.contains("[push-refused]"), "\(push.error)")
        #expect(try fixture.server.git("tag", "-l", "cards/x/*") == "cards/x/v1\n")
    }
}
