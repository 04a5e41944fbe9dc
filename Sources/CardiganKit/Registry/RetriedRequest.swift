import Foundation

/// A failure of one try that is worth another: throttling, a 5xx answer. What it says ends up in
/// the final error when the tries run out.
struct RetryableFailure: Error {
    /// What went wrong, as the registry said it.
    var description: String
}

extension RetryPolicy {
    /// Runs `send` (one try of a request to `endpoint`) until it answers: again after a
    /// ``RetryableFailure`` or a ``TransportError``, at once out for any other error, and with an
    /// error naming `description` and giving `hint` once the tries or the time are used up. Both
    /// registry clients retry through here, so they count tries and time alike.
    func run(
        _ description: String, endpoint: String, clock: RegistryClock, hint: String, send: () throws -> ValueNode
    ) throws -> ValueNode {
        let started = clock.now()
        var attempt = 0
        while true {
            attempt += 1
            let failure: String
            do {
                return try send()
            } catch let error as RetryableFailure {
                failure = error.description
            } catch let error as TransportError {
                switch error {
                case .unreachable(let detail): failure = "cannot connect to '\(endpoint)': \(detail)"
                case .timedOut: failure = "no answer from '\(endpoint)' within \(Self.seconds(timeout))"
                case .interrupted(let detail): failure = "the connection to '\(endpoint)' broke: \(detail)"
                }
            }
            let elapsed = clock.now().timeIntervalSince(started)
            let wait = clock.jitter(delayCap(beforeRetry: attempt))
            guard attempt < maxAttempts, elapsed + wait < maxTotalSeconds else {
                throw CardiganError(
                    "\(description) failed after \(attempt) \(attempt == 1 ? "try" : "tries") in \(Self.seconds(elapsed)): \(failure)",
                    hint: hint)
            }
            clock.sleep(wait)
        }
    }

    /// Seconds as messages show them: `2.5 s`.
    static func seconds(_ value: Double) -> String { String(format: "%.1f s", value) }
}
