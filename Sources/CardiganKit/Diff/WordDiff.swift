/// A word-level difference of two texts: the longest common subsequence of their words, with
/// the words only in the old text removed and those only in the new text added.
public enum WordDiff {
    /// A run of words that are kept, removed or added.
    public struct Segment: Sendable, Codable, Equatable {
        /// What happened to the words.
        public enum Kind: String, Sendable, Codable {
            case same, removed, added
        }

        /// What happened.
        public var kind: Kind
        /// The words, separated by single spaces.
        public var text: String

        /// Creates a segment.
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Texts with more words than this (on either side) are not compared word by word, to
    /// keep the quadratic table small; they are shown as one removal and one addition.
    static let maximumWords = 3_000

    /// The segments that turn `old` into `new`, adjacent words of one kind grouped.
    public static func segments(from old: String, to new: String) -> [Segment] {
        let a = words(old)
        let b = words(new)
        guard a.count <= maximumWords, b.count <= maximumWords else {
            return [Segment(.removed, a.joined(separator: " ")), Segment(.added, b.joined(separator: " "))]
                .filter { !$0.text.isEmpty }
        }
        // lengths[i][j]: the LCS length of a[i...] and b[j...], filled from the end.
        let width = b.count + 1
        var lengths = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] =
                    a[i] == b[j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var result: [Segment] = []
        func append(_ kind: Segment.Kind, _ word: String) {
            if let last = result.last, last.kind == kind {
                result[result.count - 1].text += " " + word
            } else {
                result.append(Segment(kind, word))
            }
        }
        var i = 0
        var j = 0
        var removed: [String] = []
        var added: [String] = []
        // Removals and additions between two kept words are gathered so that each change
        // reads as one `[-old-]{+new+}` pair and not as interleaved single words.
        func flush() {
            for word in removed { append(.removed, word) }
            for word in added { append(.added, word) }
            removed = []
            added = []
        }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                flush()
                append(.same, a[i])
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
                removed.append(a[i])
                i += 1
            } else {
                added.append(b[j])
                j += 1
            }
        }
        flush()
        return result
    }

    /// The segments as plain text: `kept [-removed-]{+added+} kept`.
    public static func text(_ segments: [Segment]) -> String {
        var out = ""
        for (index, segment) in segments.enumerated() {
            // A replacement reads as one unit: `[-old-]{+new+}`, no space between.
            if index > 0, !(segment.kind == .added && segments[index - 1].kind == .removed) { out += " " }
            switch segment.kind {
            case .same: out += segment.text
            case .removed: out += "[-" + segment.text + "-]"
            case .added: out += "{+" + segment.text + "+}"
            }
        }
        return out
    }

    /// The segments as markdown: `kept ~~removed~~ **added** kept`.
    public static func markdown(_ segments: [Segment]) -> String {
        segments.map { segment in
            switch segment.kind {
            case .same: return Markdown.escape(segment.text)
            case .removed: return "~~" + Markdown.escape(segment.text) + "~~"
            case .added: return "**" + Markdown.escape(segment.text) + "**"
            }
        }.joined(separator: " ")
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }
}
