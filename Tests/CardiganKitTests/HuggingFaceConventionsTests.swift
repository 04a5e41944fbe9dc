import Foundation
import TestSupport
import Testing

@testable import CardiganKit

/// The Hugging Face README follows the Hub's conventions, read back with huggingface_hub:
/// Hub dataset ids only in `datasets`, `license: other` with its name and link, and the
/// pipeline tag from the documented mapping.
@Suite struct HuggingFaceConventionsTests {
    /// The example card `name` with `custom_details` and dataset lists replaced.
    static func card(
        _ name: String, customDetails: [(String, String)], datasets: [String]? = nil
    ) throws -> ValueNode {
        var root = try ExportFixtures.root(name)
        guard case .object(var members) = root.kind else { return root }
        func string(_ text: String) -> ValueNode { ValueNode(.string(text)) }
        for index in members.indices where members[index].key == "additional_information" {
            guard case .object(var info) = members[index].value.kind else { continue }
            info.removeAll { $0.key == "custom_details" }
            let details = customDetails.map { ValueNode.Member(key: $0.0, keyPosition: .start, value: string($0.1)) }
            info.append(
                ValueNode.Member(key: "custom_details", keyPosition: .start, value: ValueNode(.object(details))))
            members[index].value = ValueNode(.object(info))
        }
        if let datasets {
            for index in members.indices where members[index].key == "training_details" {
                let list = ValueNode(.array(datasets.map(string)))
                let job = ValueNode(
                    .object([ValueNode.Member(key: "training_datasets", keyPosition: .start, value: list)]))
                members[index].value = ValueNode(
                    .object([ValueNode.Member(key: "training_job_details", keyPosition: .start, value: job)]))
            }
        }
        root.kind = .object(members)
        return root
    }

