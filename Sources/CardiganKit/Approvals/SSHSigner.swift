import Foundation

/// Signs with an SSH key through `ssh-keygen -Y sign`, as git does for SSH-signed commits: the
/// key file is a private key, or a public key whose private half `ssh-agent` holds.
public struct SSHSigner: Sendable {
    /// The file given to `ssh-keygen -f`.
    public let keyFile: String
    /// The key's public half.
    public let publicKey: SSHPublicKey
    /// A temporary file this signer wrote for a literal key, removed by ``cleanUp()``.
    let temporaryFile: String?

    /// A signer for the key in `keyFile` (a private key with its `.pub` beside it or readable by
    /// `ssh-keygen -y`, or a public key).
    public init(keyFile: String) throws {
        guard FileManager.default.fileExists(atPath: keyFile) else {
            throw CardiganError("no key file '\(keyFile)'")
        }
        self.keyFile = keyFile
        temporaryFile = nil
        var refusal: String?
        if let key = Self.publicKey(in: keyFile, refusal: &refusal) {
            publicKey = key
        } else if let key = Self.publicKey(in: keyFile + ".pub", refusal: &refusal) {
            publicKey = key
        } else if let refusal {
            throw Self.refused(keyFile, refusal)
        } else {
            let derived = try Self.run(["-y", "-f", keyFile], input: nil)
            do {
                publicKey = try SSHPublicKey(text: derived)
            } catch let error as SSHFormatError where Self.looksLikeKey(derived) {
                throw Self.refused(keyFile, error.message)
            } catch {
                throw CardiganError("cannot read the public half of '\(keyFile)'")
            }
        }
    }

    /// The public key in the file at `path`; nil when there is none. A key cardigan refuses
    /// (its type or size) sets `refusal` to why.
    private static func publicKey(in path: String, refusal: inout String?) -> SSHPublicKey? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        do {
            return try SSHPublicKey(text: text)
        } catch let error as SSHFormatError where looksLikeKey(text) {
            refusal = refusal ?? error.message
        } catch {}
        return nil
    }

    /// Whether `text` starts like a public key line (`ssh-…`, `ecdsa-…`, `sk-…`), not a private key.
    private static func looksLikeKey(_ text: String) -> Bool {
        ["ssh-", "ecdsa-", "sk-"].contains { text.hasPrefix($0) }
    }

    /// The error for a key file whose key cardigan refuses, with the reason.
    private static func refused(_ keyFile: String, _ reason: String) -> CardiganError {
        CardiganError(
            "the key '\(keyFile)' cannot sign approvals: \(reason)",
            hint: "use an Ed25519 key ('ssh-keygen -t ed25519'), ECDSA P-256, or RSA of at least 2,048 bits")
    }

    /// A signer for a literal public key (git's `key::ssh-ed25519 AAAA…`), whose private half is
    /// in `ssh-agent`.
    public init(literalKey text: String) throws {
        let key: SSHPublicKey
        do {
            key = try SSHPublicKey(text: text)
        } catch let error as SSHFormatError {
            throw CardiganError("the signing key '\(text.prefix(30))…' cannot be read: \(error.message)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cardigan-key-\(UUID().uuidString).pub"
        )
        .path
        try Data((key.text + "\n").utf8).write(to: URL(fileURLWithPath: file))
        keyFile = file
        publicKey = key
        temporaryFile = file
    }

    /// The signer git would use: `user.signingkey` under `gpg.format=ssh`. `value` is that
    /// setting; `home` expands a leading `~/`.
    public static func fromGitSetting(_ value: String, home: String?) throws -> SSHSigner {
        if value.hasPrefix("key::") { return try SSHSigner(literalKey: String(value.dropFirst("key::".count))) }
        if value.hasPrefix("ssh-") || value.hasPrefix("ecdsa-") { return try SSHSigner(literalKey: value) }
        var path = value
        if path.hasPrefix("~/"), let home { path = home + path.dropFirst(1) }
        return try SSHSigner(keyFile: path)
    }

    /// Removes the temporary key file of a literal key.
    public func cleanUp() {
        if let temporaryFile { try? FileManager.default.removeItem(atPath: temporaryFile) }
    }

    /// Signs `message` in `namespace`; the signature is checked before it is returned.
    public func sign(_ message: [UInt8], namespace: String) throws -> SSHSignature {
        let armored: String
        do {
            armored = try Self.run(["-Y", "sign", "-n", namespace, "-f", keyFile], input: Data(message))
        } catch let error as CardiganError where temporaryFile != nil {
            throw CardiganError(
                error.message, hint: "the key is given as 'key::…': its private half must be in ssh-agent ('ssh-add')")
        }
        let signature: SSHSignature
        do {
            signature = try SSHSignature(armored: armored)
        } catch let error as SSHFormatError {
            throw CardiganError("ssh-keygen wrote a signature cardigan cannot read: \(error.message)")
        }
        guard signature.publicKey == publicKey, signature.isValid(for: message, namespace: namespace) else {
            throw CardiganError("ssh-keygen signed with another key than '\(keyFile)' names, or the signature is wrong")
        }
        return signature
    }

    /// Runs `ssh-keygen` with `arguments`, returning its standard output.
    private static func run(_ arguments: [String], input: Data?) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ssh-keygen"] + arguments
        let output = Pipe()
        let errors = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        do {
            try process.run()
        } catch {
            throw CardiganError(
                "cannot run ssh-keygen: \(error.localizedDescription)",
                hint: "install OpenSSH's client (openssh-client)")
        }
        // A child that exits without reading (no key in the agent) closes the pipe: the write
        // fails, and its exit status and message below say why.
        if let input { try? stdin.fileHandleForWriting.write(contentsOf: input) }
        try? stdin.fileHandleForWriting.close()
        let errorText = ReadInBackground(errors.fileHandleForReading)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let said = errorText.wait().trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            if process.terminationStatus == 127 {
                throw CardiganError("cannot run ssh-keygen", hint: "install OpenSSH's client (openssh-client)")
            }
            throw CardiganError(
                "ssh-keygen \(arguments.prefix(2).joined(separator: " ")) failed: \(said.isEmpty ? "exit \(process.terminationStatus)" : said)"
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Reads a pipe to its end on another thread, so a child that fills one pipe never blocks.
private final class ReadInBackground: @unchecked Sendable {
    private var data = Data()
    private let group = DispatchGroup()

    init(_ handle: FileHandle) {
        group.enter()
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.group.leave()
        }
    }

    func wait() -> String {
        group.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
