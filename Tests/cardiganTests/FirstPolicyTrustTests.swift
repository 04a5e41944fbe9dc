import Foundation
import TestSupport
import Testing

/// The first approval policy is trusted as committed only when it can be used: one that could
/// never approve anything (a threshold above the signers it allows, a refused key line) is
/// refused by the pre-commit hook where it is written and reported by `verify` and `check` in
/// the history that brought it in; a usable first policy is not touched.
@Suite struct FirstPolicyTrustTests {
    /// `.cardigan.yaml` whose High-risk rule (line 4) needs two approvers.
    private static let policy = ApprovalRepo.policy()

    /// What every command says about a first policy whose signers file lists only `risk`.
    private static let unreachable =
        ".cardigan.yaml:4:1: error: the approval rule at line 4 needs 2 approvers, but '.cardigan/allowed_signers' lists only 1 principal it allows ('risk@example.com'): no card it covers could ever be approved"

    /// A repository with card `a` committed, the hooks installed and the policy written (not
    /// committed) with signers `listed`.
    private func proposing(_ listed: [String], keys: SSHTestKeys) throws -> CardRepo {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.cardigan("hook", "install").checked()
        try repo.write(".cardigan.yaml", Self.policy)
        try repo.write(
            ".cardigan/allowed_signers", try listed.map { "\($0)@example.com \(try keys.publicKey($0))\n" }.joined())
        try repo.git("add", ".cardigan.yaml", ".cardigan/allowed_signers")
        return repo
    }

    @Test func thePreCommitHookRefusesAFirstPolicyThatCanNeverBeMet() throws {
        let keys = try SSHTestKeys()
        for name in ["risk", "validator"] { _ = try keys.make(name, type: "ed25519") }
        let repo = try proposing(["risk"], keys: keys)
        let head = try repo.git("rev-parse", "HEAD")
        let refused = try repo.repo.run(["git", "commit", "-qm", "approval policy"])
        #expect(refused.status != 0, "\(refused.output)")
        #expect(
            refused.error.contains(Self.unreachable + " [approval-policy]"), "\(refused.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head, "nothing committed")
        // A key line cardigan cannot read is refused at its line.
        try repo.write(".cardigan/allowed_signers", "risk@example.com ssh-ed25519 not-base64\n")
        try repo.git("add", ".cardigan/allowed_signers")
        let unreadable = try repo.repo.run(["git", "commit", "-qm", "approval policy"])
        #expect(
            unreadable.status != 0
                && unreadable.error.contains(
                    ".cardigan/allowed_signers:1:1: error: the approval policy cannot be used: "),
            "\(unreadable.error)")
        // The twin: a second signer makes the rule reachable, and the policy is committed.
        try repo.write(
            ".cardigan/allowed_signers",
            try ["risk", "validator"].map { "\($0)@example.com \(try keys.publicKey($0))\n" }.joined())
        try repo.git("add", ".cardigan/allowed_signers")
        try repo.git("commit", "-qm", "approval policy")
        #expect(try repo.cardigan("verify").status == 0)
    }

    /// A first policy committed past the hook approves nothing under its unreachable rule:
    /// `approve` refuses (exit 2) instead of collecting a signature towards a threshold no
    /// signers can reach. A card another, reachable rule covers is approved as before.
    @Test func approveRefusesACardWhoseRuleCanNeverBeMet() throws {
        let keys = try SSHTestKeys()
        _ = try keys.make("risk", type: "ed25519")
        let repo = try proposing(["risk"], keys: keys)
        try repo.git("commit", "-q", "--no-verify", "-m", "approval policy")
        try repo.write("cards/credit.yaml", CardRepo.card("credit", risk: "High"))
        try repo.cardigan("commit", "-m", "credit").checked()
        try repo.cardigan("status", "credit", "PendingReview").checked()
        let head = try repo.git("rev-parse", "HEAD")
        let key = keys.folder + "/risk"
        let refused = try repo.cardigan("approve", "credit", "--key", key, environment: keys.environment)
        #expect(refused.status == 2, "\(refused.output)\(refused.error)")
        #expect(
            refused.error.contains(
                ".cardigan.yaml:4:1: error: the approval policy at \(head.prefix(12)) cannot be used: the approval rule at line 4 needs 2 approvers"
            ), "\(refused.error)")
        #expect(try repo.git("rev-parse", "HEAD") == head, "nothing committed")
        try repo.cardigan("status", "a", "PendingReview").checked()
        let approved = try repo.cardigan("approve", "a", "--key", key, environment: keys.environment)
        #expect(approved.status == 0, "\(approved.output)\(approved.error)")
    }

    @Test func verifyAndCheckReportAFirstPolicyThatCanNeverBeMet() throws {
        let keys = try SSHTestKeys()
        _ = try keys.make("risk", type: "ed25519")
        let repo = try proposing(["risk"], keys: keys)
        let base = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("commit", "-q", "--no-verify", "-m", "approval policy")
        let commit = String(try repo.git("rev-parse", "HEAD").prefix(12))
        let verify = try repo.cardigan("verify")
        repo.expect(verify, status: 1, saying: Self.unreachable + " (commit \(commit)) [approval-policy]")
        let check = try repo.cardigan("check", "--base", base)
        repo.expect(check, status: 1, saying: Self.unreachable + " (commit \(commit)) [approval-policy]")
        // The twin: the same history with a usable first policy passes both.
        let honest = try CardRepo()
        try honest.write("cards/a.yaml", CardRepo.card("a"))
        try honest.cardigan("commit", "-m", "a").checked()
        _ = try keys.make("validator", type: "ed25519")
        try honest.write(".cardigan.yaml", Self.policy)
        try honest.write(
            ".cardigan/allowed_signers",
            try ["risk", "validator"].map { "\($0)@example.com \(try keys.publicKey($0))\n" }.joined())
        try honest.git("add", ".cardigan.yaml", ".cardigan/allowed_signers")
        try honest.git("commit", "-qm", "approval policy")
        try honest.cardigan("verify").checked()
        try honest.cardigan("check", "--base", "HEAD~1").checked()
    }

    @Test func verifyReportsAFirstPolicyWhoseSettingsCannotBeRead() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        try repo.write(".cardigan/allowed_signers", "")
        try repo.commitConfiguration(
            "approval:\n  signers: .cardigan/allowed_signers\n  groups:\n    empty: []\n  rules:\n    - cards: \"*\"\n      approvers: 1\n"
        )
        // Fixed in the next commit: the working tree reads, the history still holds the broken one.
        try repo.commitConfiguration("fsync: true\n")
        let verify = try repo.cardigan("verify")
        repo.expect(
            verify, status: 1,
            saying: ".cardigan.yaml:4:12: error: the approval policy cannot be used: group 'empty' is empty (commit ")
        #expect(verify.output.contains("[approval-policy]"), "\(verify.output)")
    }
}
