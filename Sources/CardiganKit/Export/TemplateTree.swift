import Foundation

/// A logic-less template parsed into a tree and rendered from typed values (``TemplateScope``)
/// instead of dictionaries: the part of Mustache the built-in export templates use — `{{name}}`,
/// `{{{name}}}`, `{{.}}`, sections `{{#name}}` and inverted sections `{{^name}}`, a line holding
/// only a section tag left out whole, as the Mustache specification says. The site renders the
/// built-in HTML template through it (``CardHTML``), so that template is the only copy of its
/// markup; any other template is rendered by Mustache.
struct TemplateTree: Sendable {
    /// One piece of a template.
    indirect enum Node: Sendable {
        /// Text written as it is.
        case text(String)
        /// A value: `{{name}}` escaped for HTML, `{{{name}}}` (or `{{&name}}`) not.
        case value(String, escaped: Bool)
        /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
        case section(String, inverted: Bool, [Node])
    }

    /// The template's pieces in order.
    var nodes: [Node]

    /// The tree of `template`; nil when it uses anything beyond that part of Mustache (a
    /// comment, a partial, a delimiter change, a pragma) or its sections do not nest.
    init?(_ template: String) {
        var stack: [(name: String, inverted: Bool, nodes: [Node])] = [("", false, [])]
        var lines = template.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.indices.last { lines[last].removeLast() }
        for line in lines {
            guard let tokens = Self.tokens(of: line[...]) else { return nil }
            for token in Self.standalone(tokens) ?? tokens {
                switch token {
                case .text(let text) where !text.isEmpty: stack[stack.count - 1].nodes.append(.text(String(text)))
                case .text: break
                case .tag(let sigil, let name):
                    switch sigil {
                    case "": stack[stack.count - 1].nodes.append(.value(name, escaped: true))
                    case "{", "&": stack[stack.count - 1].nodes.append(.value(name, escaped: false))
                    case "#", "^": stack.append((name, sigil == "^", []))
                    case "/":
                        guard stack.count > 1, let open = stack.popLast(), open.name == name else { return nil }
                        stack[stack.count - 1].nodes.append(.section(name, inverted: open.inverted, open.nodes))
                    default: return nil
                    }
                }
            }
        }
        guard stack.count == 1 else { return nil }
        nodes = stack[0].nodes
    }

    /// A tree of `nodes`.
    init(nodes: [Node]) {
        self.nodes = nodes
    }

    private enum Token {
        case text(Substring)
        case tag(sigil: String, name: String)
    }

    /// The text and tags of one line.
    private static func tokens(of line: Substring) -> [Token]? {
        var tokens: [Token] = []
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            tokens.append(.text(rest[..<open.lowerBound]))
            let triple = rest[open.upperBound...].hasPrefix("{")
            guard let close = rest.range(of: triple ? "}}}" : "}}", range: open.upperBound..<rest.endIndex) else {
                return nil
            }
            var inside = rest[open.upperBound..<close.lowerBound]
            var sigil = ""
            if let first = inside.first, "{&#^/!>=%".contains(first) {
                sigil = String(first)
                inside = inside.dropFirst()
            }
            tokens.append(.tag(sigil: sigil, name: inside.trimmingCharacters(in: .whitespaces)))
            rest = rest[close.upperBound...]
        }
        tokens.append(.text(rest))
        return tokens
    }

    /// The one section tag of a line that holds nothing else but blanks, which Mustache leaves
    /// out with its line end; nil when the line is not such a line.
    private static func standalone(_ tokens: [Token]) -> [Token]? {
        var tag: Token?
        for token in tokens {
            switch token {
            case .text(let text) where text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }): continue
            case .tag(let sigil, _) where tag == nil && "#^/".contains(sigil) && !sigil.isEmpty: tag = token
            default: return nil
            }
        }
        return tag.map { [$0] }
    }

    /// The tree rendered with `scopes` (innermost last) as Mustache's context stack.
    func render(_ scopes: [any TemplateScope]) -> String {
        var out = ""
        var stack = scopes
        Self.render(nodes, &stack, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], _ stack: inout [any TemplateScope], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .value(let name, let escaped):
                guard case .text(let text)? = lookup(name, in: stack) else { continue }
                out += escaped ? TextEscaping.html(text) : DisplayText.escaped(text, lineBreaks: true)
            case .section(let name, let inverted, let inner):
                let value = lookup(name, in: stack)
                if inverted {
                    if !(value?.isTruthy ?? false) { render(inner, &stack, into: &out) }
                    continue
                }
                switch value {
                case .none, .flag(false): continue
                case .flag(true): render(inner, &stack, into: &out)
                case .text(let text): render(inner, entering: TextScope(text: text), &stack, &out)
                case .scope(let scope): render(inner, entering: scope, &stack, &out)
                case .list(let items): for item in items { render(inner, entering: item, &stack, &out) }
                case .written(let pieces): for piece in pieces { out += piece }
                }
            }
        }
    }

    private static func render(
        _ nodes: [Node], entering scope: any TemplateScope, _ stack: inout [any TemplateScope], _ out: inout String
    ) {
        stack.append(scope)
        render(nodes, &stack, into: &out)
        stack.removeLast()
    }

    /// `name` in the innermost scope that has it, as Mustache looks it up; `.` is the innermost.
    private static func lookup(_ name: String, in scopes: [any TemplateScope]) -> TemplateValue? {
        for scope in scopes.reversed() {
            if let value = scope.value(name) { return value }
            if name == "." { return nil }
        }
        return nil
    }
}
