import Foundation

/// Turns a schema document into the node table ``JSONSchema`` evaluates: finds every `$id`
/// and `$anchor`, compiles each subschema once, resolves every `$ref` to a node index and
/// compiles every regular expression up front.
///
/// Split by what it does: finding resources and resolving references
/// (`SchemaCompiler+References.swift`), the keywords that check a value
/// (`SchemaCompiler+Keywords.swift`) and those that apply subschemas
/// (`SchemaCompiler+Applicators.swift`).
struct SchemaCompiler {
    /// The base URI of a schema document that has no `$id` of its own.
    static let defaultBase = "https://cardigan.invalid/schema.json"

    /// The whole schema document.
    let root: ValueNode
    /// The compiled subschemas; a subschema refers to another by its index here.
    var nodes: [CompiledSchemaNode] = []
    /// Each compiled subschema's index by its canonical JSON pointer in the document.
    var indexByLocation: [String: Int] = [:]
    /// The location of each schema resource (the document, every `$id`) by its base URI.
    var resources: [String: String] = [:]
    /// The location of each `$anchor`, by its base URI, `#` and the anchor.
    var anchors: [String: String] = [:]
    /// The base URI in effect at each location the scan reached.
    var baseByLocation: [String: String] = [:]
    /// `$ref`s met while compiling, resolved once every subschema they may name is known.
    var pendingRefs: [(node: Int, reference: String, base: String, at: ValueNode, location: String)] = []
    /// `$ref` targets already resolved, by base URI and reference: the built-in schema names the
    /// same few definitions dozens of times, and resolving one (URI resolution, pointer
    /// decoding, a walk from the root) was a third of compiling it.
    var resolvedRefs: [RefKey: Int] = [:]

    /// A `$ref` as written, with the base URI it is resolved against.
    struct RefKey: Hashable {
        /// The base URI in effect where the `$ref` is written.
        let base: String
        /// The `$ref` as written.
        let reference: String
    }

    init(_ root: ValueNode) {
        self.root = root
    }

    /// Compiles the whole document and returns the index of the root node.
    mutating func compileDocument() throws -> Int {
        resources[Self.defaultBase] = ""
        scan(root, location: "", base: Self.defaultBase)
        let rootIndex = try compile(root, at: "")
        while let pending = pendingRefs.popLast() {
            let target = try resolveReference(
                pending.reference, base: pending.base, at: pending.at, location: pending.location)
            nodes[pending.node].ref = target
        }
        return rootIndex
    }

    /// Compiles `schema`, which is at `location` (a canonical pointer) in the document, once:
    /// the callers hand over the node they hold, so no pointer is walked from the root again.
    mutating func compile(_ schema: ValueNode, at location: String) throws -> Int {
        if let existing = indexByLocation[location] { return existing }
        let index = nodes.count
        indexByLocation[location] = index
        nodes.append(CompiledSchemaNode())
        nodes[index] = try build(schema, location: location, index: index)
        return index
    }
}
