import CasesModel
import CatalogModel
import Foundation
import Kernel
import Testing

/// A case accepted in December whose deadline falls in a year the calendar does not hold yet.
@Suite struct StatutoryClockAssumedYearTests {
    @Test func aDeadlineInAnUnannouncedYearIsCountedAndMarked() throws {
        // Setup: ten working days from Friday 2026-12-25, the 2027 arrangement not loaded.
        let calendar = try WorkCalendar.national().assumingWeekdayRule(yearsAfterCoverage: 2)
        let clock = StatutoryClock(
            limit: TimeLimit(days: 10, unit: .workingDays), events: [Self.start("2026-12-25")], calendar: calendar)

        // Act
        let reading = try clock.reading(at: Self.at("2026-12-28"))

        // Verify
        #expect(reading.deadline == (try CalendarDay(parsing: "2027-01-08")))
        #expect(reading.deadlineAssumed)
        #expect(reading.usedDays == 1)
    }

    @Test func aDeadlineInsideTheTableIsNotMarked() throws {
        // Setup
        let calendar = try WorkCalendar.national().assumingWeekdayRule(yearsAfterCoverage: 2)
        let clock = StatutoryClock(
            limit: TimeLimit(days: 5, unit: .workingDays), events: [Self.start("2026-12-01")], calendar: calendar)

        // Act
        let reading = try clock.reading(at: Self.at("2026-12-02"))

        // Verify
        #expect(reading.deadline == (try CalendarDay(parsing: "2026-12-08")))
        #expect(!reading.deadlineAssumed)
    }

    @Test func withoutTheAssumptionTheClockRefusesToGuess() throws {
        // Setup
        let clock = StatutoryClock(
            limit: TimeLimit(days: 10, unit: .workingDays), events: [Self.start("2026-12-25")],
            calendar: try WorkCalendar.national())

        // Act
        var code: String?
        do { _ = try clock.reading(at: Self.at("2026-12-28")) } catch { code = error.code }

        // Verify
        #expect(code == "calendar.unknown-year")
    }

    static func at(_ text: String) -> Date {
        (try! CalendarDay(parsing: text)).startDate.addingTimeInterval(10 * 3600)
    }

    static func start(_ text: String) -> ClockEvent {
        ClockEvent(kind: .start, at: at(text), pauseReason: nil, days: nil)
    }
}
