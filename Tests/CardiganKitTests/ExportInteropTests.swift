import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// SageMaker content JSON (round trip, AWS schema), Hugging Face README and PDF exports.
@Suite struct ExportInteropTests {
    @Test(arguments: ExportFixtures.cardNames)
    func sageMakerExportThenImportGivesTheSameDigest(name: String) throws {
        let root = try ExportFixtures.root(name)
        let json = try ExportFixtures.render(name, .sagemaker)
        #expect(json == (try ExportFixtures.render(name, .sagemaker)))  // deterministic
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // With the link kept, the round trip is exact (without it, import leaves out
        // model_package_details so that committing the card links nothing by accident).
        let result = try CardImporter.sageMaker(
            Data(json), sourcePath: "\(name).json", name: name, workspace: Workspace(rootPath: directory),
            keepLink: true)
        #expect(result.written, "\(result.findings.map(\.message))")
        let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/cards/\(name).yaml"))
        let check = CardValidator(schema: try Workspace.builtInSchema()).validate(written, path: "cards/\(name).yaml")
        #expect(check.findings.isEmpty, "\(check.findings.map(\.message))")
        let imported = try #require(check.root)
        #expect(CardDigest.of(imported) == CardDigest.of(root))
        #expect(imported["status"]?.stringValue == "Draft")
    }

    static let schemaPython = TestTools.python(importing: ["cfnlint", "jsonschema", "yaml"])

    @Test(
        .enabled(
            if: TestTools.runs(schemaPython != nil),
            "python3 with cfn-lint, jsonschema and PyYAML is not installed; run scripts/install-test-tools.sh"))
    func sageMakerExportsValidateAgainstTheAWSSchema() throws {
        let python = try #require(Self.schemaPython, "cfn-lint, jsonschema or PyYAML is missing")
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var files: [String] = []
        for name in ExportFixtures.cardNames {
            let path = directory + "/\(name).json"
            try Data(try ExportFixtures.render(name, .sagemaker)).write(to: URL(fileURLWithPath: path))
            files.append(path)
        }
        let result = try ProcessResult.run(
            [python, PackagePaths.root + "/scripts/check-sagemaker-schema.py"] + files, in: PackagePaths.root)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.components(separatedBy: "ok  ").count - 1 == files.count)
    }

    @Test(arguments: ExportFixtures.cardNames)
    func huggingFaceReadmeHasMetadataAndHeadings(name: String) throws {
        let readme = String(decoding: try ExportFixtures.render(name, .huggingface), as: UTF8.self)
        #expect(readme.hasPrefix("---\nlicense: "))
        for heading in [
            "## Model Details", "## Uses", "## Bias, Risks, and Limitations", "## Training Details", "## Evaluation",
        ] {
            #expect(readme.contains("\n" + heading + "\n"), "\(heading)")
        }
        #expect(readme.contains("model-index:"))
        #expect(readme.contains("digest sha256:"))
    }

    static let hubPython = TestTools.python(importing: ["huggingface_hub"])

    @Test(
        .enabled(
            if: TestTools.runs(hubPython != nil),
            "python3 with huggingface_hub is not installed; run scripts/install-test-tools.sh"))
    func huggingFaceReadmeParsesWithHuggingFaceHub() throws {
        let python = try #require(Self.hubPython, "huggingface_hub is missing")
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ExportFixtures.cardNames {
            let path = directory + "/\(name).md"
            try Data(try ExportFixtures.render(name, .huggingface)).write(to: URL(fileURLWithPath: path))
            let script = """
                import sys
                from huggingface_hub import ModelCard
                card = ModelCard(open(sys.argv[1], encoding="utf-8").read())
                results = card.data.eval_results or []
                assert results, "no eval_results"
                for r in results:
                    assert r.task_type and r.dataset_type and r.dataset_name and r.metric_type
                    assert isinstance(r.metric_value, (int, float)), r.metric_value
                print(len(results), card.data.license, card.data.tags)
                """
            let result = try ProcessResult.run([python, "-c", script, path], in: "/")
            #expect(result.status == 0, "\(name): \(result.output)\(result.error)")
        }
    }

    static let hasPoppler = ["pdftotext", "pdftoppm", "pdfinfo"].allSatisfy { TestTools.path($0) != nil }

    @Test(
        .enabled(
            if: TestTools.runs(hasPoppler), "poppler-utils is not installed; run scripts/install-test-tools.sh"),
        arguments: ExportFixtures.cardNames)
    func pdfHasEveryTextFieldAndRendersEveryPage(name: String) throws {
        let pdftotext = try #require(TestTools.path("pdftotext"), "pdftotext is missing")
        let pdftoppm = try #require(TestTools.path("pdftoppm"), "pdftoppm is missing")
        let pdfinfo = try #require(TestTools.path("pdfinfo"), "pdfinfo is missing")
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pdf = try ExportFixtures.render(name, .pdf)
        #expect(pdf == (try ExportFixtures.render(name, .pdf)))  // deterministic
        try Data(pdf).write(to: URL(fileURLWithPath: directory + "/card.pdf"))
        let text = try ProcessResult.run([pdftotext, "card.pdf", "-"], in: directory).checked().output
        let squeezed = text.filter { !$0.isWhitespace }
        for field in ExportFixtures.strings(in: try ExportFixtures.root(name)) {
            // Words of wrapped lines and table cells may be split: each word must be there.
            for word in field.split(whereSeparator: \.isWhitespace) {
                #expect(squeezed.contains(word), "\(name): '\(word)' of '\(field.prefix(60))' is missing from the PDF")
            }
        }
        let info = try ProcessResult.run([pdfinfo, "card.pdf"], in: directory).checked().output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        let count = try #require(pages)
        #expect(count >= 2)
        let render = try ProcessResult.run([pdftoppm, "-r", "30", "-png", "card.pdf", "page"], in: directory)
        #expect(render.status == 0 && render.error.isEmpty, "\(render.error)")
        let images = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".png") }
        #expect(images.count == count)
    }
}
