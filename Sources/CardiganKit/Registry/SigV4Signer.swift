import Crypto
import Foundation

/// Signs requests with AWS Signature Version 4 over swift-crypto's HMAC and SHA-256: the
/// canonical request, the string to sign and the derived key as AWS documents them and botocore's
/// `SigV4Auth` computes them (a test compares the two on the same requests).
public struct SigV4Signer: Sendable {
    /// The credentials to sign with.
    public var credentials: AWSCredentials
    /// The region, e.g. `eu-west-1`.
    public var region: String
    /// The signing name of the service, e.g. `sagemaker`.
    public var service: String

    /// A signer.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Headers SigV4 leaves unsigned, as botocore does.
    static let unsignedHeaders: Set<String> = ["authorization", "user-agent", "expect", "x-amzn-trace-id"]

    /// Adds `Host`, `X-Amz-Date`, `X-Amz-Security-Token` (with a session token) and
    /// `Authorization` to `request`, signed at `date`.
    public func sign(_ request: inout HTTPRequest, at date: Date) {
        let stamp = Self.timestamp(date)
        let day = String(stamp.prefix(8))
        request.headers.removeAll {
            ["authorization", "x-amz-date", "x-amz-security-token", "host"].contains($0.name.lowercased())
        }
        request.headers.insert(("Host", request.hostHeader), at: 0)
        request.headers.append(("X-Amz-Date", stamp))
        if let token = credentials.sessionToken { request.headers.append(("X-Amz-Security-Token", token)) }
        let (canonical, signedHeaders) = Self.canonicalRequest(request)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, Self.hexSHA256(Array(canonical.utf8))]
            .joined(separator: "\n")
        var key = SymmetricKey(data: Array(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        let signature = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key)
        request.headers.append(
            (
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
                    + "SignedHeaders=\(signedHeaders), Signature=\(Self.hex(Array(signature)))"
            ))
    }

    /// The canonical request and the signed header list of `request`.
    static func canonicalRequest(_ request: HTTPRequest) -> (text: String, signedHeaders: String) {
        var headers: [String: [String]] = [:]
        for (name, value) in request.headers where !unsignedHeaders.contains(name.lowercased()) {
            let trimmed = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            headers[name.lowercased(), default: []].append(trimmed)
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let query =
            request.query.isEmpty
            ? ""
            : request.query.split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }.sorted { $0 < $1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        let path = request.path.isEmpty ? "/" : percentEncode(request.path, keeping: "/")
        let text = [
            request.method, path, query, canonicalHeaders, signedHeaders, hexSHA256(request.body),
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// `YYYYMMDDTHHMMSSZ` in UTC.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return String(format: "%04d", parts.year ?? 1970) + two(parts.month) + two(parts.day) + "T" + two(parts.hour)
            + two(parts.minute) + two(parts.second) + "Z"
    }

    /// RFC 3986 percent-encoding: unreserved characters (and those in `keeping`) stay.
    public static func percentEncode(_ text: String, keeping: String = "") -> String {
        let kept = Set(keeping.utf8)
        var result = ""
        for byte in text.utf8 {
            let isUnreserved =
                (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte)
                || [45, 46, 95, 126].contains(byte)
            if isUnreserved || kept.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    static func hexSHA256(_ bytes: [UInt8]) -> String { hex(Array(SHA256.hash(data: bytes))) }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
