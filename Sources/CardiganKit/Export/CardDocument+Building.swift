import Foundation

/// How a card's values become a document's sections and blocks: the known sections in their
/// fixed order, objects as labelled fields, arrays as lists or tables.
extension CardDocument {
    /// The document of `source`; without `sections`, only its header and footer (the site
    /// renders the sections one by one through ``sectionValues(of:)``, remembering each).
    init(_ source: ExportSource, sections withSections: Bool = true) {
        let root = source.root
        title = root["model_overview"]?["model_name"]?.stringValue ?? source.name
        name = source.name
        version = source.version
        status = source.status
        link = source.modelPackage
        commit = source.commit
        digest = source.digest
        isWorkingTree = source.isWorkingTree
        timeline = source.timeline
        approvals = source.approvals
        sections = withSections ? Self.sectionValues(of: root).map(Self.section) : []
    }

    /// The card's top-level values shown as sections, in the order they are shown: the known
    /// sections in `ExportLabels.sections`' order, then any others in the card's order.
    static func sectionValues(of root: ValueNode) -> [(key: String, value: ValueNode)] {
        var values: [(key: String, value: ValueNode)] = []
        for (key, _) in ExportLabels.sections {
            if let value = root[key] { values.append((key, value)) }
        }
        for member in root.members ?? []
        where !knownSections.contains(member.key) && member.key != "name" && member.key != "status" {
            values.append((member.key, member.value))
        }
        return values
    }

    /// The section showing `value`, the card's value of `key`: what it shows depends on
    /// nothing else.
    static func section(key: String, value: ValueNode) -> Section {
        let title = ExportLabels.sections.first { $0.key == key }?.title ?? ExportLabels.label(key)
        return Section(key: key, title: title, blocks: sectionBlocks(key: key, value: value))
    }

    private static let knownSections = Set(ExportLabels.sections.map(\.key))

    private static func sectionBlocks(key: String, value: ValueNode) -> [Block] {
        if key == "evaluation_details", let evaluations = value.elements {
            return evaluations.map { .evaluation(evaluation($0)) }
        }
        if value.members != nil { return blocks(of: value, prefix: "", pointer: "/" + key) }
        return blocks(key: key, value: value, label: ExportLabels.label(key), pointer: "/" + key)
    }

    /// The blocks of an object's members, labels prefixed with the path above them; `pointer`
    /// is the object's place in the card, for the labels that depend on it
    /// (``ExportLabels/label(_:at:)``).
    static func blocks(of object: ValueNode, prefix: String, pointer: String = "") -> [Block] {
        var result: [Block] = []
        for member in object.members ?? [] {
            let memberPointer = pointer + "/" + member.key
            let own = ExportLabels.label(member.key, at: memberPointer)
            // An empty label shows the member's fields as the object's own.
            let label = own.isEmpty ? prefix : prefix.isEmpty ? own : prefix + " / " + own
            result += blocks(key: member.key, value: member.value, label: label, pointer: memberPointer)
        }
        return result
    }

    /// The blocks showing `value`, the card's value of `key`, under `label`.
    static func blocks(key: String, value: ValueNode, label: String, pointer: String = "") -> [Block] {
        switch value.kind {
        case .object(let members):
            if ExportLabels.freeMaps.contains(key) {
                return [
                    .table(
                        Table(
                            title: label, columns: ["Key", "Value"], rows: members.map { [$0.key, cellText($0.value)] })
                    )
                ]
            }
            return blocks(of: value, prefix: label, pointer: pointer)
        case .array(let elements):
            if elements.allSatisfy(isScalar) {
                return [.list(label: label, items: elements.map(text))]
            }
            return [.table(table(title: label, elements: elements))]
        default:
            return [.text(label: label, text: text(value))]
        }
    }

    /// A table of an array of objects: one column per key, in first-seen order.
    static func table(title: String, elements: [ValueNode]) -> Table {
        var keys: [String] = []
        for element in elements {
            for member in element.members ?? [] where !keys.contains(member.key) { keys.append(member.key) }
        }
        if keys.isEmpty { keys = ["value"] }
        let rows = elements.map { element -> [String] in
            if element.members == nil { return [cellText(element)] + Array(repeating: "", count: keys.count - 1) }
            return keys.map { key in element[key].map(cellText) ?? "" }
        }
        return Table(title: title, columns: keys.map(ExportLabels.label), rows: rows)
    }
}
