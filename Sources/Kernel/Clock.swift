public import Foundation

/// A source of the current instant, so that tests can pin time.
public protocol Clock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The real wall clock.
public struct SystemClock: Clock {
    /// Creates the wall clock.
    public init() {}

    /// The current instant as the operating system reports it.
    public func now() -> Date { Date() }
}
