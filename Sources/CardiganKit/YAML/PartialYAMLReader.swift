import Foundation

/// Reads only a few fields of a card's YAML: libyaml's events are walked to the end of the
/// file, but a tree is built only for the keys asked for, so a command that shows three fields
/// of a card (`list`) does not pay for a ``ValueNode`` of every line of it.
///
/// The answer is the tree ``SafeYAMLLoader`` builds with every member that is not on one of the
/// asked paths left out (a sequence, and a mapping not on a path, keep none of their elements),
/// so any lookup along those paths (`root["intended_uses"]?["risk_rating"]`) gives what it gives
/// on the whole tree. Whether the loader gives a tree at all depends on the whole file (a
/// duplicate key or a syntax error anywhere means none), so every event is still read and
/// checked; only the values off the paths are never turned into Swift values.
///
/// The reader handles the plain case only. Whatever it meets that could change the loader's
/// answer and that it does not reproduce — an anchor, an alias, an explicit tag, a merge key, a
/// key that is not a scalar, a duplicate key, nesting near the depth limit, a syntax error, bytes
/// that are not UTF-8, a second document, an empty one — makes it answer nil, and the caller
/// reads the file with ``SafeYAMLLoader`` as before. So the fast path can only be taken where
/// both readings agree.
struct PartialYAMLReader {
    /// The keys asked for, as a tree: a key with no children is a value kept whole (a scalar is
    /// resolved; a mapping or a sequence is kept without its members or elements).
    struct Paths: Sendable {
        /// The keys asked for below this one.
        var children: [String: Paths] = [:]
        /// Whether a key not in ``children`` is kept too, as a value kept whole: how a section
        /// read on its own shows which keys it holds.
        var keepsEveryKey = false
        /// Whether the value is kept with everything below it (members and elements), as the
        /// loader builds it: a section compared whole (`model_package_details`, by `commit`).
        var keepsSubtree = false

        /// A value kept with everything below it.
        static let subtree: Paths = {
            var paths = Paths([])
            paths.keepsSubtree = true
            return paths
        }()

        /// The paths given as lists of keys from the root.
        init(_ paths: [[String]]) {
            for path in paths { insert(path[...]) }
        }

        private mutating func insert(_ path: ArraySlice<String>) {
            guard let first = path.first else { return }
            children[first, default: Paths([])].insert(path.dropFirst())
        }
    }

    /// Why the reading handed over to the full loader.
    private struct Unhandled: Error {}

    private let parser: LibYAMLParser

    /// The tree of `bytes` pruned to `paths`, or nil when the file must be read by
    /// ``SafeYAMLLoader`` (see the type's documentation).
    static func read(_ bytes: [UInt8], keeping paths: Paths) -> ValueNode? {
        guard bytes.count <= SafeYAMLLoader.maximumBytes else { return nil }
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // as the loader does
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        return bytes.withUnsafeBufferPointer { input in
            let reader = PartialYAMLReader(parser: LibYAMLParser(input))
            return try? reader.document(keeping: paths)
        }
    }

    /// The root of the one document in the stream, as the loader's loop finds it.
    private func document(keeping paths: Paths) throws(Unhandled) -> ValueNode {
        var root: ValueNode?
        var documents = 0
        while true {
            try advance()
            switch parser.kind {
            case .documentStart:
                documents += 1
                guard documents == 1 else { throw Unhandled() }  // the loader refuses a second one
            case .scalar, .alias, .sequenceStart, .mappingStart:
                guard !parser.isEmptyPlainScalar, root == nil else { throw Unhandled() }  // an empty document
                root = try node(depth: 1, keeping: paths)
            case .streamEnd:
                guard let root else { throw Unhandled() }
                return root
            default: continue
            }
        }
    }

    /// The node whose first event is current, pruned to `paths` when it is on one (nil when it
    /// is not); on return its last event is current.
    private func node(depth: Int, keeping paths: Paths?) throws(Unhandled) -> ValueNode? {
        // The loader refuses nesting past its limit: this reader leaves the last levels to it.
        guard depth < SafeYAMLLoader.maximumDepth - 1, parser.kind != .alias, !parser.hasAnchorOrTag else {
            throw Unhandled()
        }
        let position = parser.position
        switch parser.kind {
        case .sequenceStart:
            var elements: [ValueNode] = []
            while true {
                try advance()
                if parser.kind == .sequenceEnd { break }
                let element = try node(depth: depth + 1, keeping: paths?.keepsSubtree == true ? paths : nil)
                if let element, paths?.keepsSubtree == true { elements.append(element) }
            }
            return paths.map { _ in ValueNode(.array(elements), at: position) }
        case .mappingStart:
            let members = try members(depth: depth, keeping: paths)
            return paths.map { _ in ValueNode(.object(members), at: position) }
        case .scalar:
            guard paths != nil else { return nil }
            var scalar = CoreSchemaScalar.resolve(parser.scalarText, isPlain: parser.isPlainScalar, at: position)
            scalar.end = parser.endPosition
            return scalar
        default: throw Unhandled()
        }
    }

    /// The members on `paths` of the mapping whose start event is current; every key is read,
    /// to find a duplicate as the loader does (by `String` equality).
    private func members(depth: Int, keeping paths: Paths?) throws(Unhandled) -> [ValueNode.Member] {
        var members: [ValueNode.Member] = []
        var keys: [String] = []
        var keySet: Set<String>?  // a large mapping (a hostile file) gets an index, as in the loader
        while true {
            try advance()
            if parser.kind == .mappingEnd { return members }
            guard parser.kind == .scalar, !parser.hasAnchorOrTag else { throw Unhandled() }
            let key = parser.scalarText
            let keyPosition = parser.position
            guard key != "<<" else { throw Unhandled() }  // a merge key, when plain: the loader's business
            if keys.count < 32 {
                guard !keys.contains(key) else { throw Unhandled() }
                keys.append(key)
            } else {
                if keySet == nil { keySet = Set(keys) }
                guard keySet?.insert(key).inserted == true else { throw Unhandled() }
            }
            try advance()
            let wanted = paths.flatMap {
                $0.keepsSubtree ? $0 : $0.children[key] ?? ($0.keepsEveryKey ? Paths([]) : nil)
            }
            if let value = try node(depth: depth + 1, keeping: wanted), wanted != nil {
                members.append(ValueNode.Member(key: key, keyPosition: keyPosition, value: value))
            }
        }
    }

    private func advance() throws(Unhandled) {
        do {
            try parser.advance()
        } catch {
            throw Unhandled()
        }
    }
}
