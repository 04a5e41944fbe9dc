import Foundation

/// A Hugging Face model card: `README.md` with YAML metadata (`license`, `tags`, `datasets`,
/// `metrics`, `model-index`) and the card's sections under the Hub's usual headings.
enum HuggingFaceCard {
    /// The README of `source`.
    static func readme(_ source: ExportSource) -> String {
        let root = source.root
        let document = CardDocument(source)
        return "---\n" + YAMLEmitter.text(of: metadata(root, document: document)) + "---\n"
            + body(root, document: document)
    }

    // MARK: Metadata

    static func metadata(_ root: ValueNode, document: CardDocument) -> ValueNode {
        var members: [ValueNode.Member] = []
        func add(_ key: String, _ value: ValueNode) {
            members.append(ValueNode.Member(key: key, keyPosition: .start, value: value))
        }
        func strings(_ values: [String]) -> ValueNode { ValueNode(.array(values.map { ValueNode(.string($0)) })) }

        for (key, value) in HuggingFaceConventions.license(root["additional_information"]?["custom_details"]) {
            add(key, ValueNode(.string(value)))
        }
        var tags = ["cardigan"]
        for value in [root["model_overview"]?["problem_type"], root["model_overview"]?["algorithm_type"]] {
            if let slug = value?.stringValue.map(slug), !slug.isEmpty, !tags.contains(slug) { tags.append(slug) }
        }
        add("tags", strings(tags))
        if let tag = HuggingFaceConventions.pipelineTag(root) { add("pipeline_tag", ValueNode(.string(tag))) }
        var datasets: [String] = []
        let training = root["training_details"]?["training_job_details"]?["training_datasets"]?.elements ?? []
        let evaluations = root["evaluation_details"]?.elements ?? []
        for dataset in training + evaluations.flatMap({ $0["datasets"]?.elements ?? [] }) {
            // Hub dataset ids only: S3 URIs and paths stay in the body (Training Details, Evaluation).
            if let text = dataset.stringValue, HuggingFaceConventions.isDatasetID(text), !datasets.contains(text) {
                datasets.append(text)
            }
        }
        if !datasets.isEmpty { add("datasets", strings(datasets)) }
        let results = evaluations.compactMap { result($0, root: root) }
        var metricNames: [String] = []
        for result in results {
            for metric in result["metrics"]?.elements ?? [] {
                if let type = metric["type"]?.stringValue, !metricNames.contains(type) { metricNames.append(type) }
            }
        }
        if !metricNames.isEmpty { add("metrics", strings(metricNames)) }
        if !results.isEmpty {
            let entry = ValueNode(
                .object([
                    ValueNode.Member(key: "name", keyPosition: .start, value: ValueNode(.string(document.title))),
                    ValueNode.Member(key: "results", keyPosition: .start, value: ValueNode(.array(results))),
                ]))
            add("model-index", ValueNode(.array([entry])))
        }
        return ValueNode(.object(members))
    }

    /// One `model-index` result: the evaluation's number metrics, or nil when it has none.
    private static func result(_ evaluation: ValueNode, root: ValueNode) -> ValueNode? {
        var metrics: [ValueNode] = []
        for group in evaluation["metric_groups"]?.elements ?? [] {
            for metric in group["metric_data"]?.elements ?? [] where metric["type"]?.stringValue == "number" {
                guard let name = metric["name"]?.stringValue, let value = metric["value"], value.numberValue != nil
                else { continue }
                metrics.append(
                    object([
                        ("type", ValueNode(.string(slug(name).isEmpty ? "metric" : slug(name)))),
                        ("value", value), ("name", ValueNode(.string(name))),
                    ]))
            }
        }
        guard !metrics.isEmpty else { return nil }
        let name = evaluation["name"]?.stringValue ?? "evaluation"
        let problem = root["model_overview"]?["problem_type"]?.stringValue ?? "Model evaluation"
        let firstDataset = evaluation["datasets"]?.elements?.first?.stringValue
        let datasetType =
            firstDataset.flatMap { HuggingFaceConventions.isDatasetID($0) ? $0 : nil }
            ?? (slug(name).isEmpty ? "evaluation" : slug(name))
        return object([
            ("task", object([("type", ValueNode(.string(taskType(root)))), ("name", ValueNode(.string(problem)))])),
            ("dataset", object([("name", ValueNode(.string(name))), ("type", ValueNode(.string(datasetType)))])),
            ("metrics", ValueNode(.array(metrics))),
        ])
    }

