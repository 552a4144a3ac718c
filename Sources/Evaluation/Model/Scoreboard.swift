public import Kernel

/// A public scoreboard (好差评排行) for a period: one line per department, item or window, and
/// the whole.
public struct Scoreboard: Sendable, Equatable, Codable {
    /// What it groups by.
    public var dimension: ScoreboardDimension
    /// The first day of the period (ratings given on or after it).
    public var from: CalendarDay
    /// The last day of the period.
    public var to: CalendarDay
    /// The lines, best satisfaction first.
    public var lines: [ScoreboardLine]
    /// Every line added up.
    public var overall: ScoreTally
}
