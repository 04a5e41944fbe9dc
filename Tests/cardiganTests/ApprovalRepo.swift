import Foundation
import TestSupport

/// A card repository whose policy needs two signed approvals for High-risk cards, its keys, and
/// (for the server tests) the clone of a ``PushFixture``.
final class ApprovalRepo {
    let repo: CardRepo
    let keys: SSHTestKeys
    /// The server pushed to, kept alive as long as the clone.
    let fixture: PushFixture?
    var environment: [String: String] { keys.environment }

    /// `.cardigan.yaml` naming `.cardigan/allowed_signers`: High-risk cards need two approvers
    /// (the rule at line 4), every other card one (unless `onlyHighRisk`).
    static func policy(onlyHighRisk: Bool = false) -> String {
        """
        approval:
          signers: .cardigan/allowed_signers
          rules:
            - cards: "*"
              risk: [High]
              approvers: 2
        \(onlyHighRisk ? "" : "    - cards: \"*\"\n      approvers: 1\n")
        """
    }

    /// Card `credit` (High risk) at version 1 in PendingReview, authored by author@example.com
    /// (the repository's identity); keys `risk`, `validator`, `author` are listed as
    /// `<name>@example.com` (or those of `listed`), `auditor` and `stranger` not. With
    /// `onlyHighRisk`, the policy has no rule for other cards; `policy` replaces the whole
    /// `.cardigan.yaml`. With `fixture`, the repository is its clone and `main` is pushed.
    init(
        pushingTo fixture: PushFixture? = nil, onlyHighRisk: Bool = false, policy: String? = nil,
        listed: [String] = ["risk", "validator", "author"]
    ) throws {
        repo = try fixture?.clone ?? CardRepo()
        keys = try SSHTestKeys()
        self.fixture = fixture
        for name in ["risk", "validator", "author", "auditor", "stranger"] { try keys.make(name, type: "ed25519") }
        try repo.write(
            ".cardigan/allowed_signers",
            try listed.map { "\($0)@example.com \(try keys.publicKey($0))\n" }.joined())
        try repo.write(
            ".cardigan.yaml",
            policy ?? Self.policy(onlyHighRisk: onlyHighRisk))
        try repo.git("add", ".cardigan.yaml", ".cardigan/allowed_signers")
        try repo.git("commit", "-q", "-m", "approval policy")
        try repo.write("cards/credit.yaml", CardRepo.card("credit", risk: "High"))
        try repo.cardigan("commit", "-m", "credit card", environment: environment).checked()
        try repo.cardigan("status", "credit", "PendingReview", environment: environment).checked()
        try fixture?.pushMain()
    }

    /// `cardigan approve --policy --key <key>` of the policy files in the working tree, unchecked.
    func approvePolicy(key: String) throws -> ProcessResult {
        try repo.repo.run(
            [PackagePaths.cardigan, "approve", "--policy", "--key", keys.folder + "/" + key], environment: environment)
    }

    /// `cardigan approve credit --key <key>`.
    func approve(with key: String, _ more: String...) throws -> ProcessResult {
        try repo.repo.run(
            [PackagePaths.cardigan, "approve", "credit", "--key", keys.folder + "/" + key] + more,
            environment: environment)
    }

    /// A trailer value signed by `key` as `principal` for (card, version, digest), made with
    /// `ssh-keygen` directly: what someone bypassing cardigan could write.
    func forgedApproval(
        key: String, principal: String, card: String = "credit", version: Int = 1, date: String = "2026-11-30T12:00:00Z"
    ) throws -> String {
        let statement = """
            cardigan approval
            card: \(card)
            version: \(version)
            digest: \(try digest())
            status: Approved
            principal: \(principal)
            date: \(date)

            """
        let armored = try keys.sign(statement, key: key, namespace: "cardigan-approval")
        let base64 = armored.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let listed = try ProcessResult.run(
            ["ssh-keygen", "-l", "-E", "sha256", "-f", keys.folder + "/" + key + ".pub"], in: keys.folder,
            environment: environment
        ).checked().output
        let fingerprint = listed.split(separator: " ")[1]
        return "\(principal) \(fingerprint) \(date) \(base64)"
    }

    /// The digest of `credit` as the last commit records it.
    func digest() throws -> String {
        try repo.git("log", "-1", "--format=%(trailers:key=Card-Digest,valueonly)", "--", "cards/credit.yaml")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A plain `git commit` recording `approvals` of credit v1, moving it to Approved when asked.
    func commitByHand(approvals: [String], moveToApproved: Bool) throws {
        if moveToApproved {
            try repo.edit("cards/credit.yaml", replacing: "status: PendingReview", with: "status: Approved")
            try repo.git("add", "cards/credit.yaml")
        }
        var message = "approved by hand\n\nCard: credit\nCard-Version: 1\nCard-Digest: \(try digest())\n"
        message += "Card-Status: \(moveToApproved ? "Approved" : "PendingReview")\n"
        message += "Card-Change: \(moveToApproved ? "status" : "approval")\n"
        message += approvals.map { "Card-Approval: " + $0 + "\n" }.joined()
        try repo.git("commit", "-q", "--allow-empty", "-m", message)
    }
}
