import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The allowed signers file as OpenSSH reads it: for each time and principal, cardigan's
/// ``AllowedSigners/allows(_:key:namespace:date:)`` against `ssh-keygen -Y verify` on the same
/// line, signature and moment (`-Overify-time`).
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct AllowedSignersOracleTests {
    let keys: SSHTestKeys
    let key: SSHPublicKey
    let message = "cardigan approval\ncard: credit\n"
    let signature: String

    init() throws {
        keys = try SSHTestKeys()
        try keys.make("k", type: "ed25519")
        key = try SSHPublicKey(text: try keys.publicKey("k"))
        signature = try keys.sign(message, key: "k", namespace: Approval.namespace)
    }

    /// Whether cardigan and OpenSSH let `principal` sign under `line` at `time`
    /// (`YYYY-MM-DDTHH:MM:SSZ`).
    func verdicts(_ line: String, principal: String, at time: String) throws -> (cardigan: Bool, openSSH: Bool) {
        let allowed = line + " " + (try keys.publicKey("k")) + "\n"
        let date = try #require(Approval(principal: "p", fingerprint: "SHA256:x", date: time, signature: "").time)
        let cardigan = AllowedSigners(text: allowed).allows(
            principal, key: key, namespace: Approval.namespace, date: date)
        let compact = time.filter(\.isNumber) + "Z"
        let openSSH = try keys.verify(
            message, signature: signature, principal: principal, namespace: Approval.namespace, allowed: allowed,
            time: compact)
        return (cardigan, openSSH.status == 0)
    }

    @Test(arguments: [
        ("2025-12-31T23:59:59Z", false), ("2026-01-01T00:00:00Z", true), ("2026-12-31T23:59:59Z", true),
        ("2027-01-01T00:00:01Z", false), ("2027-01-01T12:00:00Z", false), ("2027-01-02T00:00:00Z", false),
    ])
    func validityTimesAreOpenSSHs(time: String, allowed: Bool) throws {
        let line = "ann@example.com valid-after=\"20260101Z\",valid-before=\"20270101Z\""
        let verdicts = try verdicts(line, principal: "ann@example.com", at: time)
        #expect(verdicts.openSSH == allowed, "ssh-keygen at \(time)")
        #expect(verdicts.cardigan == allowed, "cardigan at \(time)")
    }

    @Test func theValidBeforeSecondItselfIsRefusedOneSecondBeforeOpenSSHDoes() throws {
        // OpenSSH still accepts at the very second valid-before names (it expires when the time
        // is later); cardigan refuses from that second on: the stricter reading, never the looser.
        let line = "ann@example.com valid-before=\"20270101Z\""
        let verdicts = try verdicts(line, principal: "ann@example.com", at: "2027-01-01T00:00:00Z")
        #expect(verdicts.openSSH)
        #expect(!verdicts.cardigan)
    }

    @Test(arguments: ["!intern@example.com,*@example.com", "*@example.com,!intern@example.com"])
    func anExcludedPrincipalStaysExcludedWhereverTheExclusionIsWritten(patterns: String) throws {
        let line = "\"\(patterns)\""
        for (principal, allowed) in [("ann@example.com", true), ("intern@example.com", false)] {
            let verdicts = try verdicts(line, principal: principal, at: "2026-06-01T00:00:00Z")
            #expect(verdicts.openSSH == allowed, "ssh-keygen: \(principal) under \(patterns)")
            #expect(verdicts.cardigan == allowed, "cardigan: \(principal) under \(patterns)")
        }
    }
}
