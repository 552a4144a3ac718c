/// Day arithmetic for time limits.
///
/// All counting follows the rule that the starting day is not counted (民法典 art. 201):
/// `workdays(from:to:)` counts the workdays in `(start, end]`, and
/// `addingWorkdays(n, to: start)` is the day on which that count reaches `n`. Because the
/// intervals are half-open they add up, so a caller that stops the clock can sum the
/// workdays of each running interval.
extension WorkCalendar {
    /// The `count`-th workday after `day`; `day` itself for 0.
    ///
    /// For a negative count it is the latest day from which `-count` workdays remain up to
    /// and including `day`, so `workdays(from: day, to: result) == count` holds either way.
    public func addingWorkdays(_ count: Int, to day: CalendarDay) throws(DomainError) -> CalendarDay {
        var current = day.dayNumber
        var remaining = count.magnitude
        if count >= 0 {
            while remaining > 0 {
                current += 1
                if try isWorkday(dayNumber: current) { remaining -= 1 }
            }
        } else {
            while remaining > 0 {
                if try isWorkday(dayNumber: current) { remaining -= 1 }
                current -= 1
            }
        }
        return CalendarDay(dayNumber: current)
    }

    /// The number of workdays after `start` up to and including `end`; negative if `end` is earlier.
    public func workdays(from start: CalendarDay, to end: CalendarDay) throws(DomainError) -> Int {
        guard start <= end else { return -(try workdays(from: end, to: start)) }
        var count = 0
        var current = start.dayNumber
        while current < end.dayNumber {
            current += 1
            if try isWorkday(dayNumber: current) { count += 1 }
        }
        return count
    }

    /// `day` if it is a workday, otherwise the first workday after it.
    public func firstWorkday(onOrAfter day: CalendarDay) throws(DomainError) -> CalendarDay {
        var current = day.dayNumber
        while !(try isWorkday(dayNumber: current)) { current += 1 }
        return CalendarDay(dayNumber: current)
    }

    /// The last day of a period of `count` natural days starting after `day`.
    ///
    /// With `.exact` no holiday knowledge is needed and no year limit applies; with
    /// `.nextWorkdayIfRestDay` the end moves past weekends and holidays.
    public func addingNaturalDays(
        _ count: Int, to day: CalendarDay, lastDay rule: PeriodEndRule
    ) throws(DomainError) -> CalendarDay {
        guard count >= 0 else {
            throw DomainError(
                .invalid, code: "calendar.invalid-count", title: "天数无效",
                detail: "期限天数不能为负数（收到 \(count)）。")
        }
        let end = day.adding(days: count)
        switch rule {
        case .exact: return end
        case .nextWorkdayIfRestDay: return try firstWorkday(onOrAfter: end)
        }
    }
}
