public import Kernel

/// The statutory clock of one case on one day, derived from its events by `StatutoryClock`.
///
/// Days are counted in the limit's unit (working or natural days). It is `Codable` as it
/// stands, since `CalendarDay` travels as `yyyy-MM-dd` text.
public struct ClockReading: Codable, Sendable, Equatable {
    /// Whether the case was accepted, so that counting began.
    public var started: Bool
    /// Whether days are being counted now: started, not paused, not stopped.
    public var running: Bool
    /// Whether the clock stands still for a correction, special procedure or suspension.
    public var paused: Bool
    /// Why it stands still, while paused.
    public var pauseReason: PauseReason?
    /// The limit in days, extensions included.
    public var limitDays: Int
    /// The days added by extensions (延期).
    public var extensionDays: Int
    /// The days counted so far (up to the stop day once stopped).
    public var usedDays: Int
    /// The days left up to and including the deadline; 0 on the deadline, negative when overdue.
    public var remainingDays: Int
    /// The days not counted because the clock stood still.
    public var pausedDays: Int
    /// The last day to conclude on; while paused, as if the clock ran again today.
    public var deadline: CalendarDay?
    /// The warning colour.
    public var colour: DeadlineColour
    /// The day the clock stopped (concluded, rejected or withdrawn).
    public var stoppedOn: CalendarDay?
    /// Whether it stopped on or before the deadline; nil while not stopped.
    public var onTime: Bool?
    /// Whether the deadline falls in a year whose holidays are not published yet, so that it was
    /// counted by the weekday rule; it can only move later once they are (WorkCalendar).
    public var deadlineAssumed: Bool

    /// Creates a reading.
    public init(
        started: Bool, running: Bool, paused: Bool, pauseReason: PauseReason?, limitDays: Int, extensionDays: Int,
        usedDays: Int, remainingDays: Int, pausedDays: Int, deadline: CalendarDay?, colour: DeadlineColour,
        stoppedOn: CalendarDay?, onTime: Bool?, deadlineAssumed: Bool = false
    ) {
        self.started = started
        self.running = running
        self.paused = paused
        self.pauseReason = pauseReason
        self.limitDays = limitDays
        self.extensionDays = extensionDays
        self.usedDays = usedDays
        self.remainingDays = remainingDays
        self.pausedDays = pausedDays
        self.deadline = deadline
        self.colour = colour
        self.stoppedOn = stoppedOn
        self.onTime = onTime
        self.deadlineAssumed = deadlineAssumed
    }
}
