import Foundation
import TestSupport
import Testing

/// Golden files: expected outputs kept beside the tests. `UPDATE_GOLDEN=1 swift test` rewrites
/// them from the current output and prints what each rewrite changed; review the diff before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if GoldenFile.updating {
            do {
                try GoldenFile.update(url.path, with: actual)
            } catch {
                Issue.record("cannot write golden file \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        #expect(actual == expected, "output differs from golden file \(name)", sourceLocation: sourceLocation)
    }

    /// The package root, found from this file's path.
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
}
