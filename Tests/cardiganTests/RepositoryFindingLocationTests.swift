import Foundation
import TestSupport
import Testing

/// A `verify` finding about the repository rather than a card file names the file it concerns,
/// as a compiler does: a tag's or the branch's reference file (or its line of `packed-refs`),
/// or the line of the checkpoint file. Text, JSON and SARIF give the same place.
@Suite struct RepositoryFindingLocationTests {
    private func history() throws -> CardRepo {
        let repo = try CardRepo.withTwoCards()
        #expect(try repo.cardigan("verify").status == 0)
        return repo
    }

    /// The findings of `verify --format json` as (rule, path, line, column).
    private func places(_ repo: CardRepo, _ arguments: String...) throws -> [(String, String?, Int?, Int?)] {
        let result = try repo.repo.run([PackagePaths.cardigan, "verify", "--format", "json"] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return findings.map {
            ($0["rule"] as? String ?? "", $0["path"] as? String, $0["line"] as? Int, $0["column"] as? Int)
        }
    }

    @Test func aTagNameFindingNamesTheTagsReferenceFileOrItsPackedRefsLine() throws {
        let repo = try history()
        try repo.git("tag", "cards/foo")
        let text = try repo.cardigan("verify")
        #expect(text.status == 1)
        #expect(
            text.output.contains(
                ".git/refs/tags/cards/foo: error: tag 'cards/foo' is not a version tag name: version tags are named 'cards/<name>/v<N>' [version-tag-name]"
            ), "\(text.output)")
        #expect(!text.output.split(separator: "\n").contains { $0.hasPrefix("error:") }, "\(text.output)")
        #expect(try places(repo).contains { $0 == ("version-tag-name", ".git/refs/tags/cards/foo", nil, nil) })
        let sarif = try repo.cardigan("verify", "--format", "sarif").output
        #expect(sarif.contains("\"uri\" : \".git/refs/tags/cards/foo\""), "\(sarif)")

        // Packed, the tag is a line of packed-refs: git's own file says which.
        try repo.git("pack-refs", "--all")
        let packed = try String(contentsOfFile: repo.path + "/.git/packed-refs", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(packed.firstIndex { $0.hasSuffix(" refs/tags/cards/foo") }) + 1
        let column = try #require(packed[line - 1].firstIndex(of: " ")).utf16Offset(in: packed[line - 1]) + 2
        let again = try repo.cardigan("verify")
        #expect(
            again.output.contains(
                ".git/packed-refs:\(line):\(column): error: tag 'cards/foo' is not a version tag name"),
            "\(again.output)")
        #expect(try places(repo).contains { $0 == ("version-tag-name", ".git/packed-refs", line, column) })
    }

    @Test func aMalformedRecordNamesTheBranchsReference() throws {
        let repo = try history()
        try repo.git("commit", "-q", "--allow-empty", "-m", "hand-made\n\nCard: a\nCard-Version: zz")
        let commit = try repo.git("rev-parse", "--short=12", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try repo.cardigan("verify")
        #expect(
            text.output.contains(
                ".git/refs/heads/main: error: the trailers of card 'a' have no valid 'Card-Version' (commit \(commit)) [record-malformed]"
            ), "\(text.output)")
        #expect(try places(repo).contains { $0 == ("record-malformed", ".git/refs/heads/main", nil, nil) })
    }

    @Test func aCheckpointFindingNamesTheCheckpointsLine() throws {
        let repo = try history()
        let outside = try ScratchRepository()
        let checkpoint = outside.path + "/release.checkpoint"
        try repo.cardigan("checkpoint", "-o", checkpoint).checked()
        let lines = try String(contentsOfFile: checkpoint, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let tagLine = try #require(lines.firstIndex { $0.hasPrefix("tag refs/tags/cards/a/v1 ") }) + 1
        let branchLine = try #require(lines.firstIndex { $0.hasPrefix("branch refs/heads/main ") }) + 1
        // The twin: an intact repository has nothing to say about its checkpoint.
        #expect(try repo.cardigan("verify", "--checkpoint", checkpoint).status == 0)

        try repo.git("tag", "-d", "cards/a/v1")
        try repo.git("branch", "feature")
        let text = try repo.cardigan("verify", "--checkpoint", checkpoint, "--branch", "feature")
        #expect(
            text.output.contains(
                "\(checkpoint):\(tagLine):1: error: tag 'cards/a/v1' recorded in the checkpoint is gone [checkpoint-tag]"
            ),
            "\(text.output)")
        #expect(
            text.output.contains(
                "\(checkpoint):\(branchLine):1: warning: the checkpoint was written for 'refs/heads/main', not 'refs/heads/feature' [checkpoint]"
            ), "\(text.output)")
        let found = try places(repo, "--checkpoint", checkpoint, "--branch", "feature")
        #expect(found.contains { $0 == ("checkpoint-tag", checkpoint, tagLine, 1) }, "\(found)")
        #expect(found.allSatisfy { $0.1 != nil }, "every finding is placed: \(found)")
    }
}
