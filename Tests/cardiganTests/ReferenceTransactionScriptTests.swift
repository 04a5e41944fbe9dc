import Foundation
import TestSupport
import Testing

/// The installed `reference-transaction` script passes in the shell every transaction that
/// cannot take a recorded version off a branch (a new branch or tag, a checkout, a remote-tracking
/// update, the `committed` state), so those start no cardigan, and hands cardigan only the lines
/// of branches moving between commits; a kept `.local` hook still sees every state and line.
@Suite struct ReferenceTransactionScriptTests {
    /// A repository whose installed script runs a stub, which logs its arguments and input to
    /// `log`, where it would run cardigan.
    static func repositoryWithStub() throws -> (repo: CardRepo, log: String) {
        let repo = try CardRepo()
        let installed = try repo.cardigan("hook", "install", "--only", "reference-transaction").checked()
        #expect(installed.output == "installed reference-transaction\n", "\(installed.output)")
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/.git/hooks/pre-commit"))
        let log = repo.path + "/.git/stub.log"
        let stub = repo.path + "/.git/stub"
        try Data("#!/bin/sh\n{ echo \"== $*\"; cat; } >> '\(log)'\n".utf8).write(to: URL(fileURLWithPath: stub))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub)
        let hook = repo.path + "/.git/hooks/reference-transaction"
        let script = try String(contentsOfFile: hook, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { $0.hasPrefix("cardigan=") ? "cardigan='\(stub)'" : String($0) }
        #expect(script.contains("cardigan='\(stub)'"))
        try Data(script.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: hook))
        return (repo, log)
    }

    static func logged(_ log: String) -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    @Test func onlyABranchMovingBetweenCommitsStartsCardigan() throws {
        let (repo, log) = try Self.repositoryWithStub()
        try repo.git("commit", "-q", "--allow-empty", "-m", "one")  // creates main
        let one = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Self.logged(log) == "")
        try repo.git("commit", "-q", "--allow-empty", "-m", "two")
        let two = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Self.logged(log) == "== hook reference-transaction prepared\n\(one) \(two) refs/heads/main\n")
        try repo.git("checkout", "-q", "-b", "other")
        try repo.git("checkout", "-q", "--detach", "main~1")
        try repo.git("checkout", "-q", "main")
        try repo.git("tag", "-a", "-m", "a tag", "t")
        try repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
        try repo.git("branch", "-D", "other")
        #expect(Self.logged(log) == "== hook reference-transaction prepared\n\(one) \(two) refs/heads/main\n")
        try repo.git("reset", "-q", "--soft", "HEAD~1")
        #expect(
            Self.logged(log)
                == "== hook reference-transaction prepared\n\(one) \(two) refs/heads/main\n== hook reference-transaction prepared\n\(two) \(one) refs/heads/main\n"
        )
    }

    @Test func aKeptLocalHookSeesEveryStateAndLine() throws {
        let (repo, log) = try Self.repositoryWithStub()
        let localLog = repo.path + "/.git/local.log"
        let local = repo.path + "/.git/hooks/reference-transaction.local"
        try Data("#!/bin/sh\n{ echo \"== $*\"; cat; } >> '\(localLog)'\n".utf8).write(to: URL(fileURLWithPath: local))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: local)
        try repo.git("commit", "-q", "--allow-empty", "-m", "one")
        let one = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let zero = String(repeating: "0", count: 40)
        let lines = "\(zero) \(one) HEAD\n\(zero) \(one) refs/heads/main\n"
        #expect(Self.logged(localLog) == "== prepared\n\(lines)== committed\n\(lines)")
        #expect(Self.logged(log) == "")
    }
}
