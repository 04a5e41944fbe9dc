import Foundation
import TestSupport

/// A clone pushing to a bare server repository with cardigan's pre-receive hook installed
/// (`cardigan hook install --server`): the set-up of every test of what the git server takes
/// or refuses, driven by the real `git push`. The server lives as long as the fixture.
final class PushFixture {
    /// The bare repository standing for the git server, with the pre-receive hook.
    let server: ScratchRepository
    /// The clone, whose remote `origin` is the server.
    let clone: CardRepo

    /// A server with the hook, and `clone` (a new card repository when nil) with the server as
    /// its `origin`; nothing is pushed yet.
    init(clone: CardRepo? = nil) throws {
        server = try ScratchRepository(bare: true)
        try ProcessResult.run([PackagePaths.cardigan, "hook", "install", "--server"], in: server.path).checked()
        self.clone = try clone ?? CardRepo()
        try self.clone.git("remote", "add", "origin", server.path)
    }

    /// The usual start: the clone made card `x` (model description `One.`) version 1 with
    /// `cardigan commit` and pushed `main` with its tag.
    static func withCardX() throws -> PushFixture {
        let fixture = try PushFixture()
        try fixture.clone.write("cards/x.yaml", CardRepo.card("x", description: "One."))
        try fixture.clone.cardigan("commit", "-m", "x").checked()
        try fixture.pushMain()
        return fixture
    }

    /// `git push -q --follow-tags origin main` from the clone; throws when the server refuses.
    func pushMain() throws {
        try clone.git("push", "-q", "--follow-tags", "origin", "main")
    }

    /// `git push` with `arguments` from the clone, accepted or refused: the result says which.
    func push(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try clone.repo.run(["git", "push"] + arguments, environment: environment)
    }

    /// Every ref of the server with its object id: what a refused push must leave unchanged.
    func serverRefs() throws -> String {
        try server.git("for-each-ref", "--format=%(refname) %(objectname)")
    }
}
