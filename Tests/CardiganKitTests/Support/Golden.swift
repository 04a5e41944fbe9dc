import Foundation
import Testing

/// Golden files: expected outputs kept beside the tests. `UPDATE_GOLDEN=1 swift test` rewrites
/// them from the current output; review the diff before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? Data(actual.utf8).write(to: url)
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
