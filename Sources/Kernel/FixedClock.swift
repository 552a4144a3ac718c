public import Foundation
import Synchronization

/// A clock that stands still until a test moves it.
public final class FixedClock: Clock {
    private let instant: Mutex<Date>

    /// Creates a clock stopped at `instant`.
    public init(_ instant: Date) {
        self.instant = Mutex(instant)
    }

    /// The instant the clock is stopped at.
    public func now() -> Date { instant.withLock { $0 } }

    /// Moves the clock forward by `interval` seconds.
    public func advance(by interval: TimeInterval) {
        instant.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Sets the clock to `instant`.
    public func set(_ instant: Date) {
        self.instant.withLock { $0 = instant }
    }
}
