import Foundation
import TestSupport
import Testing

/// A key that may not sign approvals says why: its type or size, or the signers file's line
/// that lists it (expired, not valid yet), rather than "cannot read" or "not listed".
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct ApprovalKeyRefusalTests {
    /// A key made by `ssh-keygen` with `arguments` (type and size) in the setup's key folder.
    private func makeKey(_ setup: ApprovalRepo, _ name: String, _ arguments: [String]) throws -> String {
        let path = setup.keys.folder + "/" + name
        try ProcessResult.run(
            ["ssh-keygen", "-q", "-N", "", "-C", name, "-f", path] + arguments, in: setup.keys.folder,
            environment: setup.environment
        ).checked()
        return path
    }

    private func approve(_ setup: ApprovalRepo, key path: String) throws -> ProcessResult {
        try setup.repo.repo.run(
            [PackagePaths.cardigan, "approve", "credit", "--key", path], environment: setup.environment)
    }

    @Test func aKeyOfARefusedTypeOrSizeSaysWhy() throws {
        let setup = try ApprovalRepo()
        let small = try makeKey(setup, "small", ["-t", "rsa", "-b", "1024"])
        let p384 = try makeKey(setup, "p384", ["-t", "ecdsa", "-b", "384"])
        for pubBeside in [true, false] {
            if !pubBeside {
                // Only `ssh-keygen -y` can read the public half now.
                for path in [small, p384] { try FileManager.default.removeItem(atPath: path + ".pub") }
            }
            let rsa = try approve(setup, key: small)
            #expect(rsa.status == 2, "\(rsa.output)\(rsa.error)")
            #expect(
                rsa.error.contains(
                    "error: the key '\(small)' cannot sign approvals: an rsa key of 1024 bits is refused: rsa keys need at least 2,048"
                ) && !rsa.error.contains("cannot read the public half"), "\(rsa.error)")
            let ecdsa = try approve(setup, key: p384)
            #expect(
                ecdsa.status == 2
                    && ecdsa.error.contains(
                        "error: the key '\(p384)' cannot sign approvals: key type 'ecdsa-sha2-nistp384' is not supported"
                    ),
                "\(ecdsa.error)")
        }
        // The twin: a listed Ed25519 key signs.
        let risk = try approve(setup, key: setup.keys.folder + "/risk")
        #expect(risk.status == 0, "\(risk.output)\(risk.error)")
    }

    /// Commits `line` added to the signers file, approved by risk and validator.
    private func addSigner(_ setup: ApprovalRepo, _ line: String, replacing old: String? = nil) throws {
        var signers = try setup.repo.read(".cardigan/allowed_signers")
        if let old { signers = signers.replacingOccurrences(of: old + "\n", with: "") }
        try setup.repo.write(".cardigan/allowed_signers", signers + line + "\n")
        var trailers: [String] = []
        for key in ["risk", "validator"] {
            let approval = try setup.repo.repo.run(
                [PackagePaths.cardigan, "approve", "--policy", "--key", setup.keys.folder + "/" + key],
                environment: setup.environment
            ).checked()
            trailers += ["--trailer", approval.output.trimmingCharacters(in: .newlines)]
        }
        _ = try setup.repo.repo.run(["git", "commit", "-qam", "a signer"] + trailers).checked()
    }

    @Test func anExpiredKeyIsCalledExpiredAtItsLine() throws {
        let setup = try ApprovalRepo()
        let expired = "stranger@example.com valid-before=\"20260101\" \(try setup.keys.publicKey("stranger"))"
        try addSigner(setup, expired)
        let approve = try setup.approve(with: "stranger")
        #expect(approve.status == 1, "\(approve.output)\(approve.error)")
        #expect(
            approve.output.hasPrefix(".cardigan/allowed_signers:4:1: error: key SHA256:")
                && approve.output.contains(
                    " of 'stranger@example.com' expired (valid-before 2026-01-01): it cannot approve 'credit' [approval-key]"
                ), "\(approve.output)")
        // verify, of an approval recorded by hand after the key expired, says the same.
        let forged = try setup.forgedApproval(key: "stranger", principal: "stranger@example.com")
        try setup.commitByHand(approvals: [forged], moveToApproved: false)
        let verify = try setup.repo.cardigan("verify", environment: setup.environment)
        #expect(
            verify.status == 1
                && verify.output.contains(
                    "is not allowed: the key expired (valid-before 2026-01-01) at '.cardigan/allowed_signers' line 4"),
            "\(verify.output)")
        // The twin: the same key valid until 2100 approves.
        try setup.repo.git("reset", "-q", "--hard", "HEAD~1")
        try addSigner(
            setup, "stranger@example.com valid-before=\"21000101\" \(try setup.keys.publicKey("stranger"))",
            replacing: expired)
        let valid = try setup.approve(with: "stranger")
        #expect(valid.status == 0, "\(valid.output)\(valid.error)")
    }
}
