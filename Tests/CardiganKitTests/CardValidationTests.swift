import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// Card validation end to end in the library: the example cards, the templates, and the rules
/// checked in code.
@Suite struct CardValidationTests {
    static let validator: CardValidator = {
        do {
            return CardValidator(schema: try Workspace.builtInSchema())
        } catch {
            fatalError("the built-in schema does not compile: \(error)")
        }
    }()

    private func check(_ text: String, path: String = "cards/demo.yaml") -> CardCheck {
        Self.validator.validate(Data(text.utf8), path: path)
    }

    @Test func theExampleCardsAreValid() throws {
        let directory = PackagePaths.exampleCards
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 3)
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: directory + "/" + name))
            let result = Self.validator.validate(data, path: "cards/" + name)
            #expect(result.findings.isEmpty, "\(name): \(result.findings.map(\.message))")
        }
    }

    @Test func theTemplatesGiveValidCards() throws {
        for template in ["minimal", "full"] {
            let text = try #require(EmbeddedTemplates.files["cards/\(template).yaml"])
            let result = check(text.replacingOccurrences(of: "{{name}}", with: "demo"))
            #expect(result.findings.isEmpty, "\(template): \(result.findings.map(\.message))")
        }
    }

    @Test func theEmbeddedTemplatesMatchTheTemplatesFolder() throws {
        for (path, text) in EmbeddedTemplates.files {
            let onDisk = try String(contentsOfFile: PackagePaths.root + "/templates/" + path, encoding: .utf8)
            #expect(onDisk == text, "templates/\(path) changed: run scripts/embed-templates.py")
        }
        let root = PackagePaths.root + "/templates"
        let onDisk = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && (path as NSString).lastPathComponent != "README.md"
        }
        #expect(EmbeddedTemplates.files.count == onDisk.count)
    }

    @Test func reportsEveryFindingWithItsPositionAndRule() {
        let text = """
            name: demo
            status: Drafted
            model_overview:
              model_name: demo
              model_onwer: retail
            intended_uses:
              risk_rating: Meduim

            """
        let findings = check(text).findings
        let summary = findings.map { "\($0.location?.position?.description ?? "") \($0.ruleID)" }
        #expect(summary == ["2:9 schema-enum", "5:3 schema-additionalProperties", "7:16 schema-enum"])
        #expect(findings[1].hint == "did you mean 'model_owner'?")
        #expect(findings[2].hint == "did you mean 'Medium'?")
        #expect(findings[2].location?.pointer == "/intended_uses/risk_rating")
    }

    @Test func aRefusedAnchorIsOneFindingNotTwo() {
        let findings = check("name: demo\nstatus: &s Draft\nmodel_overview:\n  model_name: demo\n").findings
        #expect(findings.map { "\($0.location?.position?.description ?? "") \($0.ruleID)" } == ["2:9 yaml-anchor"])
    }

    @Test func aNumberWhereTextIsWantedSuggestsQuoting() throws {
        let text = "name: demo\nstatus: Draft\nmodel_overview:\n  model_name: demo\n  model_description: 1.10\n"
        let finding = try #require(check(text).findings.first)
        #expect(finding.ruleID == .schemaType)
        #expect(finding.message.contains("1.10"))
        #expect(finding.hint?.contains("'1.10'") == true)
        #expect(finding.location?.position == SourcePosition(line: 5, column: 22))
    }

    @Test func missingRequiredFieldsAreLocatedAtTheirObject() throws {
        let finding = try #require(
            check("name: demo\nstatus: Draft\nmodel_overview:\n  model_description: x\n").findings.first)
        #expect(finding.ruleID == .schemaRequired)
        #expect(finding.message.contains("'model_name'"))
        #expect(finding.location?.position == SourcePosition(line: 4, column: 3))
    }

    @Test func theNameMustEqualTheFileName() throws {
        let finding = try #require(
            check("name: other\nstatus: Draft\nmodel_overview:\n  model_name: m\n").findings.first)
        #expect(finding.ruleID == .cardName)
        #expect(finding.location?.position == SourcePosition(line: 1, column: 7))
        let badFile = check(
            "name: Bad_Name\nstatus: Draft\nmodel_overview:\n  model_name: m\n", path: "cards/Bad_Name.yaml")
        #expect(badFile.findings.contains { $0.ruleID == .cardFileName })
    }

    @Test func theContentIsAtMost100000Characters() {
        var text =
            "name: demo\nstatus: Draft\nmodel_overview:\n  model_name: demo\nadditional_information:\n  custom_details:\n"
        for index in 0..<120 { text += "    note_\(index): \"\(String(repeating: "x", count: 900))\"\n" }
        let findings = check(text).findings
        #expect(findings.contains { $0.ruleID == .cardContentSize })
    }

    @Test func aListInsteadOfAMappingIsATypeError() throws {
        let finding = try #require(check("- name: demo\n- status: Draft\n").findings.first)
        #expect(finding.ruleID == .schemaType)
        #expect(finding.location?.position == SourcePosition(line: 1, column: 1))
    }
}
