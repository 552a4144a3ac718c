import CasesModel
import CatalogModel
import Foundation
import Kernel
import Testing

/// Event order, senseless sequences, errors and encoding of `StatutoryClock`.
extension StatutoryClockTests {
    // MARK: order and bad sequences

    @Test func eventOrderDoesNotMatter() throws {
        // Setup
        let events = [
            Self.event(.start, "2026-09-21"), Self.event(.pause, "2026-09-24", reason: .correction),
            Self.event(.resume, "2026-10-09"), Self.event(.extend, "2026-10-12", days: 5),
        ]

        // Act
        let sorted = try makeClock(20, events).reading(at: Self.at("2026-10-20", 9))
        let reversed = try makeClock(20, Array(events.reversed())).reading(at: Self.at("2026-10-20", 9))
        let shuffled = try makeClock(20, [events[2], events[0], events[3], events[1]]).reading(
            at: Self.at("2026-10-20", 9))

        // Verify
        #expect(sorted == reversed)
        #expect(sorted == shuffled)
        #expect(sorted.extensionDays == 5)
    }

    @Test func equalInstantsKeepTheirGivenOrder() throws {
        // Setup
        let start = Self.event(.start, "2026-03-02")
        let pause = Self.event(.pause, "2026-03-04", reason: .correction)
        let resume = Self.event(.resume, "2026-03-04")

        // Act
        let pauseFirst = try makeClock(20, [start, pause, resume]).reading(at: Self.at("2026-03-05", 9))
        let resumeFirst = try makeClock(20, [start, resume, pause]).reading(at: Self.at("2026-03-05", 9))

        // Verify: a resume before the pause is ignored, so the clock stays paused.
        #expect(pauseFirst.running)
        #expect(resumeFirst.paused)
    }

    @Test func senselessEventsAreSkipped() throws {
        // Setup
        let events = [
            Self.event(.pause, "2026-02-27", reason: .suspension), Self.event(.extend, "2026-02-27", days: 5),
            Self.event(.stop, "2026-02-28"), Self.event(.start, "2026-03-02"), Self.event(.resume, "2026-03-03"),
            Self.event(.start, "2026-03-03"), Self.event(.pause, "2026-03-04", reason: .correction),
            Self.event(.pause, "2026-03-05", reason: .suspension), Self.event(.resume, "2026-03-06"),
        ]

        // Act
        let reading = try makeClock(20, events).reading(at: Self.at("2026-03-09", 9))
        let plain = try makeClock(
            20,
            [
                Self.event(.start, "2026-03-02"), Self.event(.pause, "2026-03-04", reason: .correction),
                Self.event(.resume, "2026-03-06"),
            ]
        ).reading(at: Self.at("2026-03-09", 9))

        // Verify: only start 03-02, pause 03-04 and resume 03-06 count.
        #expect(reading == plain)
        #expect(reading.extensionDays == 0)
        #expect(reading.usedDays == 3)
        #expect(reading.pausedDays == 2)
    }

    @Test func eventsAfterNowAreNotYetKnown() throws {
        // Setup
        let clock = makeClock(20, [Self.event(.start, "2026-03-02"), Self.event(.stop, "2026-03-10")])

        // Act
        let before = try clock.reading(at: Self.at("2026-03-01", 9))
        let during = try clock.reading(at: Self.at("2026-03-09", 9))

        // Verify
        #expect(!before.started && before.deadline == nil && before.colour == .green)
        #expect(before.remainingDays == 20)
        #expect(during.running && during.stoppedOn == nil && during.onTime == nil)
    }

    @Test(arguments: [-1, 3651])
    func impossibleLimitsThrow(days: Int) {
        // Setup
        let clock = makeClock(days, [Self.event(.start, "2026-03-02")])

        // Act
        var thrown: DomainError?
        do throws(DomainError) { _ = try clock.reading(at: Self.at("2026-03-03", 9)) } catch { thrown = error }

        // Verify
        #expect(thrown?.code == "cases.clock-invalid")
        #expect(thrown?.kind == .invalid)
    }

    @Test func deadlinesBeyondTheCalendarThrow() {
        // Setup: 20 working days from 12-20 reach into 2027, which the table does not cover.
        let clock = makeClock(20, [Self.event(.start, "2026-12-20")])

        // Act
        var thrown: DomainError?
        do throws(DomainError) { _ = try clock.reading(at: Self.at("2026-12-21", 9)) } catch { thrown = error }

        // Verify
        #expect(thrown?.code == "calendar.unknown-year")
    }

    @Test func readingTravelsAsJSON() throws {
        // Setup
        let reading = try makeClock(10, [Self.event(.start, "2026-09-28")]).reading(at: Self.at("2026-10-09", 9))

        // Act
        let data = try JSONEncoder().encode(reading)
        let decoded = try JSONDecoder().decode(ClockReading.self, from: data)

        // Verify
        #expect(decoded == reading)
        #expect(String(decoding: data, as: UTF8.self).contains("\"deadline\":\"2026-10-16\""))
    }

    @Test func colourLabels() {
        // Verify
        #expect(DeadlineColour.allCases.map(\.label) == ["正常", "预警", "临期", "超期"])
        #expect(DeadlineColour.yellowMargin(limitDays: 3) == 2)
        #expect(DeadlineColour.yellowMargin(limitDays: 21) == 6)
    }
}
