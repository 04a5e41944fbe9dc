import Foundation
import Testing

/// What the server's pre-receive hook refuses beyond `HookEndToEndTests`: a protected branch
/// reset back to an older commit, and a version tag that is right in all but its `Previous:`.
@Suite struct PushRefusalTests {
    /// A server holding `x` v1 and v2, both pushed with their tags.
    static func twoVersions() throws -> PushFixture {
        let fixture = try PushFixture.withCardX()
        try fixture.clone.edit("cards/x.yaml", replacing: "One.", with: "Two.")
        try fixture.clone.cardigan("commit", "-m", "x v2").checked()
        return fixture
    }

    @Test func refusesResettingTheProtectedBranchBack() throws {
        let fixture = try Self.twoVersions()
        try fixture.pushMain()
        let before = try fixture.serverRefs()
        let clone = fixture.clone
        try clone.git("reset", "-q", "--hard", "HEAD~1")
        let push = try fixture.push("--force", "origin", "main")
        #expect(push.status != 0)
        #expect(
            push.error.contains("error: 'refs/heads/main' would move from") && push.error.contains("[push-refused]"),
            "\(push.error)")
        #expect(try fixture.serverRefs() == before)
    }

    @Test func refusesAVersionTagWhosePreviousNamesAnotherObject() throws {
        let fixture = try Self.twoVersions()
        let clone = fixture.clone
        let message = try clone.git("tag", "-l", "--format=%(contents)", "cards/x/v2")
        let previous = try clone.git("rev-parse", "cards/x/v1").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(message.contains("Previous: \(previous)"), "\(message)")
        // The same message naming the commit of v1 instead of its tag object.
        let commit = try clone.git("rev-parse", "cards/x/v1^{commit}").trimmingCharacters(in: .whitespacesAndNewlines)
        let forged = message.replacingOccurrences(of: "Previous: \(previous)", with: "Previous: \(commit)")
        try clone.git("tag", "-f", "-a", "-m", forged, "cards/x/v2", "HEAD")
        let before = try fixture.serverRefs()
        let push = try fixture.push("origin", "cards/x/v2")
        #expect(push.status != 0)
        #expect(
            push.error.contains("tag 'cards/x/v2' names previous tag \(commit.prefix(12))"),
            "\(push.error)")
        #expect(try fixture.serverRefs() == before)
        // The tag cardigan made goes through.
        try clone.git("tag", "-d", "cards/x/v2")
        try clone.git("tag", "-a", "-m", message, "cards/x/v2", "HEAD")
        #expect(try fixture.push("origin", "cards/x/v2").status == 0)
    }
}
