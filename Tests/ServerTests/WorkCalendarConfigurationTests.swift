import Foundation
import Kernel
import Testing

@testable import Server

/// `ZT_CALENDAR_FILE` and `ZT_CALENDAR_YEARS`: loading a year the bundled table does not have.
@Suite("Work calendar configuration")
struct WorkCalendarConfigurationTests {
    @Test("a declared year from the file is covered and the years after it are assumed")
    func declaredYear() async throws {
        // Setup: the 2027 arrangement as an operator would save it from the State Council notice.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zt-cal-\(UUID().uuidString).csv")
        try Data("date,kind,festival,festival_zh\n2027-01-01,holiday,New Year's Day,元旦\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let configuration = try await AppConfiguration.load(environment: [
            "ZT_CALENDAR_FILE": file.path, "ZT_CALENDAR_YEARS": "2027",
        ])

        // Act
        let calendar = try Platform.workCalendar(configuration)

        // Verify
        #expect(calendar.coveredYears.contains(2027))
        #expect(calendar.assumedYears == [2028, 2029])
        #expect(try !calendar.isWorkday(CalendarDay(parsing: "2027-01-01")))
    }

    @Test("without a file the two years after the table are assumed")
    func defaultAssumption() async throws {
        // Act
        let calendar = try Platform.workCalendar(try await AppConfiguration.load(environment: [:]))

        // Verify
        #expect(calendar.assumedYears == [2027, 2028])
        #expect(try calendar.isWorkday(CalendarDay(parsing: "2027-01-01")))
    }

    @Test("bad years, or years without a file, are refused at start-up")
    func refusals() async throws {
        // Act
        var badYears: String?
        do { _ = try await AppConfiguration.load(environment: ["ZT_CALENDAR_YEARS": "明年"]) } catch {
            badYears = "\(error)"
        }
        var noFile: String?
        do {
            _ = try Platform.workCalendar(try await AppConfiguration.load(environment: ["ZT_CALENDAR_YEARS": "2027"]))
        } catch { noFile = "\(error)" }

        // Verify
        #expect(badYears?.contains("ZT_CALENDAR_YEARS") == true)
        #expect(noFile?.contains("ZT_CALENDAR_FILE") == true)
    }
}
