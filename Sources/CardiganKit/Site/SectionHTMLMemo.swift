import Foundation

/// The HTML of each distinct card section a site worker has written, by the section's value:
/// consecutive versions of a card share most sections, so each is written once per card, not
/// once per version. Used by one worker for one card at a time (not shared between threads).
///
/// A section's HTML depends only on its key and value (``CardDocument/section(key:value:)``),
/// so a value identical in every byte gives identical HTML. Identical is stricter than
/// `ValueNode`'s `==`, which ignores member order and compares strings and numbers by value:
/// reordered members, a decomposed `é` or `1` written as `1.0` are shown differently.
///
/// When the card's file is laid out so that ``SectionMemo`` can cut it into sections and the
/// cut gives exactly the loaded card's keys in order, a section's value is a function of its
/// bytes (the loader refuses aliases, so no section reads another), and the bytes are the key:
/// hashing them is cheaper than comparing trees. A cut with a key the card does not have (a
/// flow collection or quoted text running onto a line at column 1) is not used.
final class SectionHTMLMemo {
    private var known: [String: [(value: ValueNode, html: String)]] = [:]
    private var byText: [SectionMemo.SectionText: String] = [:]

    /// The HTML of the section showing `value`, the card's value of `key`.
    func html(key: String, value: ValueNode) -> String {
        if let entry = known[key]?.last(where: { Self.identical($0.value, value) }) { return entry.html }
        let html = CardHTML.section(CardDocument.section(key: key, value: value))
        known[key, default: []].append((value, html))
        return html
    }

    /// The inside of `<main>` of `source` as the built-in export template renders it; `bytes`,
    /// when given, are the card file `source.root` was loaded from.
    func body(_ source: ExportSource, bytes: [UInt8]? = nil) -> CardBody {
        let ranges = bytes.flatMap(SectionMemo.sectionRanges(in:))
        var texts: [String: SectionMemo.SectionText] = [:]
        if let bytes, let ranges, let members = source.root.members, ranges.map(\.key) == members.map(\.key) {
            for range in ranges { texts[range.key] = SectionMemo.SectionText(bytes: Array(bytes[range.bytes])) }
        }
        let sections = CardDocument.sectionValues(of: source.root).map { key, value in
            guard let text = texts[key] else { return html(key: key, value: value) }
            if let known = byText[text] { return known }
            let html = CardHTML.section(CardDocument.section(key: key, value: value))
            byText[text] = html
            return html
        }
        return CardBody(html: CardHTML.main(CardDocument(source, sections: false), sections: sections))
    }

    /// Whether `a` and `b` are the same value written the same way: same kinds, members in the
    /// same order, strings and keys equal byte for byte, numbers with the same bits.
    static func identical(_ a: ValueNode, _ b: ValueNode) -> Bool {
        switch (a.kind, b.kind) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count
                && zip(x, y).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && identical($0.value, $1.value) }
        default: return false
        }
    }
}
