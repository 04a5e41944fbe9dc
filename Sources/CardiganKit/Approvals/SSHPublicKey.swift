import Crypto
import Foundation
import _CryptoExtras

/// An SSH public key of a type cardigan verifies: Ed25519, ECDSA P-256 and RSA.
public struct SSHPublicKey: Sendable, Hashable {
    /// The key types cardigan verifies, by their SSH name.
    public static let supportedTypes = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"]

    /// The key type, e.g. `ssh-ed25519`.
    public let type: String
    /// The key in SSH's wire encoding (what `authorized_keys` holds in base64).
    public let blob: [UInt8]

    /// Reads a key from its wire encoding; an unsupported or malformed key is refused.
    public init(blob: [UInt8]) throws {
        var reader = SSHWireReader(blob)
        let type = try reader.readText()
        guard Self.supportedTypes.contains(type) else {
            throw SSHFormatError(
                "key type '\(type)' is not supported (use ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa)")
        }
        switch type {
        case "ssh-ed25519":
            guard try reader.readString().count == 32 else { throw SSHFormatError("an ed25519 key is 32 bytes") }
        case "ecdsa-sha2-nistp256":
            guard try reader.readText() == "nistp256" else { throw SSHFormatError("the curve is not nistp256") }
            _ = try P256.Signing.PublicKey(x963Representation: try reader.readString())
        default:
            let exponent = try reader.readPositiveMPInt()
            let modulus = try reader.readPositiveMPInt()
            guard modulus.count * 8 >= 2048 else {
                throw SSHFormatError(
                    "an rsa key of \(Self.bits(of: modulus)) bits is refused: rsa keys need at least 2,048")
            }
            guard !exponent.isEmpty else { throw SSHFormatError("an rsa key has no exponent") }
        }
        guard reader.isAtEnd else { throw SSHFormatError("bytes after the key") }
        self.type = type
        self.blob = blob
    }

    /// The size in bits of a positive big-endian integer without leading zero bytes.
    private static func bits(of number: [UInt8]) -> Int {
        guard let first = number.first else { return 0 }
        return (number.count - 1) * 8 + (8 - first.leadingZeroBitCount)
    }

    /// Reads a key from its text form: `<type> <base64> [comment]` (a `.pub` file's line).
    public init(text: String) throws {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2 else { throw SSHFormatError("not an ssh public key ('<type> <base64>')") }
        // The type named first: a line of other words is not read as a key that is "truncated".
        guard Self.supportedTypes.contains(String(fields[0])) else {
            throw SSHFormatError(
                "key type '\(fields[0])' is not supported (use ssh-ed25519, ecdsa-sha2-nistp256 or ssh-rsa)")
        }
        guard let data = Data(base64Encoded: String(fields[1])) else {
            throw SSHFormatError("not an ssh public key ('<type> <base64>')")
        }
        try self.init(blob: [UInt8](data))
        guard type == fields[0] else { throw SSHFormatError("the key says '\(type)', its line '\(fields[0])'") }
    }

    /// `SHA256:<base64>`, as `ssh-keygen -l` prints it.
    public var fingerprint: String {
        "SHA256:" + Data(SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// The key's text form, `<type> <base64>`.
    public var text: String { type + " " + Data(blob).base64EncodedString() }

    /// Whether `signature` (an SSH signature blob: algorithm name and bytes) is this key's
    /// signature over `data`. RSA signatures must be `rsa-sha2-512` or `rsa-sha2-256`; SHA-1's
    /// `ssh-rsa` is refused.
    public func isValidSignature(_ signature: [UInt8], for data: [UInt8]) -> Bool {
        (try? verify(signature, for: data)) ?? false
    }

    private func verify(_ signature: [UInt8], for data: [UInt8]) throws -> Bool {
        var reader = SSHWireReader(signature)
        let algorithm = try reader.readText()
        let bytes = try reader.readString()
        guard reader.isAtEnd else { return false }
        var key = SSHWireReader(blob)
        _ = try key.readString()
        switch (type, algorithm) {
        case ("ssh-ed25519", "ssh-ed25519"):
            let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: try key.readString())
            return publicKey.isValidSignature(bytes, for: data)
        case ("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256"):
            _ = try key.readString()
            let publicKey = try P256.Signing.PublicKey(x963Representation: try key.readString())
            var parts = SSHWireReader(bytes)
            let r = try parts.readPositiveMPInt()
            let s = try parts.readPositiveMPInt()
            guard parts.isAtEnd, r.count <= 32, s.count <= 32 else { return false }
            let raw = [UInt8](repeating: 0, count: 32 - r.count) + r + [UInt8](repeating: 0, count: 32 - s.count) + s
            return publicKey.isValidSignature(try P256.Signing.ECDSASignature(rawRepresentation: raw), for: data)
        case ("ssh-rsa", "rsa-sha2-512"), ("ssh-rsa", "rsa-sha2-256"):
            let exponent = try key.readPositiveMPInt()
            let modulus = try key.readPositiveMPInt()
            let publicKey = try _RSA.Signing.PublicKey(n: modulus, e: exponent)
            let rsaSignature = _RSA.Signing.RSASignature(rawRepresentation: bytes)
            return algorithm == "rsa-sha2-512"
                ? publicKey.isValidSignature(rsaSignature, for: SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
                : publicKey.isValidSignature(rsaSignature, for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
        default:
            return false
        }
    }
}