    /// The `model-index` task type: the pipeline tag, else the problem type as a slug.
    static func taskType(_ root: ValueNode) -> String {
        if let tag = HuggingFaceConventions.pipelineTag(root) { return tag }
        let slugged = slug(root["model_overview"]?["problem_type"]?.stringValue ?? "")
        return slugged.isEmpty ? "other" : slugged
    }

    private static func object(_ pairs: [(String, ValueNode)]) -> ValueNode {
        ValueNode(.object(pairs.map { ValueNode.Member(key: $0.0, keyPosition: .start, value: $0.1) }))
    }

    /// Lowercase words joined with `-`: `Binary Classification` → `binary-classification`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingDash && !result.isEmpty { result += "-" }
                result.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }

    // MARK: Body

    private static func body(_ root: ValueNode, document: CardDocument) -> String {
        var md = MarkdownWriter()
        let overview = root["model_overview"]
        let uses = root["intended_uses"]
        let info = root["additional_information"]
        func field(_ node: ValueNode?, _ key: String) -> String? { node?[key].map(CardDocument.text) }

        md.heading(1, "Model Card for \(document.title)")
        let e = TextEscaping.markdown
        md.raw(
            "Card \(e(document.name)), \(e(document.versionLabel)), status **\(e(document.status))**"
                + (document.link.map { ", model package \(e($0))" } ?? "") + ".")
        md.heading(2, "Model Details")
        md.heading(3, "Model Description")
        if let description = field(overview, "model_description") { md.paragraph(description) }
        var details: [(String, String)] = []
        for (key, label) in [
            ("model_creator", "Developed by"), ("model_owner", "Owned by"), ("problem_type", "Model type"),
            ("algorithm_type", "Algorithm"), ("model_version", "Model version"), ("model_id", "Model ID"),
        ] {
            if let value = field(overview, key) { details.append((label, value)) }
        }
        if let license = info?["custom_details"]?["license"]?.stringValue { details.append(("License", license)) }
        md.bullets(details)
        let handled: Set<String> = [
            "model_description", "model_creator", "model_owner", "problem_type", "algorithm_type", "model_version",
            "model_id",
        ]
        md.blocks(remaining(overview, except: handled), level: 3)

        md.heading(2, "Uses")
        md.heading(3, "Direct Use")
        for key in ["purpose_of_model", "intended_uses"] {
            if let text = field(uses, key) { md.paragraph(text) }
        }
        md.heading(2, "Bias, Risks, and Limitations")
        if let rating = field(uses, "risk_rating") { md.raw("**Risk rating:** \(TextEscaping.markdown(rating))") }
        for key in ["explanations_for_risk_rating", "factors_affecting_model_efficiency"] {
            if let text = field(uses, key) { md.paragraph(text) }
        }
        if let text = field(info, "ethical_considerations") { md.paragraph(text) }
        if let text = field(info, "caveats_and_recommendations") {
            md.heading(3, "Recommendations")
            md.paragraph(text)
        }
        let usesHandled: Set<String> = [
            "purpose_of_model", "intended_uses", "risk_rating", "explanations_for_risk_rating",
            "factors_affecting_model_efficiency",
        ]
        md.blocks(remaining(uses, except: usesHandled), level: 3)

        for section in document.sections {
            switch section.key {
            case "training_details":
                md.heading(2, "Training Details")
                md.blocks(section.blocks, level: 3)
            case "evaluation_details":
                md.heading(2, "Evaluation")
                md.blocks(section.blocks, level: 3)
            case "business_details":
                md.heading(2, "Business Context")
                md.blocks(section.blocks, level: 3)
            case "model_package_details":
                md.heading(2, "Technical Specifications")
                md.blocks(section.blocks, level: 3)
            default:
                continue
            }
        }
        let infoHandled: Set<String> = ["ethical_considerations", "caveats_and_recommendations"]
        let more = remaining(info, except: infoHandled)
        let known = Set(ExportLabels.sections.map(\.key))
        let others = document.sections.filter { !known.contains($0.key) }
        if !more.isEmpty || !others.isEmpty {
            md.heading(2, "More Information")
            md.blocks(more, level: 3)
            for section in others {
                md.heading(3, section.title)
                md.blocks(section.blocks, level: 4)
            }
        }
        if let owner = field(overview, "model_owner") {
            md.heading(2, "Model Card Contact")
            md.paragraph(owner)
        }
        md.raw("---\n\n" + TextEscaping.markdown(document.footer))
        return md.text
    }

    private static func remaining(_ node: ValueNode?, except keys: Set<String>) -> [CardDocument.Block] {
        guard let node, let members = node.members else { return [] }
        return CardDocument.blocks(of: ValueNode(.object(members.filter { !keys.contains($0.key) })), prefix: "")
    }
}
