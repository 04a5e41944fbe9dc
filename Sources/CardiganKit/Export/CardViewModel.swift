import Foundation

/// The values the export templates show, as typed scopes of a ``CardDocument``: one list of keys
/// and values for both renderers — ``TemplateTree`` reads the scopes, Mustache their
/// dictionaries (``TemplateRenderer/viewModel(_:)``). Every scope of one kind has the same
/// keys, so a missing key never falls through to a value of an enclosing section. Texts are
/// raw; each template escapes its own.
enum CardViewModel {
    /// The whole card: header values, footer and sections. With `written`, the sections are
    /// HTML already written, one string each, put in place of the template's `{{#sections}}`.
    struct Document: TemplateScope {
        /// The document shown.
        var document: CardDocument
        /// The sections as HTML already written, when they are.
        var written: [String]? = nil

        /// Every key of this kind of scope.

        var keys: [String] {
            [
                "title", "name", "version", "status", "link", "hasLink", "commit", "shortCommit", "digest", "footer",
                "subtitle", "sections",
            ]
        }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "title": return .text(document.title)
            case "name": return .text(document.name)
            case "version":
                return .text(document.isWorkingTree ? document.versionLabel : String(document.version))
            case "status": return .text(document.status)
            case "link": return .text(document.link ?? "")
            case "hasLink": return .flag(document.link != nil)
            case "commit": return .text(document.commit)
            case "shortCommit": return .text(String(document.commit.prefix(12)))
            case "digest": return .text(document.digest)
            case "footer": return .text(document.footer)
            case "subtitle": return .text(document.subtitle)
            case "sections": return written.map(TemplateValue.written) ?? .list(document.sections.map(Section.init))
            default: return nil
            }
        }
    }

    /// A section: its title, its anchor and its blocks.
    struct Section: TemplateScope {
        /// The section shown.
        var section: CardDocument.Section

        /// Every key of this kind of scope.

        var keys: [String] { ["title", "anchor", "blocks"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "title": return .text(section.title)
            case "anchor": return .text(section.key.replacingOccurrences(of: "_", with: "-"))
            case "blocks": return .list(section.blocks.map(Block.init))
            default: return nil
            }
        }
    }

    /// A block, with a switch for each kind and empty values for what the kind does not have.
    struct Block: TemplateScope {
        /// The block shown.
        var block: CardDocument.Block

        /// Every key of this kind of scope.

        var keys: [String] {
            ["isText", "isList", "isTable", "isEvaluation", "label", "text", "isShort", "items", "table", "evaluation"]
        }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch (key, block) {
            case ("isText", .text), ("isList", .list), ("isTable", .table), ("isEvaluation", .evaluation):
                return .flag(true)
            case ("isText", _), ("isList", _), ("isTable", _), ("isEvaluation", _): return .flag(false)
            case ("label", .text(let label, _)), ("label", .list(let label, _)): return .text(label)
            case ("label", .table(let table)): return .text(table.title)
            case ("label", .evaluation(let evaluation)): return .text(evaluation.name)
            case ("text", .text(_, let text)): return .text(text)
            case ("text", _): return .text("")
            case ("isShort", .text(_, let text)): return .flag(!text.contains("\n") && text.count <= 80)
            case ("isShort", _): return .flag(false)
            case ("items", .list(_, let items)): return .list(items.map(TextScope.init))
            case ("items", _): return .list([])
            case ("table", .table(let table)): return .scope(Table(table: table))
            case ("evaluation", .evaluation(let evaluation)): return .scope(Evaluation(evaluation: evaluation))
            case ("table", _), ("evaluation", _): return .scope(Empty())
            default: return nil
            }
        }
    }

    /// A table: title, column headers, rows of cells.
    struct Table: TemplateScope {
        /// The table shown.
        var table: CardDocument.Table

        /// Every key of this kind of scope.

        var keys: [String] { ["title", "hasTitle", "columns", "rows"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "title": return .text(table.title)
            case "hasTitle": return .flag(!table.title.isEmpty)
            case "columns": return .list(table.columns.map(TextScope.init))
            case "rows": return .list(table.rows.map(Row.init))
            default: return nil
            }
        }
    }

    /// A row of a table: its cells.
    struct Row: TemplateScope {
        /// The row's cells.
        var cells: [String]

        /// Every key of this kind of scope.

        var keys: [String] { ["cells"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            key == "cells" ? .list(cells.map(TextScope.init)) : nil
        }
    }

    /// An evaluation: name, blocks, metric groups.
    struct Evaluation: TemplateScope {
        /// The evaluation shown.
        var evaluation: CardDocument.Evaluation

        /// Every key of this kind of scope.

        var keys: [String] { ["name", "blocks", "hasGroups", "groups"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "name": return .text(evaluation.name)
            case "blocks": return .list(evaluation.blocks.map(Block.init))
            case "hasGroups": return .flag(!evaluation.groups.isEmpty)
            case "groups": return .list(evaluation.groups.map(Group.init))
            default: return nil
            }
        }
    }

    /// A metric group: name, the simple metrics' table, charts.
    struct Group: TemplateScope {
        /// The metric group shown.
        var group: CardDocument.MetricGroup

        /// Every key of this kind of scope.

        var keys: [String] { ["name", "hasSimple", "simple", "charts"] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? {
            switch key {
            case "name": return .text(group.name)
            case "hasSimple": return .flag(group.simple != nil)
            case "simple": return .scope(group.simple.map { Table(table: $0) as any TemplateScope } ?? Empty())
            case "charts": return .list(group.charts.map(CardChartScope.init))
            default: return nil
            }
        }
    }

    /// A scope with no keys: what a block shows for a kind it is not (an empty dictionary).
    struct Empty: TemplateScope {
        /// Every key of this kind of scope.
        var keys: [String] { [] }

        /// The value of `key`.

        func value(_ key: String) -> TemplateValue? { nil }
    }
}
