import Foundation

/// How a registry client retries throttling, 5xx answers and broken connections: at most
/// `maxAttempts` tries and `maxTotalSeconds` in all, waiting a random time between zero and an
/// exponentially growing cap between tries ("full jitter"), so many clients do not retry in step.
public struct RetryPolicy: Sendable, Equatable {
    /// The most tries of one request, the first included.
    public var maxAttempts: Int
    /// The most seconds one request may take with all its retries.
    public var maxTotalSeconds: Double
    /// The cap of the first wait; it doubles with each retry.
    public var baseDelay: Double
    /// The largest cap of any wait.
    public var maxDelay: Double
    /// Seconds to wait for one response.
    public var timeout: Double

    /// A policy; the defaults are those of AWS's SDKs' standard mode.
    public init(
        maxAttempts: Int = 3, maxTotalSeconds: Double = 60, baseDelay: Double = 1, maxDelay: Double = 20,
        timeout: Double = 30
    ) {
        self.maxAttempts = maxAttempts
        self.maxTotalSeconds = maxTotalSeconds
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.timeout = timeout
    }

    /// The cap of the wait before retry number `retry` (1 for the first retry).
    public func delayCap(beforeRetry retry: Int) -> Double {
        min(maxDelay, baseDelay * pow(2, Double(retry - 1)))
    }
}

/// Time as a registry client sees it: the clock, sleeping and the jitter's randomness, so tests
/// can run retries without waiting.
public struct RegistryClock: Sendable {
    /// The current time.
    public var now: @Sendable () -> Date
    /// Sleeps this many seconds.
    public var sleep: @Sendable (Double) -> Void
    /// A random number in `0...cap`.
    public var jitter: @Sendable (Double) -> Double

    /// A clock.
    public init(
        now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Double) -> Void,
        jitter: @escaping @Sendable (Double) -> Double
    ) {
        self.now = now
        self.sleep = sleep
        self.jitter = jitter
    }

    /// The real clock.
    public static let system = RegistryClock(
        now: { Date() }, sleep: { seconds in if seconds > 0 { usleep(UInt32(min(seconds, 4000) * 1_000_000)) } },
        jitter: { cap in cap > 0 ? Double.random(in: 0...cap) : 0 })
}
