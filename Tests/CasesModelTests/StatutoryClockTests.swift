import CasesModel
import CatalogModel
import Foundation
import Kernel
import Testing

@Suite struct StatutoryClockTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.national()
    }

    // MARK: working days around 调休

    @Test func makeUpSaturdayCountsAndNationalDayDoesNot() throws {
        // Setup: accepted Monday 2026-09-28; 10-01…10-07 are holidays, Saturday 10-10 is worked.
        let clock = makeClock(10, [Self.event(.start, "2026-09-28")])

        // Act
        let reading = try clock.reading(at: Self.at("2026-10-09", 17))

        // Verify: 09-29, 09-30, 10-08, 10-09 counted so far; 10-10 is the fifth day, 10-16 the tenth.
        #expect(reading.deadline == Self.day("2026-10-16"))
        #expect(reading.usedDays == 4)
        #expect(reading.remainingDays == 6)
        #expect(reading.started && reading.running && !reading.paused)
        #expect(reading.colour == .green)
    }

    @Test func springFestivalMakeUpSaturdayCounts() throws {
        // Setup: accepted Thursday 2026-02-12; Saturday 02-14 is worked, 02-15…02-23 are holidays.
        let clock = makeClock(5, [Self.event(.start, "2026-02-12")])

        // Act
        let reading = try clock.reading(at: Self.at("2026-02-24", 9))

        // Verify: 02-13, 02-14, then 02-24, 02-25, 02-26.
        #expect(reading.deadline == Self.day("2026-02-26"))
        #expect(reading.usedDays == 3)
    }

    // MARK: pauses

    @Test func correctionPauseAcrossTheHolidayMovesTheDeadline() throws {
        // Setup: 20 working days from Monday 09-21; 补正 from Thursday 09-24 to Friday 10-09.
        let clock = makeClock(
            20,
            [
                Self.event(.start, "2026-09-21"), Self.event(.pause, "2026-09-24", reason: .correction),
                Self.event(.resume, "2026-10-09"),
            ])

        // Act
        let reading = try clock.reading(at: Self.at("2026-10-09", 15))

        // Verify: 3 days before the pause; (09-24, 10-09] held 5 workdays (09-28…09-30, 10-08, 10-09);
        // the other 17 run from 10-10 (make-up Saturday) to 11-02.
        #expect(reading.deadline == Self.day("2026-11-02"))
        #expect(reading.usedDays == 3)
        #expect(reading.pausedDays == 5)
        #expect(reading.running && !reading.paused && reading.pauseReason == nil)
    }

    @Test func openPauseReportsTheDeadlineAsIfResumedToday() throws {
        // Setup
        let clock = makeClock(
            20, [Self.event(.start, "2026-09-21"), Self.event(.pause, "2026-09-24", reason: .correction)])

        // Act
        let reading = try clock.reading(at: Self.at("2026-10-05", 12))

        // Verify: paused since 09-24 (09-28…09-30 not counted); 17 days from 10-05 end on 10-29.
        #expect(reading.paused && !reading.running)
        #expect(reading.pauseReason == .correction)
        #expect(reading.usedDays == 3)
        #expect(reading.pausedDays == 3)
        #expect(reading.remainingDays == 17)
        #expect(reading.deadline == Self.day("2026-10-29"))
        #expect(try clock.warningDays() == nil)
    }

    @Test func pauseAfterTheDeadlineDoesNotMoveIt() throws {
        // Setup: 3 working days from 03-02 end on 03-05; the pause only comes on 03-09.
        let clock = makeClock(
            3,
            [
                Self.event(.start, "2026-03-02"), Self.event(.pause, "2026-03-09", reason: .specialProcedure),
                Self.event(.resume, "2026-03-11"),
            ])

        // Act
        let reading = try clock.reading(at: Self.at("2026-03-12", 9))

        // Verify: (03-02, 03-09] counted 5, then 03-12 → 6 used, 3 over the limit.
        #expect(reading.deadline == Self.day("2026-03-05"))
        #expect(reading.usedDays == 6)
        #expect(reading.remainingDays == -3)
        #expect(reading.colour == .overdue)
    }

    // MARK: extension

    @Test func extensionAddsWorkingDaysPastQingming() throws {
        // Setup: 20 days from 03-02 end on 03-30; 10 more cross 清明 (04-04…04-06).
        let events = [
            Self.event(.start, "2026-03-02"), Self.event(.extend, "2026-03-20", days: 10),
            Self.event(.extend, "2026-03-21", days: 0), Self.event(.extend, "2026-03-22", days: -3),
            Self.event(.extend, "2026-03-23"),
        ]

        // Act
        let reading = try makeClock(20, events).reading(at: Self.at("2026-03-31", 9))

        // Verify: only the valid extension counts.
        #expect(reading.limitDays == 30)
        #expect(reading.extensionDays == 10)
        #expect(reading.deadline == Self.day("2026-04-14"))
        #expect(reading.remainingDays == 9)
        #expect(reading.colour == .green)  // the yellow margin is now ⌈30 × 25%⌉ = 8
    }

    // MARK: natural days

    @Test func naturalDaysEndingInTheHolidayMoveToTheNextWorkday() throws {
        // Setup: 10 natural days from 09-21 end on 10-01, a holiday; the next workday is 10-08.
        let clock = makeClock(10, [Self.event(.start, "2026-09-21")], unit: .naturalDays)

        // Act
        let lastButOne = try clock.reading(at: Self.at("2026-10-07", 9))
        let last = try clock.reading(at: Self.at("2026-10-08", 9))
        let after = try clock.reading(at: Self.at("2026-10-09", 9))

        // Verify
        #expect(last.deadline == Self.day("2026-10-08"))
        #expect(lastButOne.usedDays == 16)
        #expect(lastButOne.remainingDays == 1)
        #expect(lastButOne.colour == .red)
        #expect(last.remainingDays == 0)
        #expect(last.colour == .red)
        #expect(after.colour == .overdue)
    }

    @Test func naturalDaysEndingOnAMakeUpSaturdayStay() throws {
        // Act
        let reading = try makeClock(10, [Self.event(.start, "2026-09-30")], unit: .naturalDays)
            .reading(at: Self.at("2026-10-01", 9))

        // Verify
        #expect(reading.deadline == Self.day("2026-10-10"))
    }

    @Test func naturalDaysSkipPausedDaysAndTheWeekend() throws {
        // Setup: 10 natural days from 03-02, paused (03-05, 03-08] → ends 03-15, a Sunday → 03-16.
        let clock = makeClock(
            10,
            [
                Self.event(.start, "2026-03-02"), Self.event(.pause, "2026-03-05", reason: .suspension),
                Self.event(.resume, "2026-03-08"),
            ], unit: .naturalDays)

        // Act
        let reading = try clock.reading(at: Self.at("2026-03-09", 9))

        // Verify
        #expect(reading.deadline == Self.day("2026-03-16"))
        #expect(reading.pausedDays == 3)
        #expect(reading.usedDays == 4)
    }

    // MARK: 即办

    @Test func sameDayItemIsRedOnItsDayAndOverdueAfter() throws {
        // Setup: accepted on the make-up Saturday 10-10.
        let clock = makeClock(0, [Self.event(.start, "2026-10-10")])

        // Act
        let sameDay = try clock.reading(at: Self.at("2026-10-10", 15))
        let nextDay = try clock.reading(at: Self.at("2026-10-11", 9))
        let concluded = try makeClock(0, [Self.event(.start, "2026-10-10"), Self.event(.stop, "2026-10-10", hour: 16)])
            .reading(at: Self.at("2026-10-12", 9))

        // Verify
        #expect(sameDay.deadline == Self.day("2026-10-10"))
        #expect(sameDay.remainingDays == 0)
        #expect(sameDay.colour == .red)
        #expect(nextDay.colour == .overdue)
        #expect(concluded.onTime == true)
        #expect(concluded.colour == .green)
        #expect(
            try clock.warningDays().map { [$0.yellow, $0.red] } == [Self.day("2026-10-10"), Self.day("2026-10-10")])
    }

    // MARK: colours

    @Test(arguments: [
        ("2026-03-20", 6, DeadlineColour.green),
        ("2026-03-23", 5, .yellow),  // ⌈20 × 25%⌉ = 5 left
        ("2026-03-26", 2, .yellow),
        ("2026-03-27", 1, .red),  // the day before the deadline
        ("2026-03-28", 1, .red),  // a Saturday counts nothing
        ("2026-03-30", 0, .red),  // the deadline
        ("2026-03-31", -1, .overdue),
    ])
    func colourAtEachThreshold(day: String, remaining: Int, colour: DeadlineColour) throws {
        // Setup: 20 working days from Monday 03-02 end on Monday 03-30 (no holidays in March 2026).
        let clock = makeClock(20, [Self.event(.start, "2026-03-02")])

        // Act
        let reading = try clock.reading(at: Self.at(day, 12))

        // Verify
        #expect(reading.deadline == Self.day("2026-03-30"))
        #expect(reading.remainingDays == remaining)
        #expect(reading.colour == colour)
    }

    @Test func warningDaysAreWhereTheColourChanges() throws {
        // Setup: 10 working days from 09-28, across National Day.
        let clock = makeClock(10, [Self.event(.start, "2026-09-28")])

        // Act
        let warnings = try #require(try clock.warningDays())
        let deadline = try #require(try clock.reading(at: Self.at("2026-09-28", 12)).deadline)

        // Verify: every day's reading agrees with the warning days.
        #expect(warnings.yellow == Self.day("2026-10-13"))  // 3 left = max(2, ⌈10 × 25%⌉)
        #expect(warnings.red == Self.day("2026-10-15"))
        var day = Self.day("2026-09-28")
        while day <= deadline.adding(days: 2) {
            let expected: DeadlineColour =
                day > deadline ? .overdue : day >= warnings.red ? .red : day >= warnings.yellow ? .yellow : .green
            #expect(try clock.reading(at: day.startDate.addingTimeInterval(43200)).colour == expected, "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test func shortLimitSkipsYellow() throws {
        // Setup: one working day is red from the start.
        let clock = makeClock(1, [Self.event(.start, "2026-03-02")])

        // Act
        let warnings = try #require(try clock.warningDays())
        let reading = try clock.reading(at: Self.at("2026-03-02", 12))

        // Verify
        #expect(reading.colour == .red)
        #expect(warnings.yellow == Self.day("2026-03-02"))
        #expect(warnings.red == Self.day("2026-03-02"))
    }

    // MARK: stop

    @Test(arguments: [
        ("2026-03-27", true, DeadlineColour.green), ("2026-03-30", true, .green), ("2026-03-31", false, .overdue),
    ])
    func stopFreezesTheClock(stopDay: String, onTime: Bool, colour: DeadlineColour) throws {
        // Setup
        let clock = makeClock(20, [Self.event(.start, "2026-03-02"), Self.event(.stop, stopDay)])

        // Act
        let atStop = try clock.reading(at: Self.at(stopDay, 18))
        let later = try clock.reading(at: Self.at("2026-05-20", 9))

        // Verify
        #expect(atStop == later)
        #expect(later.stoppedOn == Self.day(stopDay))
        #expect(later.onTime == onTime)
        #expect(later.colour == colour)
        #expect(!later.running && !later.paused)
        #expect(later.usedDays == (try calendar.workdays(from: Self.day("2026-03-02"), to: Self.day(stopDay))))
        #expect(try clock.warningDays() == nil)
    }

    @Test func stopWhilePausedEndsThePause() throws {
        // Setup
        let clock = makeClock(
            20,
            [
                Self.event(.start, "2026-03-02"), Self.event(.pause, "2026-03-04", reason: .correction),
                Self.event(.stop, "2026-03-10"), Self.event(.resume, "2026-03-11"),
            ])

        // Act
        let reading = try clock.reading(at: Self.at("2026-03-20", 9))

        // Verify: withdrawn during 补正; the resume afterwards is ignored.
        #expect(!reading.paused && reading.pauseReason == nil)
        #expect(reading.usedDays == 2)
        #expect(reading.pausedDays == 4)
        #expect(reading.onTime == true)
    }

    // MARK: helpers

    func makeClock(
        _ days: Int, _ events: [ClockEvent], unit: TimeLimit.Unit = .workingDays
    ) -> StatutoryClock {
        StatutoryClock(limit: TimeLimit(days: days, unit: unit), events: events, calendar: calendar)
    }

    static func day(_ text: String) -> CalendarDay {
        try! CalendarDay(parsing: text)
    }

    static func at(_ text: String, _ hour: Int) -> Date {
        day(text).startDate.addingTimeInterval(Double(hour) * 3600)
    }

    static func event(
        _ kind: ClockEvent.Kind, _ text: String, hour: Int = 10, reason: PauseReason? = nil, days: Int? = nil
    ) -> ClockEvent {
        ClockEvent(kind: kind, at: at(text, hour), pauseReason: reason, days: days)
    }
}
