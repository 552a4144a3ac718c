import Foundation
import Kernel
import Testing

@Suite struct CalendarDayTests {
    @Test(arguments: [
        ("1970-01-01", 0, 4), ("2026-02-14", 20_498, 6), ("2000-02-29", 11_016, 2), ("1969-12-31", -1, 3),
    ])
    func dayNumberAndWeekday(text: String, dayNumber: Int, weekday: Int) throws {
        // Act
        let parsed = try CalendarDay(parsing: text)

        // Verify
        #expect(parsed.dayNumber == dayNumber)
        #expect(parsed.weekday == weekday)
        #expect(parsed.description == text)
    }

    @Test func partsRoundTripAcrossFourCenturies() throws {
        // Setup: walk every day of 1900–2300, which crosses non-leap 2100 and leap 2000.
        let start = try CalendarDay(year: 1900, month: 1, day: 1)
        let end = try CalendarDay(year: 2300, month: 12, day: 31)
        var previous = start

        // Act and verify: each day rebuilt from its parts is itself, and one more than the last.
        for number in start.dayNumber...end.dayNumber {
            let current = CalendarDay(dayNumber: number)
            let rebuilt = try CalendarDay(year: current.year, month: current.month, day: current.day)
            #expect(rebuilt == current)
            if number > start.dayNumber { #expect(previous.days(to: current) == 1) }
            previous = current
        }
    }

    @Test(arguments: [
        "2026-2-14", "2026-02-30", "2025-02-29", "2100-02-29", "26-02-14", "2026/02/14", "", "２０２６-02-14",
    ])
    func parsingRefusesBadText(text: String) {
        // Act
        let code = errorCode { () throws(DomainError) in try CalendarDay(parsing: text) }

        // Verify
        #expect(code == "calendar.invalid-day")
    }

    @Test func dateConversionUsesShanghaiMidnight() throws {
        // Setup: 2026-02-13T16:00:00Z is 2026-02-14 00:00 in Shanghai; one second earlier is still the 13th.
        let midnight = Date(timeIntervalSince1970: 1_770_998_400)
        let target = try CalendarDay(year: 2026, month: 2, day: 14)

        // Act
        let atMidnight = CalendarDay(midnight)
        let justBefore = CalendarDay(midnight.addingTimeInterval(-1))

        // Verify
        #expect(atMidnight == target)
        #expect(justBefore == target.adding(days: -1))
        #expect(target.startDate == midnight)
    }

    @Test func todayFollowsTheClock() {
        // Setup
        let clock = FixedClock(day("2025-05-02").startDate.addingTimeInterval(23 * 3600))

        // Act
        let today = CalendarDay.today(clock)

        // Verify
        #expect(today == day("2025-05-02"))
    }

    @Test func codableUsesIsoText() throws {
        // Setup
        let value = ["due": day("2026-02-14")]

        // Act
        let json = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode([String: CalendarDay].self, from: json)

        // Verify
        #expect(String(decoding: json, as: UTF8.self) == #"{"due":"2026-02-14"}"#)
        #expect(decoded == value)
    }
}
