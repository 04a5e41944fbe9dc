import Foundation

/// What git's diff driver for card files prints (see ``CardStore/installDiffDriver(executable:)``).
///
/// As `diff.cardigan.command`, git runs it with `path old-file old-hex old-mode new-file
/// new-hex new-mode` and shows what it prints: cardigan's field-level diff. As
/// `diff.cardigan.textconv`, git runs it with one file and diffs what it prints for the two
/// sides: one line per field, so `git log -p` and `git show` show which fields changed. A side
/// that is not a readable card is shown as its text, line by line.
public enum GitDiffDriver {
    /// The external diff of `path` from `oldFile` to `newFile` (either may be `/dev/null`).
    public static func externalDiff(path: String, oldFile: String, oldHex: String, newFile: String, newHex: String)
        -> String
    {
        let old = side(oldFile, path: path)
        let new = side(newFile, path: path)
        var header = "cardigan diff \(path)\n"
        guard old.readable, new.readable else {
            header += unreadableNote(old, "old") + unreadableNote(new, "new")
            return header + LineDiff.render(old: old.text, new: new.text)
        }
        let name = CardPaths.cardName(forFileName: (path as NSString).lastPathComponent) ?? path
        let oldLabel = old.root == nil ? "nothing" : label(oldHex)
        let newLabel = new.root == nil ? "nothing" : label(newHex)
        let change: CardDiff.Change = old.root == nil ? .added : new.root == nil ? .removed : .modified
        let diff = CardDiff(
            card: name, change: change, old: CardDiff.Side(version: nil, label: oldLabel, root: old.root),
            new: CardDiff.Side(version: nil, label: newLabel, root: new.root),
            changes: SemanticDiff.compare(old: old.root, new: new.root, oldText: old.text, newText: new.text))
        return header + DiffRenderer.text(DiffReport(base: oldLabel, head: newLabel, cards: [diff]))
    }

    /// The text git diffs for `file` in `git log -p` and `git show`: one `field: value` line
    /// per field of a readable card, in document order; the file as it is otherwise.
    public static func textconv(file: String) -> String {
        let read = side(file, path: file)
        guard read.readable, let root = read.root else { return read.text }
        var lines: [String] = []
        FieldListing.append(root, path: "", to: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    struct Side {
        var text: String
        var root: ValueNode?
        var problem: String?
        var readable: Bool { problem == nil }
    }

    static func side(_ file: String, path: String) -> Side {
        guard file != "/dev/null" else { return Side(text: "", root: nil, problem: nil) }
        guard let data = FileManager.default.contents(atPath: file) else {
            return Side(text: "", root: nil, problem: "cannot read '\(file)'")
        }
        let text = String(decoding: data, as: UTF8.self)
        let loaded = SafeYAMLLoader.load(data, path: path)
        guard let root = loaded.root, loaded.findings.isEmpty else {
            let finding = loaded.findings.first
            let place = finding?.location?.position.map { "\($0): " } ?? ""
            return Side(text: text, root: nil, problem: place + (finding?.message ?? "not a card"))
        }
        return Side(text: text, root: root, problem: nil)
    }

    static func unreadableNote(_ side: Side, _ which: String) -> String {
        side.problem.map { "  the \(which) file is not a readable card (\($0)); its lines follow\n" } ?? ""
    }

    /// A blob id as a label: its first 12 digits, or "working tree" for git's all-zero id.
    static func label(_ hex: String) -> String {
        hex.allSatisfy { $0 == "0" } || hex == "." ? "working tree" : String(hex.prefix(12))
    }
}

/// A card as `field: value` lines: dotted paths, list items by their `name` when every item has
/// one (`evaluation_details[holdout].metric_groups[binary]`), by index otherwise.
enum FieldListing {
    static func append(_ node: ValueNode, path: String, to lines: inout [String]) {
        switch node.kind {
        case .object(let members):
            if members.isEmpty, !path.isEmpty { lines.append("\(path): {}") }
            for member in members {
                append(member.value, path: path.isEmpty ? member.key : path + "." + member.key, to: &lines)
            }
        case .array(let elements):
            if elements.isEmpty { lines.append("\(path): []") }
            let names = elements.map { $0["name"]?.stringValue }
            let byName = !names.contains(nil) && Set(names).count == names.count
            for (index, element) in elements.enumerated() {
                append(element, path: path + "[" + (byName ? names[index] ?? "" : String(index)) + "]", to: &lines)
            }
        case .null: lines.append("\(path): null")
        case .bool(let value): lines.append("\(path): \(value)")
        case .integer(let value): lines.append("\(path): \(value)")
        case .number(let value): lines.append("\(path): \(CanonicalJSON.format(value))")
        case .string(let text):
            // One line per field: a line break inside a value is written as '\n'.
            lines.append(
                "\(path): "
                    + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n"))
        }
    }
}

/// A line diff for files that are not readable cards: every line, prefixed `-`, `+` or a space.
enum LineDiff {
    static func render(old: String, new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = b.difference(from: a)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                lines.append("-" + a[i])
                i += 1
            } else if j < b.count, inserted.contains(j) {
                lines.append("+" + b[j])
                j += 1
            } else {
                if i < a.count { lines.append(" " + a[i]) }
                i += 1
                j += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
