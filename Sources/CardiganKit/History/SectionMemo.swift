import Foundation

/// What one run learned of the top-level sections of card files, so that reading many
/// versions of the same cards parses each distinct section once.
///
/// A version usually changes one or two sections of a card; a fresh clone's `verify` reads every
/// version of every card, and parsing, canonicalizing and validating sections it had already
/// seen in the previous version was nine tenths of its work.
///
/// A card file is cut into sections only when its layout makes the cut exact: every line at
/// column 1 is a plain `key:` line (or a comment, or blank), so each section runs from one such
/// line to the next, and a section read on its own is the same YAML as inside the whole file.
/// Anything else — a `---`, a flow collection or quoted text running onto a line at column 1, a
/// sequence written at column 1, a line break other than `\n` (`\r`, NEL, LS, PS), a byte order
/// mark, no key at all, any finding — and the file is read whole, as ``SafeYAMLLoader`` always
/// reads it. So is every card that is not valid, which keeps the problem reported for it exactly
/// what a whole reading reports.
///
/// Shared by the worker threads of one ``CardStore/readSnapshots(_:)`` call; a lock guards it.
final class SectionMemo: @unchecked Sendable {
    /// One distinct section: its member as parsed, and the canonical JSON of the member's value.
    struct Section {
        let id: Int
        let member: ValueNode.Member
        let canonicalValue: [UInt8]
        /// Whether the member's value is written differently in the legacy canonical form
        /// (``CanonicalJSON/formsDiffer(_:)``), worked out once per section, not per version.
        let formsDiffer: Bool
    }

    /// The exact bytes of a section, key line to the next key line, hashed as one buffer
    /// (an array of bytes hashes byte by byte, which cost a tenth of the run).
    struct SectionText: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private let lock = NSLock()
    private var sections: [SectionText: Section] = [:]
    /// Each distinct section as `list` reads it: its member pruned to the fields `list` shows.
    private var listedSections: [SectionText: ValueNode.Member] = [:]
    /// Whether section `id` satisfies schema node `node`, keyed `node << 32 | id`.
    private var validity: [Int: Bool] = [:]
    /// The id the next section gets: ids are never reused, so a validity of a forgotten section
    /// never answers for another.
    private var nextID = 0
    /// The ``epoch`` in which each section was last used, when the memo forgets (see
    /// ``forget(unusedFor:)``).
    private var lastUsed: [Int: Int] = [:]
    /// Advanced by ``forget(unusedFor:)``.
    private var epoch = 0

    /// The snapshot of the card in `bytes`, read section by section; nil when the file must be
    /// read whole (see the type's documentation), which ``CardSnapshot/read(_:validator:path:)`` does.
    func snapshot(of bytes: [UInt8], validator: CardValidator) -> CardSnapshot? {
        guard bytes.count <= SafeYAMLLoader.maximumBytes, let ranges = Self.sectionRanges(in: bytes) else { return nil }
        var parts: [Section] = []
        parts.reserveCapacity(ranges.count)
        for range in ranges {
            guard let section = section(SectionText(bytes: Array(bytes[range.bytes])), key: range.key) else {
                return nil
            }
            parts.append(section)
        }
        guard Set(parts.map(\.member.key)).count == parts.count else { return nil }  // a repeated key: refused whole

        let root = ValueNode(.object(parts.map(\.member)))
        let schema = validator.schema
        let valid = schema.isValid(root) { node, index in
            self.validity(of: parts[index], against: node) { schema.valid(node, parts[index].member.value) }
        }
        guard valid else { return nil }  // the whole reading says what is wrong, located as always

        // The canonical JSON of the content, from each section's: what CardDigest.of(root) hashes.
        var canonical: [UInt8] = []
        CanonicalJSON.writeObject(
            parts.filter { CardDigest.isContent($0.member.key) }, key: { $0.member.key }, to: &canonical,
            writeValue: { part, output in output += part.canonicalValue })
        // The top-level keys are plain ASCII (see `plainKey`), which both forms order alike: the
        // forms differ exactly when some section's value does.
        return CardSnapshot(
            of: root, digest: CardDigest.of(canonicalJSON: canonical), problem: nil,
            formsDiffer: parts.contains(where: \.formsDiffer))
    }

