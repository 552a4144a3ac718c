import Foundation
import Kernel

/// A case's clock events replayed in time order: the intervals in which days were counted and
/// those in which the clock stood still.
///
/// Intervals are half-open `(from, to]` like the work calendar's counting, so they add up.
/// Events that make no sense where they stand are skipped, never fatal, because the clock must
/// stay derivable from any stored history (see `StatutoryClock`).
struct ClockTimeline {
    /// A half-open span of days `(from, to]`.
    struct Span {
        var from: CalendarDay
        var to: CalendarDay
    }

    /// The day counting starts after.
    private(set) var start: CalendarDay?
    /// Finished running spans, in order.
    private(set) var runs: [Span] = []
    /// Finished pauses, in order.
    private(set) var pauses: [Span] = []
    /// Where the running span that is still open began; nil unless running.
    private(set) var runningSince: CalendarDay?
    /// Where the pause that is still open began; nil unless paused (or stopped while paused).
    private(set) var pausedSince: CalendarDay?
    /// Why the open pause began.
    private(set) var pauseReason: PauseReason?
    /// Days added by valid extensions.
    private(set) var extensionDays = 0
    /// The day the clock stopped.
    private(set) var stoppedOn: CalendarDay?

    /// The longest extension taken into account; anything longer is a typing error.
    static let maximumExtension = 3650

    /// Replays `events` that happened at or before `cutoff` (all of them when nil).
    init(events: [ClockEvent], until cutoff: Date?) {
        // Sort by time, keeping the given order for equal instants (Array.sort promises no stability).
        let ordered = events.enumerated()
            .filter { entry in cutoff.map { entry.element.at <= $0 } ?? true }
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
        for event in ordered { apply(event) }
    }

    private mutating func apply(_ event: ClockEvent) {
        let day = CalendarDay(event.at)
        guard stoppedOn == nil else { return }
        guard start != nil else {
            // Before acceptance nothing counts: pauses, extensions and stops are ignored.
            if event.kind == .start {
                start = day
                runningSince = day
            }
            return
        }
        switch event.kind {
        case .start:
            return
        case .pause:
            guard let since = runningSince else { return }
            runs.append(Span(from: since, to: day))
            runningSince = nil
            pausedSince = day
            pauseReason = event.pauseReason
        case .resume:
            guard let since = pausedSince else { return }
            pauses.append(Span(from: since, to: day))
            pausedSince = nil
            pauseReason = nil
            runningSince = day
        case .extend:
            guard let days = event.days, (1...Self.maximumExtension).contains(days) else { return }
            extensionDays += days
        case .stop:
            stoppedOn = day
        }
    }
}
