import Foundation

/// Compares two card trees field by field, the way a reviewer reads them.
///
/// Objects are compared key by key; lists whose items are all objects with distinct `name`s are
/// matched by name (so reordering metrics does not read as changing them), other lists by index.
/// The items of `metric_data` are shown under their names with their `value` folded in:
/// `evaluation_details[holdout].metric_groups[binary].auc: 0.91 → 0.87`.
public enum SemanticDiff {
    /// Strings longer than this, or with a line break, are shown as a word-level difference.
    public static let longTextLength = 80

    /// The changes that turn `old` into `new` (a missing tree counts as an empty card), risk
    /// rating and approval first, then the status, then the rest in document order. When the
    /// trees are the same but `oldText` and `newText` differ, the one change says so.
    public static func compare(
        old: ValueNode?, new: ValueNode?, oldText: String? = nil, newText: String? = nil
    ) -> [CardChange] {
        let empty = ValueNode(.object([]))
        var changes: [CardChange] = []
        walk(old ?? empty, new ?? empty, path: "", metricItem: false, into: &changes)
        if changes.isEmpty, let old, let new, let oldText, let newText, oldText != newText,
            CardDigest.of(old) == CardDigest.of(new)
        {
            return [CardChange(path: "", kind: .formatting)]
        }
        // A stable sort keeps document order within each rank.
        return changes.enumerated().sorted { lhs, rhs in
            let (left, right) = (rank(lhs.element), rank(rhs.element))
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func rank(_ change: CardChange) -> Int {
        change.isRiskOrApproval ? 0 : change.isStatus ? 1 : 2
    }

    private static func walk(
        _ old: ValueNode, _ new: ValueNode, path: String, metricItem: Bool, into changes: inout [CardChange]
    ) {
        switch (old.kind, new.kind) {
        case (.object(let oldMembers), .object(let newMembers)):
            for key in documentOrder(old: oldMembers.map(\.key), new: newMembers.map(\.key)) {
                let childPath = metricItem && key == "value" ? path : join(path, key)
                switch (old[key], new[key]) {
                case (let before?, let after?):
                    walk(before, after, path: childPath, metricItem: false, into: &changes)
                case (let before?, nil):
                    appear(before, path: childPath, added: false, into: &changes)
                case (nil, let after?):
                    appear(after, path: childPath, added: true, into: &changes)
                case (nil, nil):
                    break
                }
            }
        case (.array(let oldItems), .array(let newItems)):
            let isMetricList = path.hasSuffix("metric_data")
            // An empty side matches any named list, so a new list of named items reads by name.
            if let oldNames = oldItems.isEmpty ? [] : names(oldItems),
                let newNames = newItems.isEmpty ? [] : names(newItems), !(oldNames.isEmpty && newNames.isEmpty)
            {
                compareNamed(oldItems, oldNames, newItems, newNames, path: path, metrics: isMetricList, into: &changes)
            } else {
                for index in 0..<max(oldItems.count, newItems.count) {
                    let childPath = path + "[\(index)]"
                    switch (
                        index < oldItems.count ? oldItems[index] : nil, index < newItems.count ? newItems[index] : nil
                    ) {
                    case (let before?, let after?):
                        walk(before, after, path: childPath, metricItem: false, into: &changes)
                    case (let before?, nil):
                        appear(before, path: childPath, added: false, into: &changes)
                    case (nil, let after?):
                        appear(after, path: childPath, added: true, into: &changes)
                    case (nil, nil):
                        break
                    }
                }
            }
        default:
            guard old != new else { return }
            if case .string(let before) = old.kind, case .string(let after) = new.kind, isLong(before) || isLong(after)
            {
                changes.append(
                    CardChange(
                        path: path, kind: .changed, old: display(old), new: display(new),
                        words: WordDiff.segments(from: before, to: after), oldValue: JSONValue(old),
                        newValue: JSONValue(new)))
            } else {
                changes.append(
                    CardChange(
                        path: path, kind: .changed, old: display(old), new: display(new), oldValue: JSONValue(old),
                        newValue: JSONValue(new)))
            }
        }
    }

    /// A value only one side has: a scalar (or an empty container) is one change; an object or
    /// list is shown field by field, as a changed one is, so a reviewer sees each new metric.
    private static func appear(_ node: ValueNode, path: String, added: Bool, into changes: inout [CardChange]) {
        let empty: ValueNode
        switch node.kind {
        case .object(let members) where !members.isEmpty: empty = ValueNode(.object([]))
        case .array(let items) where !items.isEmpty: empty = ValueNode(.array([]))
        default:
            changes.append(
                added
                    ? CardChange(path: path, kind: .added, new: display(node), newValue: JSONValue(node))
                    : CardChange(path: path, kind: .removed, old: display(node), oldValue: JSONValue(node)))
            return
        }
        if added {
            walk(empty, node, path: path, metricItem: false, into: &changes)
        } else {
            walk(node, empty, path: path, metricItem: false, into: &changes)
        }
    }

    /// Matches list items by name; items of `metric_data` are shown as `<group>.<name>`.
    private static func compareNamed(
        _ oldItems: [ValueNode], _ oldNames: [String], _ newItems: [ValueNode], _ newNames: [String],
        path: String, metrics: Bool, into changes: inout [CardChange]
    ) {
        func itemPath(_ name: String) -> String {
            if metrics {
                let group = String(path.dropLast("metric_data".count))
                return group.hasSuffix(".") ? group + name : join(group, name)
            }
            return path + "[\(name)]"
        }
        let oldIndex = Dictionary(uniqueKeysWithValues: zip(oldNames, oldItems))
        let newIndex = Dictionary(uniqueKeysWithValues: zip(newNames, newItems))
        let newSet = Set(newNames)
        for key in documentOrder(old: oldNames, new: newNames) {
            switch (oldIndex[key], newIndex[key]) {
            case (let before?, let after?):
                walk(before, after, path: itemPath(key), metricItem: metrics, into: &changes)
            case (let before?, nil) where metrics:
                changes.append(
                    CardChange(
                        path: itemPath(key), kind: .removed, old: displayItem(before, metrics),
                        oldValue: JSONValue(before)))
            case (nil, let after?) where metrics:
                changes.append(
                    CardChange(
                        path: itemPath(key), kind: .added, new: displayItem(after, metrics), newValue: JSONValue(after))
                )
            case (let before?, nil):
                appear(before, path: itemPath(key), added: false, into: &changes)
            case (nil, let after?):
                appear(after, path: itemPath(key), added: true, into: &changes)
            case (nil, nil):
                break
            }
        }
        let common = Set(oldNames).intersection(newSet)
        let oldOrder = oldNames.filter(common.contains)
        let newOrder = newNames.filter(common.contains)
        if oldOrder != newOrder {
            changes.append(
                CardChange(
                    path: path, kind: .reordered, old: "[" + oldOrder.joined(separator: ", ") + "]",
                    new: "[" + newOrder.joined(separator: ", ") + "]", oldValue: .array(oldOrder.map(JSONValue.string)),
                    newValue: .array(newOrder.map(JSONValue.string))))
        }
    }

    /// The keys of both sides in document order: the new side's, with each key only on the old
    /// side placed right after the old key before it that survives (first when none does).
    private static func documentOrder(old: [String], new: [String]) -> [String] {
        let kept = Set(new)
        var removedAfter: [String: [String]] = [:]
        var leading: [String] = []
        var previous: String?
        for key in old {
            if kept.contains(key) {
                previous = key
            } else if let previous {
                removedAfter[previous, default: []].append(key)
            } else {
                leading.append(key)
            }
        }
        var order = leading
        for key in new {
            order.append(key)
            order += removedAfter[key] ?? []
        }
        return order
    }

    /// The names of the items when every item is an object with a distinct string `name`.
    private static func names(_ items: [ValueNode]) -> [String]? {
        guard !items.isEmpty else { return nil }
        var names: [String] = []
        for item in items {
            guard let name = item["name"]?.stringValue, !names.contains(name) else { return nil }
            names.append(name)
        }
        return names
    }

    private static func displayItem(_ item: ValueNode?, _ metric: Bool) -> String? {
        guard let item else { return nil }
        if metric, let value = item["value"] { return display(value) }
        return display(item)
    }

    private static func isLong(_ text: String) -> Bool {
        text.count > longTextLength || text.contains("\n")
    }

    private static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// A value as one line: scalars as written, strings bare (quoted when empty or padded),
    /// containers in flow style, cut at 120 characters.
    public static func display(_ node: ValueNode) -> String {
        let text = flow(node)
        return text.count > 120 ? String(text.prefix(119)) + "…" : text
    }

    private static func flow(_ node: ValueNode) -> String {
        switch node.kind {
        case .string(let string):
            if string.isEmpty || string.trimmingCharacters(in: .whitespaces) != string || string.contains("\n") {
                return "'" + string.replacingOccurrences(of: "\n", with: "\\n") + "'"
            }
            return string
        case .array(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { $0.key + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        default:
            return node.displayText
        }
    }
}
