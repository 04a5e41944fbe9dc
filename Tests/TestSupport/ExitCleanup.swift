import Foundation

/// Folders and files that live as long as the test process (the shared home folder, the
/// shared site's repository, the shared MLflow server's store), removed when the process exits:
/// a `static let` is never released, so no `deinit` removes them, and one was left in the
/// temporary folder per test process.
public enum ExitCleanup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [String] = []
    private static let registered: Bool = {
        atexit { ExitCleanup.removeAll() }
        return true
    }()

    /// Removes `path` (a folder with all it holds, or a file) when this process exits.
    public static func remove(atExit path: String) {
        lock.lock()
        defer { lock.unlock() }
        _ = registered
        paths.append(path)
    }

    /// Removes what ``remove(atExit:)`` was given, latest first; what is already gone is skipped.
    static func removeAll() {
        lock.lock()
        let all = paths
        paths = []
        lock.unlock()
        for path in all.reversed() { try? FileManager.default.removeItem(atPath: path) }
    }
}
