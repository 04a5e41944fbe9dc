import Foundation

/// Reads the versions of one card for a site worker, parsing each distinct top-level section
/// once: consecutive versions share most sections, and parsing them again was a fifth of a
/// build. Used by one worker for one card (not shared between threads).
///
/// A file is read section by section only when ``SectionMemo`` can cut it exactly and every
/// section read alone is one member of its own key without findings, as `verify` reads; any
/// other file (and any file with a repeated key) is read whole by ``SafeYAMLLoader``. The
/// members read alone carry positions within their section, which no page shows.
final class SiteCardReader {
    private var members: [SectionMemo.SectionText: ValueNode.Member] = [:]

    /// The card tree of the file `bytes`, nil when it cannot be read; `path` names it.
    func root(of bytes: [UInt8], path: String) -> ValueNode? {
        if let root = sectioned(bytes, path: path) { return root }
        return SafeYAMLLoader.load(bytes: bytes, path: path).root
    }

    /// The tree read section by section, or nil when the file must be read whole.
    private func sectioned(_ bytes: [UInt8], path: String) -> ValueNode? {
        guard bytes.count <= SafeYAMLLoader.maximumBytes, let ranges = SectionMemo.sectionRanges(in: bytes) else {
            return nil
        }
        var parts: [ValueNode.Member] = []
        parts.reserveCapacity(ranges.count)
        for range in ranges {
            let text = SectionMemo.SectionText(bytes: Array(bytes[range.bytes]))
            if let known = members[text] {
                parts.append(known)
                continue
            }
            let loaded = SafeYAMLLoader.load(bytes: text.bytes, path: path)
            guard loaded.findings.isEmpty, let found = loaded.root?.members, found.count == 1, found[0].key == range.key
            else { return nil }
            members[text] = found[0]
            parts.append(found[0])
        }
        guard Set(parts.map(\.key)).count == parts.count else { return nil }  // a repeated key: read whole
        return ValueNode(.object(parts))
    }
}
