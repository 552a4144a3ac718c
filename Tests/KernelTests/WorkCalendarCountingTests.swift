import Kernel
import Testing

@Suite struct WorkCalendarCountingTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.national()
    }

    @Test(arguments: [
        ("2026-02-13", 1, "2026-02-14"),  // Friday → the 调休 Saturday
        ("2026-02-13", 2, "2026-02-24"),  // then over the whole 春节 break
        ("2025-04-30", 1, "2025-05-06"),  // over 劳动节
        ("2025-04-25", 1, "2025-04-27"),  // Friday → the 调休 Sunday
        ("2026-03-06", 5, "2026-03-13"),  // an ordinary week
        ("2026-03-07", 0, "2026-03-07"),  // zero days is the day itself, even a Saturday
        ("2026-02-24", -2, "2026-02-13"),  // backwards over 春节
    ])
    func addingWorkdays(start: String, count: Int, expected: String) throws {
        // Act
        let result = try calendar.addingWorkdays(count, to: day(start))

        // Verify
        #expect(result == day(expected))
    }

    @Test(arguments: [
        ("2026-02-13", "2026-02-24", 2),
        ("2026-02-24", "2026-02-13", -2),
        ("2025-04-30", "2025-05-05", 0),
        ("2026-03-06", "2026-03-06", 0),
        ("2026-03-06", "2026-03-09", 1),
    ])
    func workdaysBetween(start: String, end: String, expected: Int) throws {
        // Act
        let count = try calendar.workdays(from: day(start), to: day(end))

        // Verify
        #expect(count == expected)
    }

    @Test(arguments: [-40, -7, -1, 0, 1, 3, 10, 60, 150])
    func addingIsTheInverseOfCounting(count: Int) throws {
        // Setup: starts on a workday, a 调休 day, a holiday and a plain weekend.
        let starts = ["2025-09-30", "2026-02-14", "2025-05-02", "2026-03-07"].map(day)

        for start in starts {
            // Act
            let end = try calendar.addingWorkdays(count, to: start)

            // Verify
            #expect(try calendar.workdays(from: start, to: end) == count, "from \(start)")
            if count > 0 { #expect(try calendar.isWorkday(end)) }
        }
    }

    @Test func intervalsAddUpSoTheClockCanStop() throws {
        // Setup: accepted, suspended for 补正, resumed, today.
        let accepted = day("2025-04-21")
        let suspended = day("2025-04-28")
        let resumed = day("2025-05-08")
        let today = day("2025-05-20")

        // Act
        let whole = try calendar.workdays(from: accepted, to: today)
        let running = try calendar.workdays(from: accepted, to: suspended) + calendar.workdays(from: resumed, to: today)
        let stopped = try calendar.workdays(from: suspended, to: resumed)

        // Verify
        #expect(running + stopped == whole)
        #expect(running == 6 + 8)
    }

    @Test func countingTheWholeTableMatchesDayByDay() throws {
        // Setup: the day before the table is not counted, so it need not be covered.
        let before = day("2003-12-31")
        let last = day("2026-12-31")
        var expected = 0
        for number in (before.dayNumber + 1)...last.dayNumber
        where try calendar.isWorkday(CalendarDay(dayNumber: number)) {
            expected += 1
        }

        // Act
        let counted = try calendar.workdays(from: before, to: last)
        let reached = try calendar.addingWorkdays(expected, to: before)

        // Verify
        #expect(counted == expected)
        #expect(reached == day("2026-12-31"))
    }

    @Test func deadlinesRunningIntoAnUnknownYearThrow() {
        // Act
        let code = errorCode { () throws(DomainError) in try calendar.addingWorkdays(2, to: day("2026-12-30")) }

        // Verify
        #expect(code == "calendar.unknown-year")
    }

    @Test(arguments: [
        ("2025-04-26", 5, PeriodEndRule.exact, "2025-05-01"),
        ("2025-04-26", 5, PeriodEndRule.nextWorkdayIfRestDay, "2025-05-06"),  // ends on 劳动节 → after it
        ("2026-03-02", 5, PeriodEndRule.nextWorkdayIfRestDay, "2026-03-09"),  // ends on a Saturday
        ("2026-02-04", 10, PeriodEndRule.nextWorkdayIfRestDay, "2026-02-14"),  // ends on a 调休 Saturday: stays
        ("2026-03-02", 3, PeriodEndRule.nextWorkdayIfRestDay, "2026-03-05"),  // ends on a workday
        ("2030-01-01", 10, PeriodEndRule.exact, "2030-01-11"),  // exact needs no holiday table
    ])
    func addingNaturalDays(start: String, count: Int, rule: PeriodEndRule, expected: String) throws {
        // Act
        let end = try calendar.addingNaturalDays(count, to: day(start), lastDay: rule)

        // Verify
        #expect(end == day(expected))
    }

    @Test func negativeNaturalDaysAreRefused() {
        // Act
        let code = errorCode { () throws(DomainError) in
            try calendar.addingNaturalDays(-1, to: day("2026-03-02"), lastDay: .exact)
        }

        // Verify
        #expect(code == "calendar.invalid-count")
    }
}
