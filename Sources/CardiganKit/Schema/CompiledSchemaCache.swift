import Foundation

/// Schemas compiled in this process, by their text: a process compiles each schema text once.
///
/// One `cardigan commit` or `validate` asked for the built-in schema twice (the working tree's
/// setting, then the schema of the branch's head commit) and compiled it twice, 8.6M of its
/// 136M instructions. A ``JSONSchema`` is immutable once compiled, so one instance serves
/// every caller. Only schemas that compile are kept: a text that fails is compiled again by
/// the next caller, whose error names its own path.
final class CompiledSchemaCache: @unchecked Sendable {
    /// The cache every ``Workspace`` schema look-up goes through.
    static let shared = CompiledSchemaCache()

    // Guarded by `lock`: schemas are asked for from more than one thread (verify's workers).
    private let lock = NSLock()
    private var schemas: [String: JSONSchema] = [:]
    private var compiled = 0

    /// How many schemas this cache has compiled (not found) so far: what a test counts.
    var compilations: Int {
        lock.lock()
        defer { lock.unlock() }
        return compiled
    }

    /// The schema of `text`, compiled by `compile` the first time this text is asked for.
    /// Two threads asking at once for a text not yet cached may both compile it; the first
    /// result is kept, so every caller after that gets the same instance.
    func schema(for text: String, compile: () throws -> JSONSchema) rethrows -> JSONSchema {
        lock.lock()
        if let known = schemas[text] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let schema = try compile()
        lock.lock()
        defer { lock.unlock() }
        compiled += 1
        if let first = schemas[text] { return first }
        schemas[text] = schema
        return schema
    }
}
