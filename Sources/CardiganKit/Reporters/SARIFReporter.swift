import Foundation

/// Prints a SARIF 2.1.0 log as the OASIS schema and GitHub code scanning expect: one run whose
/// `columnKind` says columns count Unicode code points (as cardigan's do), the rules that fired
/// with their descriptions and help, and each finding as a result with a region (its end when
/// known), a URI-encoded artifact location relative to the repository root and a
/// `partialFingerprints` entry that stays the same when the finding moves to another line.
public struct SARIFReporter: FindingReporter {
    /// Creates a SARIF reporter.
    public init() {}

    /// The key of cardigan's entry in `partialFingerprints`.
    public static let fingerprintKey = "cardiganFinding/v1"
    /// The base id that relative artifact paths are resolved against: the repository root.
    public static let rootBaseID = "%SRCROOT%"

    struct Log: Encodable {
        var schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds = [SARIFReporter.rootBaseID: BaseLocation()]
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct BaseLocation: Encodable {
        var description = Text(text: "the root of the repository")
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "cardigan"
        var version = Cardigan.version
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [ResultLocation]
        var partialFingerprints: [String: String]
    }

    struct ResultLocation: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String?
        var description: Text?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int?
    }

    public func render(_ report: FindingReport) -> String {
        // The rules that fired, in the order of their ids, described from the one registry.
        let fired = Set(report.findings.map(\.ruleID))
        let ruleIDs = RuleID.allCases.filter(fired.contains).sorted()
        let rules = ruleIDs.map { id in
            Rule(
                id: id.rawValue, shortDescription: Text(text: id.summary), fullDescription: Text(text: id.help.why),
                help: Text(text: id.help.fix),
                defaultConfiguration: Configuration(level: id.level))
        }
        let results = report.findings.map { finding -> Result in
            var message = finding.messageWithCommit
            if let hint = finding.hint { message += " (\(hint))" }
            return Result(
                ruleId: finding.ruleID.rawValue, ruleIndex: ruleIDs.firstIndex(of: finding.ruleID) ?? 0,
                level: finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "note",
                // A code-scanning UI shows the text as it is: control and bidi characters as escapes.
                message: Text(text: DisplayText.escaped(message, lineBreaks: true)),
                locations: [Self.location(of: finding)],
                partialFingerprints: [Self.fingerprintKey: Self.fingerprint(of: finding)])
        }
        return JSONText.encode(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)])) + "\n"
    }

    /// A file finding points at its region, or at the file alone when it is about the whole
    /// file; a finding about the repository as a whole (a rewritten branch, a missing tag)
    /// points at the repository root, with no region.
    static func location(of finding: Finding) -> ResultLocation {
        guard let location = finding.location, !location.path.isEmpty, location.path != "." else {
            return ResultLocation(
                physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(
                        uri: ".", uriBaseId: rootBaseID, description: Text(text: "the repository as a whole")),
                    region: nil))
        }
        // A finding about the whole file has no region: SARIF reads a location without one as the whole artifact.
        // Without a known end the region runs to the end of the start line (SARIF's default endColumn).
        let region = location.position.map { position in
            let end = location.end.flatMap { $0 > position ? $0 : nil }
            return Region(
                startLine: position.line, startColumn: position.column, endLine: end?.line ?? position.line,
                endColumn: end?.column)
        }
        let isAbsolute = location.path.hasPrefix("/")
        return ResultLocation(
            physicalLocation: PhysicalLocation(
                artifactLocation: ArtifactLocation(
                    uri: uriReference(location.path), uriBaseId: isAbsolute ? nil : rootBaseID),
                region: region))
    }

    /// A path as a URI reference: each byte outside RFC 3986's unreserved set and `/` is
    /// percent-encoded (UTF-8), so spaces, `%`, `#` and non-ASCII letters survive; an absolute
    /// path becomes a `file://` URI.
    public static func uriReference(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        // A relative path whose first segment holds a ':' would read as a scheme; './' keeps it a path.
        if !path.hasPrefix("/"), let colon = path.firstIndex(of: ":"),
            !path[..<colon].contains("/")
        {
            return "./" + encoded
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    /// What identifies a finding across runs: its rule, file, and the field (JSON pointer) it is
    /// about — or its message when it names no field — and its commit; not its line, so an edit
    /// above it does not make it a new alert.
    static func fingerprint(of finding: Finding) -> String {
        let location = finding.location
        let subject = location.map { $0.pointer.isEmpty ? finding.message : $0.pointer } ?? finding.message
        let key = [finding.ruleID.rawValue, location?.path ?? "", subject, finding.commit ?? ""].joined(
            separator: "\u{0}")
        return CardDigest.sha256Hex(Data(key.utf8))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
