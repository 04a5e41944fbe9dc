import Foundation

/// Replaces one top-level key's block in a card's YAML text, keeping every other line —
/// comments included — as it was. `link` writes `model_package_details` this way.
public enum TopLevelBlockEditor {
    /// `text` with the block of top-level `key` replaced by `key: value` written as YAML (added
    /// at the end when absent). `root` is the loaded tree of `text`.
    public static func setting(_ key: String, to value: ValueNode, in text: String, root: ValueNode) -> String {
        let block = YAMLEmitter.text(
            of: ValueNode(.object([ValueNode.Member(key: key, keyPosition: .start, value: value)])))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let newLines = block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let members = root.members, let index = members.firstIndex(where: { $0.key == key }) else {
            return (lines + newLines).joined(separator: "\n") + "\n"
        }
        let start = members[index].keyPosition.line - 1
        var end = index + 1 < members.count ? members[index + 1].keyPosition.line - 1 : lines.count
        // Blank and comment lines just before the next key belong to it.
        while end > start + 1, end <= lines.count,
            lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#")
        {
            end -= 1
        }
        lines.replaceSubrange(start..<min(end, lines.count), with: newLines)
        return lines.joined(separator: "\n") + "\n"
    }
}
