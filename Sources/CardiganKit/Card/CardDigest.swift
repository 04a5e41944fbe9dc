import Crypto
import Foundation

/// The digest of a card: `sha256:` and the hex SHA-256 of the canonical JSON of its content,
/// which is everything but `status`. Comments and formatting do not change it.
public enum CardDigest {
    /// The digest of the card whose root is `root`.
    public static func of(_ root: ValueNode) -> String {
        of(canonicalJSON: CanonicalJSON.bytes(of: content(of: root)))
    }

    /// The digest whose canonical JSON, made elsewhere (``SectionMemo``), is `canonicalJSON`.
    static func of(canonicalJSON: [UInt8]) -> String {
        "sha256:" + hex(SHA256.hash(data: canonicalJSON))
    }

    /// The lowercase hex SHA-256 of `data`.
    public static func sha256Hex(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The card without `status`: what versions are made of.
    public static func content(of root: ValueNode) -> ValueNode {
        guard case .object(let members) = root.kind else { return root }
        return ValueNode(.object(members.filter { isContent($0.key) }), at: root.position)
    }

    /// Whether top-level member `key` is part of the digest: all but `status`, which changes
    /// without a new version.
    static func isContent(_ key: String) -> Bool { key != "status" }
}
