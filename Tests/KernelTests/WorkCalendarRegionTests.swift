import Kernel
import Testing

@Suite struct WorkCalendarRegionTests {
    let national: WorkCalendar

    init() throws {
        national = try WorkCalendar.national()
    }

    @Test func localHolidayIsAddedOnTopOfTheNationalCalendar() throws {
        // Setup: a local festival on Tuesday 2026-03-10.
        let festival = CalendarEntry(day: day("2026-03-10"), kind: .holiday, name: "地方节日")

        // Act
        let regional = try national.applying([festival])

        // Verify
        #expect(try regional.isWorkday(day("2026-03-10")) == false)
        #expect(try national.isWorkday(day("2026-03-10")) == true)
        #expect(try regional.addingWorkdays(1, to: day("2026-03-09")) == day("2026-03-11"))
        #expect(try regional.isWorkday(day("2026-02-14")) == true)
    }

    @Test func regionOverrideReplacesANationalEntry() throws {
        // Setup: the region gives its staff the national make-up Saturday off.
        let override = CalendarEntry(day: day("2026-02-14"), kind: .holiday, name: "地方调整")

        // Act
        let regional = try national.applying([override])

        // Verify
        #expect(try regional.isWorkday(day("2026-02-14")) == false)
        #expect(try regional.entry(on: day("2026-02-14"))?.name == "地方调整")
    }

    @Test func aRegionCanSupplyAYearTheTableLacks() throws {
        // Setup: a region file for 2027 in the national format.
        let csv = """
            date,kind,festival,festival_zh
            2027-01-01,holiday,New Year's Day,元旦
            2027-02-20,workday,Spring Festival,春节
            """
        let entries = try CalendarEntry.parse(csv: csv, file: "hebei-2027.csv")

        // Act
        let regional = try national.applying(entries, declaringYears: [2027])

        // Verify
        #expect(try regional.isWorkday(day("2027-01-01")) == false)
        #expect(try regional.isWorkday(day("2027-01-04")) == true)
        #expect(try regional.isWorkday(day("2027-02-20")) == true)
        #expect(try regional.addingWorkdays(2, to: day("2026-12-30")) == day("2027-01-04"))
    }

    @Test func aLocalEntryAloneDoesNotCoverAYear() throws {
        // Setup
        let festival = CalendarEntry(day: day("2028-03-10"), kind: .holiday, name: "地方节日")

        // Act
        let regional = try national.applying([festival])
        let code = errorCode { () throws(DomainError) in try regional.isWorkday(day("2028-03-13")) }

        // Verify
        #expect(code == "calendar.unknown-year")
        #expect(!regional.coveredYears.contains(2028))
    }

    @Test func duplicateOverridesAreRefused() {
        // Setup
        let first = CalendarEntry(day: day("2026-03-10"), kind: .holiday, name: "甲")
        let second = CalendarEntry(day: day("2026-03-10"), kind: .workday, name: "乙")

        // Act
        let code = errorCode { () throws(DomainError) in try national.applying([first, second]) }

        // Verify
        #expect(code == "calendar.duplicate-day")
    }
}