    /// The card's tree in `bytes`, read section by section as ``snapshot(of:validator:)`` reads
    /// it but neither validated nor digested (what `list` needs); nil when the file must be read
    /// whole. Every section parsed without a finding, so the tree is the whole reading's.
    func root(of bytes: [UInt8]) -> ValueNode? {
        guard bytes.count <= SafeYAMLLoader.maximumBytes, let ranges = Self.sectionRanges(in: bytes) else { return nil }
        var members: [ValueNode.Member] = []
        members.reserveCapacity(ranges.count)
        for range in ranges {
            guard let section = section(SectionText(bytes: Array(bytes[range.bytes])), key: range.key) else {
                return nil
            }
            members.append(section.member)
        }
        guard Set(members.map(\.key)).count == members.count else { return nil }  // a repeated key: read whole
        return ValueNode(.object(members))
    }

    /// The card's tree in `bytes` pruned to `paths` (see ``PartialYAMLReader``), read section by
    /// section: each distinct section is read once, by ``PartialYAMLReader``, building nodes only
    /// along `paths`, and every other section only checked. Nil when the file or one of its
    /// sections must be read whole. Positions are each section's own: `list` shows none.
    func prunedRoot(of bytes: [UInt8], keeping paths: PartialYAMLReader.Paths) -> ValueNode? {
        guard bytes.count <= SafeYAMLLoader.maximumBytes, let ranges = Self.sectionRanges(in: bytes) else { return nil }
        var members: [ValueNode.Member] = []
        var keys = Set<String>()
        for range in ranges {
            guard keys.insert(range.key).inserted else { return nil }  // a repeated key: read whole
            let text = SectionText(bytes: Array(bytes[range.bytes]))
            lock.lock()
            let known = listedSections[text]
            lock.unlock()
            let member: ValueNode.Member
            if let known {
                member = known
            } else {
                // The section's one key kept, with what is asked for below it (or nothing).
                var sectionPaths = PartialYAMLReader.Paths([])
                sectionPaths.children[range.key] = paths.children[range.key] ?? PartialYAMLReader.Paths([])
                sectionPaths.keepsEveryKey = true  // so that a second key would show, and send it whole
                guard let root = PartialYAMLReader.read(text.bytes, keeping: sectionPaths),
                    let only = root.members, only.count == 1, only[0].key == range.key
                else { return nil }
                member = only[0]
                lock.lock()
                listedSections[text] = member
                lock.unlock()
            }
            if paths.children[range.key] != nil { members.append(member) }
        }
        return ValueNode(.object(members))
    }

    /// The section whose bytes are `text`, parsed now if it was not seen before; nil when it
    /// is not exactly one member named `key` without findings.
    private func section(_ text: SectionText, key: String) -> Section? {
        lock.lock()
        let known = sections[text]
        if let known { lastUsed[known.id] = epoch }
        lock.unlock()
        if let known { return known }

        let loaded = SafeYAMLLoader.load(bytes: text.bytes, path: "")
        guard loaded.findings.isEmpty, let members = loaded.root?.members, members.count == 1,
            let member = members.first, member.key == key
        else { return nil }
        let canonicalValue = CanonicalJSON.bytes(of: member.value)
        let formsDiffer = CanonicalJSON.formsDiffer(member.value)
        lock.lock()
        defer { lock.unlock() }
        if let raced = sections[text] { return raced }  // another worker parsed it meanwhile
        let section = Section(id: nextID, member: member, canonicalValue: canonicalValue, formsDiffer: formsDiffer)
        nextID += 1
        sections[text] = section
        lastUsed[section.id] = epoch
        return section
    }

    /// Forgets the sections not used in the last `epochs` calls, and starts a new epoch: a
    /// reader that goes card by card calls it every so many cards, so the memo holds the
    /// sections of the cards being read and those many cards share (a 10,000-card history held
    /// some 120,000 parsed sections otherwise, over a gigabyte). Forgetting only costs time: a
    /// section seen again is parsed again, to the same result.
    func forget(unusedFor epochs: Int) {
        lock.lock()
        defer { lock.unlock() }
        epoch += 1
        let oldest = epoch - epochs
        let stale = Set(lastUsed.compactMap { $0.value < oldest ? $0.key : nil })
        guard !stale.isEmpty else { return }
        sections = sections.filter { !stale.contains($0.value.id) }
        validity = validity.filter { !stale.contains($0.key & 0xFFFF_FFFF) }
        for id in stale { lastUsed[id] = nil }
    }

