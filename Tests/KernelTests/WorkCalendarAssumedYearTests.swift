import Kernel
import Testing

/// A deadline that runs into a year the State Council has not announced yet (every December).
@Suite struct WorkCalendarAssumedYearTests {
    let national: WorkCalendar

    init() throws {
        national = try WorkCalendar.national()
    }

    @Test func theYearsAfterTheTableAreCountedByTheWeekdayRuleWhenAsked() throws {
        // Setup
        let assumed = national.assumingWeekdayRule(yearsAfterCoverage: 2)

        // Act
        let deadline = try assumed.addingWorkdays(10, to: day("2026-12-25"))

        // Verify: Friday 2026-12-25 plus ten weekdays; 2027-01-01 (a Friday) is not known to be 元旦 yet.
        #expect(deadline == day("2027-01-08"))
        #expect(assumed.assumedYears == [2027, 2028])
        #expect(assumed.isAssumed(day("2027-01-08")))
        #expect(!assumed.isAssumed(day("2026-12-31")))
        #expect(try assumed.isWorkday(day("2027-01-01")))
        #expect(try !assumed.isWorkday(day("2027-01-02")))
    }

    @Test func withoutTheAssumptionAndPastItTheYearStaysUnknown() {
        // Setup
        let assumed = national.assumingWeekdayRule(yearsAfterCoverage: 2)

        // Act
        let plain = errorCode { () throws(DomainError) in try national.addingWorkdays(10, to: day("2026-12-25")) }
        let beyond = errorCode { () throws(DomainError) in try assumed.isWorkday(day("2029-01-03")) }

        // Verify
        #expect(plain == "calendar.unknown-year")
        #expect(beyond == "calendar.unknown-year")
    }

    @Test func loadingTheArrangementEndsTheAssumptionAndOnlyMovesDeadlinesLater() throws {
        // Setup: the deadline counted before the 2027 notice, then the notice with 元旦 on Friday.
        let assumed = national.assumingWeekdayRule(yearsAfterCoverage: 2)
        let before = try assumed.addingWorkdays(10, to: day("2026-12-25"))
        let notice = try CalendarEntry.parse(
            csv: "date,kind,festival,festival_zh\n2027-01-01,holiday,New Year's Day,元旦\n", file: "2027.csv")

        // Act
        let loaded = try assumed.applying(notice, declaringYears: [2027])
        let after = try loaded.addingWorkdays(10, to: day("2026-12-25"))

        // Verify
        #expect(after == day("2027-01-11"))
        #expect(after > before)
        #expect(!loaded.isAssumed(after))
        #expect(loaded.assumedYears == [2028])
    }
}
