import Foundation

/// The content JSON of a SageMaker model card (what `aws sagemaker create-model-card --content`
/// takes): a card without `name` and `status`, whose keys already are SageMaker's snake_case.
public enum SageMakerContent {
    /// The content JSON of the card `root`: keys sorted, two-space indentation, a final newline.
    public static func json(of root: ValueNode) -> String {
        guard case .object(let members) = root.kind else { return "{}\n" }
        var output = ""
        write(ValueNode(.object(members.filter { $0.key != "name" && $0.key != "status" })), indent: 0, to: &output)
        return output + "\n"
    }

    private static func write(_ node: ValueNode, indent: Int, to output: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch node.kind {
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            let sorted = members.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            for (index, member) in sorted.enumerated() {
                output += pad
                CanonicalJSON.writeString(member.key, to: &output)
                output += ": "
                write(member.value, indent: indent + 1, to: &output)
                output += index + 1 < sorted.count ? ",\n" : "\n"
            }
            output += close + "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            if elements.allSatisfy({ $0.numberValue != nil }) {
                output += "[" + elements.map { CanonicalJSON.text(of: $0) }.joined(separator: ", ") + "]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += pad
                write(element, indent: indent + 1, to: &output)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += close + "]"
        default:
            output += CanonicalJSON.text(of: node)
        }
    }
}
