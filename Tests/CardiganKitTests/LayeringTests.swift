import Foundation
import Testing

/// The library's folders depend one way (README, "Development"): the card values, YAML, schema
/// and findings know nothing of the git store's policy; History knows nothing of Links and
/// Hooks; Links nothing of Hooks; only Git imports libgit2. Read from the sources, so a
/// dependency the wrong way fails here rather than in a later refactoring.
@Suite struct LayeringTests {
    private static let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/CardiganKit")

    /// The Swift files of `folder`, with `//` comments and string literals removed, by path.
    private static func code(in folder: String) throws -> [String: String] {
        let directory = library.appendingPathComponent(folder)
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            files[folder + "/" + name] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { line in
                    let code = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line[...]
                    return code.replacingOccurrences(of: #""([^"\\]|\\.)*""#, with: "\"\"", options: .regularExpression)
                }
                .joined(separator: "\n")
        }
        return files
    }

    /// The names `folder` declares: its types, and the methods it adds to `CardStore`.
    private static func declarations(in folder: String) throws -> Set<String> {
        var names: Set<String> = []
        for text in try code(in: folder).values {
            for pattern in [#"(struct|enum|class|protocol|typealias)\s+([A-Z]\w*)"#, #"\bfunc\s+(\w+)"#] {
                let regex = try NSRegularExpression(pattern: pattern)
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let range = Range(match.range(at: match.numberOfRanges - 1), in: text) else { continue }
                    names.insert(String(text[range]))
                }
            }
        }
        return names
    }

    /// Where files of `folder` use a name that `upper` declares: `file: name` lines. A method
    /// counts when it is called as the store's own (`name(` or `self.name(`), a type anywhere.
    private static func uses(in folder: String, of names: Set<String>) throws -> [String] {
        var found: [String] = []
        for (path, text) in try code(in: folder).sorted(by: { $0.key < $1.key }) {
            for name in names.sorted() {
                let pattern =
                    name.first?.isUppercase == true
                    ? #"\b\#(name)\b"# : #"(^|[^\w.]|self\.)\#(name)\("#
                if text.range(of: pattern, options: .regularExpression) != nil { found.append("\(path): \(name)") }
            }
        }
        return found
    }

    @Test func theCoreKnowsNothingOfTheStoreOrItsPolicy() throws {
        var upper: Set<String> = ["CardStore"]
        for folder in ["History", "Links", "Hooks"] {
            upper.formUnion(try Self.declarations(in: folder).filter { $0.first?.isUppercase == true })
        }
        for folder in ["Card", "Schema", "YAML", "Values", "Findings"] {
            #expect(try Self.uses(in: folder, of: upper) == [], "\(folder) reaches up")
        }
    }

    @Test func historyKnowsNothingOfLinksOrHooks() throws {
        let links = try Self.declarations(in: "Links")
        let hooks = try Self.declarations(in: "Hooks")
        // Names both declare (a local helper such as `field`) say nothing about direction.
        let history = try Self.declarations(in: "History")
        #expect(try Self.uses(in: "History", of: links.union(hooks).subtracting(history)) == [])
        #expect(try Self.uses(in: "Links", of: hooks.subtracting(links).subtracting(history)) == [])
    }

    @Test func onlyTheGitFolderImportsLibgit2() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.library.path).filter { $0 != "Git" }
        var importers: [String] = []
        for folder in folders {
            var isFolder: ObjCBool = false
            let path = Self.library.appendingPathComponent(folder).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                continue
            }
            for (file, text) in try Self.code(in: folder) where text.contains("import CLibgit2") {
                importers.append(file)
            }
        }
        #expect(importers == [])
        #expect(try Self.code(in: "Git").values.contains { $0.contains("internal import CLibgit2") })
    }
}
