/// Prints a SARIF 2.1.0 log: one run, the rules that fired as `tool.driver.rules`, each finding
/// as a result with its physical location. Code-scanning services read this.
public struct SARIFReporter: FindingReporter {
    /// Creates a SARIF reporter.
    public init() {}

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "cardigan"
        var version = Cardigan.version
        var informationUri = "https://github.com/cardigan-dev/cardigan"
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var shortDescription: Text
    }

    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [ResultLocation]
    }

    struct ResultLocation: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
    }

    public func render(_ report: FindingReport) -> String {
        let ruleIDs = Array(Set(report.findings.map(\.ruleID))).sorted()
        let rules = ruleIDs.map { Rule(id: $0, shortDescription: Text(text: RuleCatalog.summary(of: $0))) }
        let results = report.findings.map { finding -> Result in
            let location = finding.location ?? Location(path: ".")
            var message = finding.message
            if let hint = finding.hint { message += " (\(hint))" }
            return Result(
                ruleId: finding.ruleID, ruleIndex: ruleIDs.firstIndex(of: finding.ruleID) ?? 0,
                level: finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "note",
                message: Text(text: message),
                locations: [
                    ResultLocation(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: ArtifactLocation(uri: location.path),
                            region: Region(startLine: location.position.line, startColumn: location.position.column)))
                ])
        }
        return JSONText.encode(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)])) + "\n"
    }
}
