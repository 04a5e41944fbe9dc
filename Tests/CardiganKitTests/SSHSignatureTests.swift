import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// cardigan's SSHSIG reading and checking against OpenSSH's own `ssh-keygen -Y sign/verify`,
/// for each key type cardigan accepts.
@Suite(.enabled(if: TestTools.sshKeygen, "needs ssh-keygen (openssh-client; scripts/bootstrap.sh)"))
struct SSHSignatureTests {
    static let keyTypes = ["ed25519", "ecdsa", "rsa"]
    let message = Approval.statement(
        card: "credit-risk", version: 3, digest: "sha256:" + String(repeating: "ab", count: 32),
        principal: "risk@example.com", date: "2026-11-30T12:00:00Z")

    @Test(arguments: keyTypes) func acceptsSignaturesMadeBySSHKeygen(type: String) throws {
        let keys = try SSHTestKeys()
        try keys.make("k", type: type)
        let armored = try keys.sign(message, key: "k", namespace: Approval.namespace)
        let signature = try SSHSignature(armored: armored)
        #expect(signature.isValid(for: Array(message.utf8), namespace: Approval.namespace))
        #expect(signature.publicKey == (try SSHPublicKey(text: try keys.publicKey("k"))))
        let listed = try ProcessResult.run(
            ["ssh-keygen", "-l", "-E", "sha256", "-f", keys.folder + "/k.pub"], in: keys.folder,
            environment: keys.environment
        ).checked().output
        #expect(listed.contains(" \(signature.publicKey.fingerprint) "), "\(listed)")
        #expect(signature.armored == armored, "armoring again gives ssh-keygen's bytes")
    }

    @Test(arguments: keyTypes) func sshKeygenAcceptsSignaturesCardiganMakes(type: String) throws {
        let keys = try SSHTestKeys()
        let path = try keys.make("k", type: type)
        let signature = try SSHSigner(keyFile: path).sign(Array(message.utf8), namespace: Approval.namespace)
        let allowed = "risk@example.com " + (try keys.publicKey("k")) + "\n"
        let verified = try keys.verify(
            message, signature: signature.armored, principal: "risk@example.com", namespace: Approval.namespace,
            allowed: allowed)
        #expect(verified.status == 0, "\(verified.error)")
        #expect(
            verified.output.contains("Good \"cardigan-approval\" signature for risk@example.com"), "\(verified.output)")
        let otherNamespace = try keys.verify(
            message, signature: signature.armored, principal: "risk@example.com", namespace: "git", allowed: allowed)
        #expect(otherNamespace.status != 0, "an approval is not a git signature")
    }

    @Test(arguments: keyTypes) func refusesTamperedStatementsSignaturesAndKeys(type: String) throws {
        let keys = try SSHTestKeys()
        try keys.make("k", type: type)
        try keys.make("other", type: type)
        let signature = try SSHSignature(armored: try keys.sign(message, key: "k", namespace: Approval.namespace))
        let bytes = Array(message.utf8)
        #expect(signature.isValid(for: bytes, namespace: Approval.namespace))
        // The statement: another version.
        let replayed = message.replacingOccurrences(of: "version: 3", with: "version: 4")
        #expect(!signature.isValid(for: Array(replayed.utf8), namespace: Approval.namespace))
        // The namespace: the same signature read as a git signature.
        #expect(!signature.isValid(for: bytes, namespace: "git"))
        // The signature: its last byte changed.
        var blob = signature.blob
        blob[blob.count - 1] ^= 0x01
        #expect(!((try? SSHSignature(blob: blob))?.isValid(for: bytes, namespace: Approval.namespace) ?? false))
        // The key: another key of the same type put in the signature's place.
        let other = try SSHPublicKey(text: try keys.publicKey("other"))
        var writer = SSHWireWriter()
        writer.write(raw: SSHSignature.magic)
        writer.write(uint32: 1)
        writer.write(string: other.blob)
        writer.write(text: signature.namespace)
        writer.write(string: [])
        writer.write(text: signature.hashAlgorithm)
        writer.write(string: signature.signature)
        let swapped = try SSHSignature(blob: writer.bytes)
        #expect(swapped.publicKey == other)
        #expect(!swapped.isValid(for: bytes, namespace: Approval.namespace))
    }

    @Test func refusesUnsupportedAndMalformedKeys() throws {
        #expect(throws: SSHFormatError.self) { try SSHPublicKey(text: "ssh-dss AAAAB3NzaC1kc3MAAACBAP==") }
        #expect(throws: SSHFormatError.self) { try SSHPublicKey(text: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==") }
        #expect(throws: SSHFormatError.self) { try SSHSignature(base64: Data("SSHSIG".utf8).base64EncodedString()) }
        #expect(throws: SSHFormatError.self) { try SSHSignature(armored: "no armor here") }
    }
}
