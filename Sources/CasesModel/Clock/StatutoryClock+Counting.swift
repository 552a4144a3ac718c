import CatalogModel
import Kernel

/// Day arithmetic in the limit's unit over the clock's running spans.
extension StatutoryClock {
    /// The days counted in `(from, to]`.
    func count(from: CalendarDay, to: CalendarDay) throws(DomainError) -> Int {
        switch limit.unit {
        case .workingDays: try calendar.workdays(from: from, to: to)
        case .naturalDays: from.days(to: to)
        }
    }

    /// The deadline, and how many days a natural-day end moved off a rest day.
    func deadline(
        start: CalendarDay, timeline: ClockTimeline, openFrom: CalendarDay
    ) throws(DomainError) -> (day: CalendarDay, shift: Int) {
        let limitDays = limit.days + timeline.extensionDays
        let anchor = try anchor(reaching: limitDays, start: start, timeline: timeline, openFrom: openFrom)
        switch limit.unit {
        case .workingDays:
            return (try calendar.addingWorkdays(anchor.days, to: anchor.from), 0)
        case .naturalDays:
            // 即办 ends on the start day even when that is a rest day: the office worked on it.
            guard limitDays > 0 else { return (start, 0) }
            let exact = anchor.from.adding(days: anchor.days)
            let moved = try calendar.addingNaturalDays(anchor.days, to: anchor.from, lastDay: .nextWorkdayIfRestDay)
            return (moved, exact.days(to: moved))
        }
    }

    /// The first day on which the counted days reach `target`; the start day when `target ≤ 0`.
    func day(
        reaching target: Int, start: CalendarDay, timeline: ClockTimeline, openFrom: CalendarDay
    ) throws(DomainError) -> CalendarDay {
        let anchor = try anchor(reaching: target, start: start, timeline: timeline, openFrom: openFrom)
        switch limit.unit {
        case .workingDays: return try calendar.addingWorkdays(anchor.days, to: anchor.from)
        case .naturalDays: return anchor.from.adding(days: anchor.days)
        }
    }

    /// The running span in which the count reaches `target`, and the days still to count from its
    /// beginning; the open span begins at `openFrom`.
    private func anchor(
        reaching target: Int, start: CalendarDay, timeline: ClockTimeline, openFrom: CalendarDay
    ) throws(DomainError) -> (from: CalendarDay, days: Int) {
        guard target > 0 else { return (start, 0) }
        var total = 0
        for run in timeline.runs {
            let counted = try count(from: run.from, to: run.to)
            if total + counted >= target { return (run.from, target - total) }
            total += counted
        }
        return (openFrom, target - total)
    }
}
