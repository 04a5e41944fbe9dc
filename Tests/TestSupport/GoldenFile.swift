import Foundation

/// Rewriting golden files (`UPDATE_GOLDEN=1`): each rewrite says what it changed, so a run that
/// updates them shows which outputs moved and by how much before anyone reviews the diff.
public enum GoldenFile {
    /// Whether this run rewrites golden files.
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Writes `text` to `path` and prints what changed: "unchanged", "created", or the counts
    /// of lines removed and added. Returns that description.
    @discardableResult
    public static func update(_ path: String, with text: String) throws -> String {
        let name = (path as NSString).lastPathComponent
        let old = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        let change: String
        if let old {
            if old == text {
                change = "\(name): unchanged"
            } else {
                let before = old.split(separator: "\n", omittingEmptySubsequences: false)
                let after = text.split(separator: "\n", omittingEmptySubsequences: false)
                let difference = after.difference(from: before)
                change =
                    "\(name): updated, \(difference.removals.count) lines removed, \(difference.insertions.count) added"
            }
        } else {
            change = "\(name): created, \(text.split(separator: "\n").count) lines"
        }
        if old != text { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        print("golden file " + change)
        return change
    }
}