    /// How many distinct sections the memo holds now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return sections.count
    }

    private func validity(of section: Section, against node: Int, compute: () -> Bool) -> Bool {
        let key = node << 32 | section.id
        lock.lock()
        let known = validity[key]
        lock.unlock()
        if let known { return known }
        let answer = compute()
        lock.lock()
        validity[key] = answer
        lock.unlock()
        return answer
    }

    /// Where each top-level section of `bytes` lies (the first one also holds any comments
    /// before it), or nil when a line at column 1 is neither a plain `key:` line, a comment nor
    /// blank, or the file is not laid out as plain `\n`-ended lines.
    static func sectionRanges(in bytes: [UInt8]) -> [(key: String, bytes: Range<Int>)]? {
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.withUnsafeBufferPointer(containsOtherLineBreak)
        else { return nil }
        var starts: [(key: String, offset: Int)] = []
        let scanned: Bool = bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            while lineStart < buffer.count {
                let lineEnd = offset(of: UInt8(ascii: "\n"), in: buffer, from: lineStart)
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }  // blank
                switch buffer[lineStart] {
                case UInt8(ascii: " "):
                    // Indented: part of the section above. Before the first key, only comments
                    // and blank lines may stand.
                    if starts.isEmpty,
                        let text = buffer[lineStart..<lineEnd].first(where: { $0 != UInt8(ascii: " ") }),
                        text != UInt8(ascii: "#")
                    {
                        return false
                    }
                case UInt8(ascii: "#"):
                    continue
                default:
                    guard let key = plainKey(of: UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])) else {
                        return false
                    }
                    starts.append((key, starts.isEmpty ? 0 : lineStart))
                }
            }
            return true
        }
        // No key at all (empty, or only comments): the whole reading says the file holds no card.
        guard scanned, !starts.isEmpty else { return nil }
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1].offset : bytes.count
            return (starts[index].key, starts[index].offset..<end)
        }
    }

    /// Whether `buffer` holds a line break libyaml honours other than `\n`: `\r`, NEL (U+0085),
    /// LS (U+2028) or PS (U+2029). Behind one of those a line starts at column 1 where this scan
    /// would not see it, and could end the document (`...`) or redefine `!!` (`%TAG`) for the
    /// sections after it.
    private static func containsOtherLineBreak(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        // memchr for each lead byte: a byte-by-byte loop over every version cost a twentieth of `list`.
        let count = buffer.count
        if offset(of: 0x0D, in: buffer, from: 0) < count { return true }
        var index = offset(of: 0xC2, in: buffer, from: 0)
        while index < count {
            if index + 1 < count, buffer[index + 1] == 0x85 { return true }
            index = offset(of: 0xC2, in: buffer, from: index + 1)
        }
        index = offset(of: 0xE2, in: buffer, from: 0)
        while index < count {
            if index + 2 < count, buffer[index + 1] == 0x80, buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9 {
                return true
            }
            index = offset(of: 0xE2, in: buffer, from: index + 1)
        }
        return false
    }

    /// Where the first `byte` at or after `start` is in `buffer` (its count when there is none).
    /// memchr, because this scan runs over every byte of every version.
    private static func offset(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < buffer.count, let base = buffer.baseAddress,
            let found = memchr(base + start, Int32(byte), buffer.count - start)
        else { return buffer.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// `key` when `line` starts `key:` followed by a space or the line's end, with a key of
    /// ASCII letters, digits, `_` and `-` that starts with a letter or `_`.
    private static func plainKey(of line: UnsafeBufferPointer<UInt8>) -> String? {
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        guard let first = line.first, isLetter(first),
            let colon = line.firstIndex(where: {
                !(isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-"))
            }),
            line[colon] == UInt8(ascii: ":"),
            colon + 1 == line.count || line[colon + 1] == UInt8(ascii: " ")
        else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
    }
}
