import Foundation

/// A count that worker threads of one ``concurrentMap(_:_:)`` advance together.
final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
