import Foundation

/// Taking the built-in schema from its table, compiled at build time, instead of compiling its
/// text in every process (issue 18, goal 2): parsing and compiling the 27 KB text was some 10M
/// instructions of every `commit`, `validate` and hook. The table is used only for the exact
/// text it was made from; any other text is compiled as before.
extension BuiltInSchemaTable {
    /// The compiled built-in schema when `text` is the text the table was made from; nil for any
    /// other text (a template edited without the table being written again).
    static func schema(for text: String) throws -> JSONSchema? {
        guard text.utf8.count == sourceLength, fingerprint(of: text) == sourceFingerprint else { return nil }
        return JSONSchema(nodes: try nodes(), root: root)
    }

    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes: stable across processes and builds, unlike
    /// `Hasher`, and cheap (a tenth of a millisecond for the built-in schema).
    static func fingerprint(of text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A schema value as the table writes it: `kind` at `line`:`column` of the schema text.
    static func value(_ kind: ValueNode.Kind, _ line: Int, _ column: Int) -> ValueNode {
        ValueNode(kind, at: SourcePosition(line: line, column: column))
    }

    /// A member of an object value in the table: `key` at `line`:`column`, and its value.
    static func member(_ key: String, _ line: Int, _ column: Int, _ value: ValueNode) -> ValueNode.Member {
        ValueNode.Member(key: key, keyPosition: SourcePosition(line: line, column: column), value: value)
    }
}
