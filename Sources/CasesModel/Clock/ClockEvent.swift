public import Foundation

/// One entry of a case's history that moves its statutory clock; the clock is computed from the
/// list, never stored, so anyone can re-derive it.
public struct ClockEvent: Codable, Sendable, Hashable {
    /// What happened to the clock.
    public enum Kind: String, Codable, Sendable {
        /// Accepted (受理): counting starts the day after.
        case start
        /// Stopped for `pauseReason`.
        case pause
        /// Counting again.
        case resume
        /// The limit grew by `days` (延期), approved by someone with a reason.
        case extend
        /// Concluded, rejected or withdrawn: counting ends.
        case stop
    }

    /// What happened.
    public var kind: Kind
    /// When.
    public var at: Date
    /// Why the clock stopped, for `pause`.
    public var pauseReason: PauseReason?
    /// The extra days, for `extend`.
    public var days: Int?

    /// Creates an entry.
    public init(kind: Kind, at: Date, pauseReason: PauseReason? = nil, days: Int? = nil) {
        self.kind = kind
        self.at = at
        self.pauseReason = pauseReason
        self.days = days
    }
}
