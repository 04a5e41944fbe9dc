import Foundation

extension TestTools {
    /// Whether a test that needs `ssh-keygen` (Debian's openssh-client) runs.
    public static var sshKeygen: Bool { runs(path("ssh-keygen") != nil) }
}

/// SSH keys made by `ssh-keygen` in a scratch folder, and OpenSSH's own signing and checking,
/// the peers cardigan's signatures must agree with.
public final class SSHTestKeys {
    /// The folder, removed when released.
    public let folder: String

    /// Creates an empty folder for keys.
    public init() throws {
        folder =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "cardigan-keys-\(UUID().uuidString.prefix(12))"
            )
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The environment for the tools: a HOME of our own, so no user configuration is read.
    public var environment: [String: String] { ["HOME": folder, "SSH_AUTH_SOCK": ""] }

    /// Makes a key without passphrase: `type` is `ed25519`, `ecdsa` (P-256) or `rsa` (3072
    /// bits); returns the private key's path (the public key is beside it, `.pub`).
    @discardableResult
    public func make(_ name: String, type: String) throws -> String {
        let path = folder + "/" + name
        var arguments = ["ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", path]
        if type == "ecdsa" { arguments += ["-b", "256"] }
        if type == "rsa" { arguments += ["-b", "3072"] }
        try ProcessResult.run(arguments, in: folder, environment: environment).checked()
        return path
    }

    /// The public key line of key `name`.
    public func publicKey(_ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name + ".pub", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// `ssh-keygen -Y sign`: the armored signature of `message` by key `name` in `namespace`.
    public func sign(_ message: String, key name: String, namespace: String) throws -> String {
        let result = try ProcessResult.run(
            ["ssh-keygen", "-q", "-Y", "sign", "-n", namespace, "-f", folder + "/" + name], in: folder,
            environment: environment, input: message
        ).checked()
        return result.output
    }

    /// `ssh-keygen -Y verify`: whether OpenSSH accepts `signature` of `message` by `principal`
    /// in `namespace`, given the allowed signers text `allowed`; `time` (`YYYYMMDDHHMMSSZ`) is the
    /// moment the keys' validity is judged at (`-Overify-time`), now when nil.
    public func verify(
        _ message: String, signature: String, principal: String, namespace: String, allowed: String,
        time: String? = nil
    ) throws -> ProcessResult {
        let allowedPath = folder + "/allowed-\(UUID().uuidString.prefix(8))"
        let signaturePath = allowedPath + ".sig"
        try Data(allowed.utf8).write(to: URL(fileURLWithPath: allowedPath))
        try Data(signature.utf8).write(to: URL(fileURLWithPath: signaturePath))
        return try ProcessResult.run(
            [
                "ssh-keygen", "-Y", "verify", "-f", allowedPath, "-I", principal, "-n", namespace, "-s",
                signaturePath,
            ] + (time.map { ["-Overify-time=" + $0] } ?? []), in: folder, environment: environment, input: message)
    }
}
