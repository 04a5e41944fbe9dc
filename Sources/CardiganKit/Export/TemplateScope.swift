import Foundation

/// One level of a template's context: the values its keys name. ``TemplateTree`` reads it
/// directly; for Mustache it becomes the view model's dictionary (``dictionary``), so both
/// renderers see the same keys and values.
protocol TemplateScope {
    /// Every key, in a fixed order.
    /// Every key of this kind of scope.
    var keys: [String] { get }
    /// The value of `key`; nil when the scope has no such key.
    /// The value of `key`.
    func value(_ key: String) -> TemplateValue?
}

/// A value a template shows or enters.
enum TemplateValue {
    /// Card text, raw: `{{name}}` escapes it.
    case text(String)
    /// A switch for `{{#name}}` and `{{^name}}`.
    case flag(Bool)
    /// One scope entered by `{{#name}}`.
    case scope(any TemplateScope)
    /// Scopes `{{#name}}` enters one after the other.
    case list([any TemplateScope])
    /// HTML already written for each element of a list, put in place of `{{#name}}…{{/name}}`.
    case written([String])

    /// Whether `{{#name}}` shows its inside (and `{{^name}}` does not); as in swift-mustache, a
    /// text does even when empty.
    var isTruthy: Bool {
        switch self {
        case .text: return true
        case .flag(let flag): return flag
        case .scope: return true
        case .list(let items): return !items.isEmpty
        case .written(let pieces): return !pieces.isEmpty
        }
    }

    /// The value as Mustache's view model holds it: strings, booleans, dictionaries, arrays.
    var mustacheValue: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .scope(let scope): return scope.dictionary
        case .list(let items): return items.map { ($0 as? TextScope)?.text ?? $0.dictionary as Any }
        case .written(let pieces): return pieces.joined()
        }
    }
}

extension TemplateScope {
    /// The scope as a dictionary of Mustache's view model, with every key.
    var dictionary: [String: Any] {
        var result: [String: Any] = [:]
        for key in keys { result[key] = value(key)?.mustacheValue }
        return result
    }
}

/// A text as a scope: what `{{.}}` shows inside a list of texts.
struct TextScope: TemplateScope {
    /// The text.
    var text: String

    /// Every key of this kind of scope.

    var keys: [String] { [] }

    /// The value of `key`.

    func value(_ key: String) -> TemplateValue? {
        key == "." ? .text(text) : nil
    }
}
