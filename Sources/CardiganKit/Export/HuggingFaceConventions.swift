/// What the Hugging Face Hub expects of a model card's metadata, and how a cardigan card maps
/// onto it: license identifiers, dataset ids and the pipeline tag.
enum HuggingFaceConventions {
    /// The Hub's license identifiers (its documentation's "Licenses" list).
    static let licenses: Set<String> = [
        "apache-2.0", "mit", "openrail", "bigscience-openrail-m", "creativeml-openrail-m", "bigscience-bloom-rail-1.0",
        "bigcode-openrail-m", "afl-3.0", "artistic-2.0", "bsl-1.0", "bsd", "bsd-2-clause", "bsd-3-clause",
        "bsd-3-clause-clear", "c-uda", "cc", "cc0-1.0", "cc-by-2.0", "cc-by-2.5", "cc-by-3.0", "cc-by-4.0",
        "cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-2.0", "cc-by-nc-3.0", "cc-by-nc-4.0", "cc-by-nd-4.0",
        "cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0", "cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0",
        "cdla-sharing-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0", "wtfpl", "ecl-2.0", "epl-1.0", "epl-2.0",
        "etalab-2.0", "eupl-1.1", "agpl-3.0", "gfdl", "gpl", "gpl-2.0", "gpl-3.0", "lgpl", "lgpl-2.1", "lgpl-3.0",
        "isc", "lppl-1.3c", "ms-pl", "mpl-2.0", "odc-by", "odbl", "openrail++", "osl-3.0", "postgresql", "ofl-1.1",
        "ncsa", "unlicense", "zlib", "pddl", "lgpl-lr", "deepfloyd-if-license", "llama2", "gemma", "unknown",
    ]

    /// The license metadata: a Hub identifier as `license`; any other license as `license:
    /// other` with `license_name` (a slug of its name, or `custom_details.license_name`) and
    /// `license_link` (`custom_details.license_link`, else the repository's `LICENSE` file, where
    /// the Hub asks for the text of such a license); no license at all as `license: unknown`.
    static func license(_ details: ValueNode?) -> [(key: String, value: String)] {
        let given = details?["license"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
        if given.isEmpty, details?["license_name"] == nil { return [("license", "unknown")] }
        if licenses.contains(given.lowercased()), given.lowercased() != "other" {
            return [("license", given.lowercased())]
        }
        let name = details?["license_name"]?.stringValue.map(HuggingFaceCard.slug) ?? HuggingFaceCard.slug(given)
        let link = details?["license_link"]?.stringValue ?? "LICENSE"
        return [("license", "other"), ("license_name", name.isEmpty ? "custom" : name), ("license_link", link)]
    }

    /// Whether `text` is a Hub dataset id (`name` or `owner/name`), not an S3 URI or a path:
    /// those stay in the card's body.
    static func isDatasetID(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !text.contains(":") else { return false }
        return parts.allSatisfy { part in
            guard let first = part.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first)
            else { return false }
            return part.count <= 96
                && part.unicodeScalars.allSatisfy {
                    $0.isASCII
                        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
                } && !part.hasSuffix(".") && !part.contains("..")
        }
    }

    /// The Hub's pipeline tag for the card, by the mapping the README documents:
    /// `custom_details.pipeline_tag` when given; otherwise from the SageMaker task and domain of
    /// `model_package_details` and the words of `problem_type` and `algorithm_type`: text
    /// (NATURAL_LANGUAGE_PROCESSING, "text", "language", "nlp", "bert") and classification or
    /// regression → `text-classification`; images (COMPUTER_VISION, "image") → `image-classification`,
    /// or `object-detection` for detection; time series ("forecast") → `time-series-forecasting`;
    /// other classification → `tabular-classification`, regression → `tabular-regression`; nil
    /// when none applies.
    static func pipelineTag(_ root: ValueNode) -> String? {
        if let given = root["additional_information"]?["custom_details"]?["pipeline_tag"]?.stringValue, !given.isEmpty {
            return given
        }
        let overview = root["model_overview"]
        let package = root["model_package_details"]
        let words = [overview?["problem_type"], overview?["algorithm_type"], package?["task"]]
            .compactMap { $0?.stringValue?.lowercased() }.joined(separator: " ")
        let domain = (package?["domain"]?.stringValue ?? "").uppercased()
        func mentions(_ terms: [String]) -> Bool { terms.contains { words.contains($0) } }
        let text = domain.contains("NATURAL_LANGUAGE") || mentions(["text", "language", "nlp", "bert"])
        let image = domain.contains("COMPUTER_VISION") || mentions(["image", "vision"])
        let classification = mentions(["classif"])
        let regression = mentions(["regression"])
        if mentions(["forecast", "time series", "time-series"]) { return "time-series-forecasting" }
        if image, mentions(["detection"]) { return "object-detection" }
        if image, classification { return "image-classification" }
        if text, classification || regression { return "text-classification" }
        if classification { return "tabular-classification" }
        if regression { return "tabular-regression" }
        return nil
    }
}
