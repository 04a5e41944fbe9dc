import Foundation
import TestSupport
import Testing

/// Commits cardigan makes when git is asked to sign (`commit.gpgsign=true`): SSH-signed so that
/// `git verify-commit` accepts them, and refused rather than left unsigned under OpenPGP.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct SignedCommitTests {
    @Test(arguments: ["ed25519", "ecdsa", "rsa"]) func gitVerifyCommitAcceptsCardigansCommits(type: String) throws {
        let repo = try CardRepo()
        let keys = try SSHTestKeys()
        let key = try keys.make("signer", type: type)
        try keys.make("other", type: "ed25519")
        try repo.git("config", "commit.gpgsign", "true")
        try repo.git("config", "gpg.format", "ssh")
        try repo.git("config", "user.signingkey", key)
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a", environment: keys.environment).checked()
        try repo.cardigan("status", "a", "PendingReview", environment: keys.environment).checked()
        try repo.write(".signers", "author@example.com \(try keys.publicKey("signer"))\n")
        for commit in ["HEAD", "HEAD~1"] {
            let verified = try repo.repo.run(
                ["git", "-c", "gpg.ssh.allowedSignersFile=.signers", "verify-commit", commit],
                environment: keys.environment)
            #expect(verified.status == 0, "\(verified.error)")
            #expect(verified.error.contains("Good \"git\" signature for author@example.com"), "\(verified.error)")
        }
        // The honest twin: another key's allowed signers file does not accept it.
        try repo.write(".signers", "author@example.com \(try keys.publicKey("other"))\n")
        let refused = try repo.repo.run(
            ["git", "-c", "gpg.ssh.allowedSignersFile=.signers", "verify-commit", "HEAD"],
            environment: keys.environment)
        #expect(refused.status != 0)
    }

    @Test func refusesToWriteAnUnsignedCommitWhenGitSignsWithOpenPGP() throws {
        let repo = try CardRepo()
        try repo.write("cards/a.yaml", CardRepo.card("a"))
        try repo.cardigan("commit", "-m", "a").checked()
        let before = try repo.git("rev-parse", "HEAD")
        try repo.git("config", "commit.gpgsign", "true")
        try repo.edit("cards/a.yaml", replacing: "Predicts churn.", with: "Predicts churn well.")
        let result = try repo.cardigan("commit", "-m", "a v2")
        #expect(result.status == 2)
        #expect(result.error.contains("cardigan signs commits only with SSH keys, so nothing was committed"))
        #expect(result.error.contains("git config gpg.format ssh"), "\(result.error)")
        #expect(try repo.git("rev-parse", "HEAD") == before)
        #expect(try repo.git("tag", "-l") == "cards/a/v1\n")
    }
}
