import Crypto
import Foundation

/// A signature in OpenSSH's `SSHSIG` format (PROTOCOL.sshsig), what `ssh-keygen -Y sign` writes
/// and git uses for SSH-signed commits: the signer's public key, a namespace that keeps a
/// signature made for one purpose from being accepted for another, and the signature over the
/// hash of the message.
public struct SSHSignature: Sendable, Hashable {
    /// The first six bytes of every `SSHSIG` blob and of the data it signs.
    static let magic = Array("SSHSIG".utf8)
    /// The armor's first line.
    static let armorBegin = "-----BEGIN SSH SIGNATURE-----"
    /// The armor's last line.
    static let armorEnd = "-----END SSH SIGNATURE-----"

    /// The signer's key.
    public let publicKey: SSHPublicKey
    /// The namespace the signature was made in (`git` for commits, cardigan's own for approvals).
    public let namespace: String
    /// `sha512` or `sha256`: the hash of the message that was signed.
    public let hashAlgorithm: String
    /// The SSH signature blob (algorithm name and signature bytes).
    public let signature: [UInt8]
    /// The whole `SSHSIG` blob, as read.
    public let blob: [UInt8]

    /// Reads an `SSHSIG` blob; a wrong magic, version or hash algorithm is refused.
    public init(blob: [UInt8]) throws {
        var reader = SSHWireReader(blob)
        guard try reader.read(count: 6) == Self.magic else { throw SSHFormatError("not an ssh signature") }
        guard try reader.readUInt32() == 1 else { throw SSHFormatError("unknown ssh signature version") }
        publicKey = try SSHPublicKey(blob: try reader.readString())
        namespace = try reader.readText()
        _ = try reader.readString()  // reserved
        hashAlgorithm = try reader.readText()
        guard ["sha512", "sha256"].contains(hashAlgorithm) else {
            throw SSHFormatError("hash algorithm '\(hashAlgorithm)' is not sha512 or sha256")
        }
        signature = try reader.readString()
        guard reader.isAtEnd else { throw SSHFormatError("bytes after the signature") }
        self.blob = blob
    }

    /// Reads the armored form (`-----BEGIN SSH SIGNATURE-----` … `-----END SSH SIGNATURE-----`).
    public init(armored text: String) throws {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(of: Self.armorBegin), let end = lines.firstIndex(of: Self.armorEnd),
            begin < end
        else { throw SSHFormatError("no '\(Self.armorBegin)' block") }
        try self.init(base64: lines[(begin + 1)..<end].joined())
    }

    /// Reads the base64 of an `SSHSIG` blob (the armored form without its lines).
    public init(base64: String) throws {
        guard let data = Data(base64Encoded: base64) else { throw SSHFormatError("the signature is not base64") }
        try self.init(blob: [UInt8](data))
    }

    /// The blob in base64, on one line.
    public var base64: String { Data(blob).base64EncodedString() }

    /// The armored form, as `ssh-keygen -Y sign` writes it (base64 lines of 70 characters).
    public var armored: String {
        var text = Self.armorBegin + "\n"
        var rest = Substring(base64)
        while !rest.isEmpty {
            text += rest.prefix(70) + "\n"
            rest = rest.dropFirst(70)
        }
        return text + Self.armorEnd + "\n"
    }

    /// The bytes a signer signs for `message` in `namespace` with `hashAlgorithm`.
    public static func signedData(message: [UInt8], namespace: String, hashAlgorithm: String) -> [UInt8] {
        var writer = SSHWireWriter()
        writer.write(raw: magic)
        writer.write(text: namespace)
        writer.write(string: [])
        writer.write(text: hashAlgorithm)
        let digest: [UInt8] =
            hashAlgorithm == "sha256" ? Array(SHA256.hash(data: message)) : Array(SHA512.hash(data: message))
        writer.write(string: digest)
        return writer.bytes
    }

    /// Whether this is a valid signature of `message` in `namespace` by its own key. Who the key
    /// belongs to is the allowed signers' question, not this one.
    public func isValid(for message: [UInt8], namespace expected: String) -> Bool {
        guard namespace == expected else { return false }
        let data = Self.signedData(message: message, namespace: namespace, hashAlgorithm: hashAlgorithm)
        return publicKey.isValidSignature(signature, for: data)
    }
}