    /// What huggingface_hub reads from the README of `root`: its metadata as JSON, and its body.
    static func read(_ name: String, root: ValueNode) throws -> (metadata: [String: Any], body: String) {
        let python = try TestTools.requirePython()
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data(try ExportFixtures.render(name, .huggingface, root: root)).write(
            to: URL(fileURLWithPath: directory + "/README.md"))
        let script = """
            import json, sys
            from huggingface_hub import ModelCard
            card = ModelCard.load(sys.argv[1])
            print(json.dumps({"data": card.data.to_dict(), "text": card.text}))
            """
        let output = try ProcessResult.run([python, "-c", script, directory + "/README.md"], in: directory).checked()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.output.utf8)) as? [String: Any])
        return (try #require(object["data"] as? [String: Any]), object["text"] as? String ?? "")
    }

    static let reason = "huggingface_hub is not installed (scripts/install-test-tools.sh)"

    @Test(.enabled(if: TestTools.usablePythonModule("huggingface_hub"), "\(reason)"))
    func theExampleCardsGetTheirPipelineTagsAndNoS3Datasets() throws {
        let expected = [
            "credit-risk": "tabular-classification", "customer-churn": "tabular-classification",
            "support-ticket-classifier": "text-classification",
        ]
        for name in ExportFixtures.cardNames {
            let read = try Self.read(name, root: try ExportFixtures.root(name))
            #expect(read.metadata["pipeline_tag"] as? String == expected[name], "\(name)")
            #expect(read.metadata["datasets"] == nil, "\(name): \(read.metadata["datasets"] ?? "")")
            #expect(read.body.contains("s3://acme-ml-data/"), "\(name): the S3 datasets left the body")
            #expect(read.metadata["license"] as? String == "unknown")
            let index = try #require(
                read.metadata["model_index"] as? [[String: Any]] ?? read.metadata["model-index"] as? [[String: Any]])
            let results = try #require(index.first?["results"] as? [[String: Any]])
            for result in results {
                #expect((result["task"] as? [String: Any])?["type"] as? String == expected[name])
                let type = (result["dataset"] as? [String: Any])?["type"] as? String ?? ""
                #expect(!type.contains("://"), "\(name): dataset type \(type)")
            }
        }
    }

    @Test(.enabled(if: TestTools.usablePythonModule("huggingface_hub"), "\(reason)"))
    func licensesDatasetsAndOverridesFollowTheHub() throws {
        let other = try Self.card(
            "customer-churn",
            customDetails: [("license", "ACME Internal Use 1.2"), ("pipeline_tag", "text-classification")],
            datasets: ["imdb", "acme/support-tickets", "s3://acme-ml-data/x.parquet", "data/train/x.csv"])
        let read = try Self.read("customer-churn", root: other)
        #expect(read.metadata["license"] as? String == "other")
        #expect(read.metadata["license_name"] as? String == "acme-internal-use-1-2")
        #expect(read.metadata["license_link"] as? String == "LICENSE")
        #expect(read.metadata["datasets"] as? [String] == ["imdb", "acme/support-tickets"])
        #expect(read.body.contains("s3://acme-ml-data/x.parquet") && read.body.contains("data/train/x.csv"))
        #expect(read.metadata["pipeline_tag"] as? String == "text-classification")

        let linked = try Self.card(
            "customer-churn",
            customDetails: [("license_name", "acme-eula"), ("license_link", "https://example.com/eula")])
        let linkedRead = try Self.read("customer-churn", root: linked)
        #expect(linkedRead.metadata["license"] as? String == "other")
        #expect(linkedRead.metadata["license_name"] as? String == "acme-eula")
        #expect(linkedRead.metadata["license_link"] as? String == "https://example.com/eula")

        let known = try Self.card("customer-churn", customDetails: [("license", "Apache-2.0")])
        let knownRead = try Self.read("customer-churn", root: known)
        #expect(knownRead.metadata["license"] as? String == "apache-2.0")
        #expect(knownRead.metadata["license_name"] == nil)
    }

    @Test func datasetIDsAndThePipelineMapping() throws {
        for id in ["imdb", "acme/support-tickets", "glue", "user_1/data.v2"] {
            #expect(HuggingFaceConventions.isDatasetID(id), "\(id)")
        }
        for notID in ["s3://bucket/x", "data/train/x.csv", "/abs/path", "a//b", "", "hf://datasets/x", "x/.."] {
            #expect(!HuggingFaceConventions.isDatasetID(notID), "\(notID)")
        }
        func tag(_ problem: String, _ algorithm: String = "", domain: String? = nil) -> String? {
            var overview: [ValueNode.Member] = [
                ValueNode.Member(key: "problem_type", keyPosition: .start, value: ValueNode(.string(problem))),
                ValueNode.Member(key: "algorithm_type", keyPosition: .start, value: ValueNode(.string(algorithm))),
            ]
            overview = overview.filter { $0.value.stringValue != "" }
            var members = [
                ValueNode.Member(key: "model_overview", keyPosition: .start, value: ValueNode(.object(overview)))
            ]
            if let domain {
                let package = ValueNode(
                    .object([ValueNode.Member(key: "domain", keyPosition: .start, value: ValueNode(.string(domain)))]))
                members.append(ValueNode.Member(key: "model_package_details", keyPosition: .start, value: package))
            }
            return HuggingFaceConventions.pipelineTag(ValueNode(.object(members)))
        }
        #expect(tag("Multiclass Classification", "Fine-tuned DistilBERT text classifier") == "text-classification")
        #expect(tag("Binary Classification", "XGBoost") == "tabular-classification")
        #expect(tag("Regression", "LightGBM") == "tabular-regression")
        #expect(tag("Classification", domain: "COMPUTER_VISION") == "image-classification")
        #expect(tag("Object detection", "YOLO", domain: "COMPUTER_VISION") == "object-detection")
        #expect(tag("Demand forecasting", "DeepAR") == "time-series-forecasting")
        #expect(tag("Clustering", "k-means") == nil)
    }
}
