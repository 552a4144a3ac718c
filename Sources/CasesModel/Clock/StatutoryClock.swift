public import CatalogModel
public import Foundation
public import Kernel

/// A case's statutory clock (法定时限 / 承诺时限), computed from its events so that anyone can
/// re-derive and check it; nothing about it is stored.
///
/// Counting:
/// - Days are counted after the `start` event's day (民法典 art. 201): spans are half-open
///   `(from, to]`, as in `WorkCalendar.workdays(from:to:)`. The limit is `limit.days` plus the
///   days of every `extend` event.
/// - Working days are counted with the work calendar, so a 调休 Saturday counts and a holiday
///   weekday does not. Natural days count every day, but a deadline that falls on a rest day
///   moves to the next workday (民法典 art. 203, `PeriodEndRule.nextWorkdayIfRestDay`).
/// - A `pause` on day p and a `resume` on day r leave the days in `(p, r]` uncounted, so the
///   deadline moves later by what that span would have counted. While a pause is open the
///   deadline is reported as if the clock ran again today, with `paused = true`.
/// - The deadline is the day on which the counted days reach the limit; with a limit of 0
///   (即办) it is the start day itself.
/// - `stop` freezes the clock: later readings show the state on the stop day, with
///   `onTime = stop day ≤ deadline`.
///
/// Events may come in any order: they are sorted by time, equal instants keeping their given
/// order. Events after `now` are not yet known to a reading. Events that make no sense where
/// they stand are skipped rather than refused, because a stored history must always yield a
/// clock: anything before the first `start`, a second `start`, a `pause` while paused (the
/// first reason stands), a `resume` while running, an `extend` without 1–3650 days, and
/// anything after `stop`. Only an impossible limit (below 0 or above 3650 days) throws
/// `cases.clock-invalid`; a day outside the work calendar's years throws `calendar.unknown-year`.
///
/// Colours: see `DeadlineColour` — overdue after the deadline, red with at most 1 day left,
/// yellow with at most max(2, ⌈limit × 25%⌉) left, green otherwise; a stopped clock is green
/// when on time and overdue when late.
public struct StatutoryClock: Sendable {
    /// The item's limit, before extensions.
    public let limit: TimeLimit
    /// The case's clock events, in any order.
    public let events: [ClockEvent]
    /// The calendar that says which days are worked.
    public let calendar: WorkCalendar

    /// The longest limit accepted; longer is a typing error in the catalogue.
    static let maximumLimit = 3650

    /// Creates the clock of one case.
    public init(limit: TimeLimit, events: [ClockEvent], calendar: WorkCalendar) {
        self.limit = limit
        self.events = events
        self.calendar = calendar
    }

    /// The clock as it stood at `now`, knowing only the events up to then.
    public func reading(at now: Date) throws(DomainError) -> ClockReading {
        try checkLimit()
        let timeline = ClockTimeline(events: events, until: now)
        let limitDays = limit.days + timeline.extensionDays
        guard let start = timeline.start else {
            return ClockReading(
                started: false, running: false, paused: false, pauseReason: nil, limitDays: limitDays,
                extensionDays: timeline.extensionDays, usedDays: 0, remainingDays: limitDays, pausedDays: 0,
                deadline: nil, colour: .green, stoppedOn: nil, onTime: nil)
        }
        let end = timeline.stoppedOn ?? CalendarDay(now)
        let openFrom = timeline.runningSince ?? end
        var used = 0
        for run in timeline.runs { used += try count(from: run.from, to: run.to) }
        if let since = timeline.runningSince { used += try count(from: since, to: end) }
        var pausedDays = 0
        for pause in timeline.pauses { pausedDays += try count(from: pause.from, to: pause.to) }
        if let since = timeline.pausedSince { pausedDays += try count(from: since, to: end) }
        let deadline = try deadline(start: start, timeline: timeline, openFrom: openFrom)
        let remaining = limitDays + deadline.shift - used
        let onTime = timeline.stoppedOn.map { $0 <= deadline.day }
        let paused = timeline.pausedSince != nil && timeline.stoppedOn == nil
        return ClockReading(
            started: true, running: timeline.runningSince != nil && timeline.stoppedOn == nil, paused: paused,
            pauseReason: paused ? timeline.pauseReason : nil, limitDays: limitDays,
            extensionDays: timeline.extensionDays, usedDays: used, remainingDays: remaining, pausedDays: pausedDays,
            deadline: deadline.day,
            colour: Self.colour(
                remaining: remaining, limitDays: limitDays, today: end, deadline: deadline.day, onTime: onTime),
            stoppedOn: timeline.stoppedOn, onTime: onTime, deadlineAssumed: calendar.isAssumed(deadline.day))
    }

    /// The first day a reading turns yellow and the first day it turns red, if the clock keeps
    /// running from its last event; nil before `start`, after `stop` and while paused (schedule
    /// again on resume). The two are equal when the clock is red from the start, and either may
    /// lie in the past when the events already passed it.
    public func warningDays() throws(DomainError) -> (yellow: CalendarDay, red: CalendarDay)? {
        try checkLimit()
        let timeline = ClockTimeline(events: events, until: nil)
        guard let start = timeline.start, timeline.stoppedOn == nil, let openFrom = timeline.runningSince else {
            return nil
        }
        let limitDays = limit.days + timeline.extensionDays
        let deadline = try deadline(start: start, timeline: timeline, openFrom: openFrom)
        let effective = limitDays + deadline.shift
        let yellow = try day(
            reaching: effective - DeadlineColour.yellowMargin(limitDays: limitDays), start: start,
            timeline: timeline, openFrom: openFrom)
        let red = try day(
            reaching: effective - DeadlineColour.redMargin, start: start, timeline: timeline, openFrom: openFrom)
        return (yellow, red)
    }

    private func checkLimit() throws(DomainError) {
        guard (0...Self.maximumLimit).contains(limit.days) else {
            throw DomainError(
                .invalid, code: "cases.clock-invalid", title: "办理时限无效",
                detail: "办理时限应为0至\(Self.maximumLimit)天（收到 \(limit.days) 天），请核对事项的时限设置。")
        }
    }

    /// The colour of a reading; `today` is the stop day once stopped.
    static func colour(
        remaining: Int, limitDays: Int, today: CalendarDay, deadline: CalendarDay, onTime: Bool?
    ) -> DeadlineColour {
        if let onTime { return onTime ? .green : .overdue }
        if today > deadline { return .overdue }
        if remaining <= DeadlineColour.redMargin { return .red }
        if remaining <= DeadlineColour.yellowMargin(limitDays: limitDays) { return .yellow }
        return .green
    }
}
