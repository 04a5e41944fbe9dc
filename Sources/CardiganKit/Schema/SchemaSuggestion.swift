/// Finds the allowed word a misspelt one was most likely meant to be, for "did you mean" hints
/// in schema violations.
enum SchemaSuggestion {
    /// The candidate closest to `word`: a case-insensitive exact match first, then the one at the
    /// smallest edit distance when that distance is small for the word's length.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        guard !candidates.isEmpty else { return nil }
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        let wordScalars = Array(lowered.unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wordScalars, Array(candidate.lowercased().unicodeScalars))
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // Allow about one edit per three characters, at least one, so short words don't match noise.
        let limit = max(1, min(wordScalars.count, best.candidate.unicodeScalars.count) / 3)
        return best.distance <= limit ? best.candidate : nil
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
