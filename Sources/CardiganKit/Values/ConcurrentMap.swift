import Foundation

/// `transform` applied to every element on all cores, results in order. Parsing cards is the
/// costly part of `verify` and `list`; each element is independent.
func concurrentMap<Element: Sendable, Result>(_ elements: [Element], _ transform: @Sendable (Element) -> Result)
    -> [Result]
{
    let slots = ResultSlots<Result>(count: elements.count)
    DispatchQueue.concurrentPerform(iterations: elements.count) { index in
        slots.set(index, transform(elements[index]))
    }
    return slots.results()
}

/// Results written by concurrent workers, each to its own slot.
private final class ResultSlots<Result>: @unchecked Sendable {
    // Safe: every index is written by exactly one worker, and read only after all have finished;
    // a raw buffer, because an array property would be one shared variable under exclusivity checks.
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ result: Result) { slots[index] = result }

    func results() -> [Result] { (0..<count).compactMap { slots[$0] } }
}
