/// Exponential backoff with full jitter, capped.
public struct Backoff: Sendable {
    /// The delay before the first retry.
    public var base: Duration
    /// The longest delay.
    public var cap: Duration

    /// Creates a backoff policy.
    public init(base: Duration = .seconds(5), cap: Duration = .seconds(3600)) {
        self.base = base
        self.cap = cap
    }

    /// The delay after failed attempt number `attempt` (from 1), given a jitter in 0...1.
    ///
    /// Half the delay is fixed and half is jittered, so retries of many jobs that failed together
    /// spread out instead of returning at the same instant.
    public func delay(afterAttempt attempt: Int, jitter: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let full = min(base * (1 << exponent), cap)
        let seconds = Double(full.components.seconds) + Double(full.components.attoseconds) / 1e18
        return .milliseconds(Int64(seconds * 1000 * (0.5 + 0.5 * min(max(jitter, 0), 1))))
    }
}
