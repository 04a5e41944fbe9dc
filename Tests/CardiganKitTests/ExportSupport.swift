import Foundation
import TestSupport

@testable import CardiganKit

/// The example cards as export sources with a fixed commit, so golden files do not depend on
/// when or by whom a test repository was committed.
enum ExportFixtures {
    static let commit = "0123456789abcdef0123456789abcdef01234567"

    static var cardNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: PackagePaths.exampleCards)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func root(_ name: String) throws -> ValueNode {
        let data = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.exampleCards + "/\(name).yaml"))
        guard let root = SafeYAMLLoader.load(data, path: "cards/\(name).yaml").root else {
            throw CardiganError("cannot load \(name)")
        }
        return root
    }

    static func source(_ name: String, root: ValueNode? = nil) throws -> ExportSource {
        let root = try root ?? self.root(name)
        return ExportSource(
            name: name, version: 1, status: root["status"]?.stringValue ?? "Draft",
            modelPackage: CardSnapshot.modelPackage(of: root), commit: commit, digest: CardDigest.of(root), root: root)
    }

    static func render(_ name: String, _ format: ExportFormat, root: ValueNode? = nil) throws -> [UInt8] {
        try CardExporter.render(try source(name, root: root), format: format, workspace: nil)
    }

    /// Every string leaf of `node`.
    static func strings(in node: ValueNode) -> [String] {
        switch node.kind {
        case .string(let string): return [string]
        case .array(let elements): return elements.flatMap(strings)
        case .object(let members): return members.flatMap { strings(in: $0.value) }
        default: return []
        }
    }

    /// `node` with every string (values and free-map keys) replaced by `transform` of it.
    static func mapStrings(_ node: ValueNode, _ transform: (String) -> String) -> ValueNode {
        switch node.kind {
        case .string(let string): return ValueNode(.string(transform(string)))
        case .array(let elements): return ValueNode(.array(elements.map { mapStrings($0, transform) }))
        case .object(let members):
            return ValueNode(
                .object(
                    members.map {
                        ValueNode.Member(key: $0.key, keyPosition: .start, value: mapStrings($0.value, transform))
                    }))
        default: return node
        }
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cardigan-export-\(UUID().uuidString.prefix(12))"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
