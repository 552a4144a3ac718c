import Kernel
import Testing

@Suite struct WorkCalendarTests {
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.national()
    }

    @Test(arguments: [
        ("2026-02-14", true),  // Saturday, 调休 make-up day for 春节
        ("2025-05-02", false),  // Friday, 劳动节
        ("2025-04-27", true),  // Sunday, 调休
        ("2026-02-16", false),  // Monday, 春节
        ("2026-03-07", false),  // plain Saturday
        ("2026-03-09", true),  // plain Monday
        ("2004-01-01", false),  // first day of the table, 元旦
        ("2026-12-31", true),  // last day of the table, plain Thursday
    ])
    func isWorkday(text: String, expected: Bool) throws {
        // Act
        let result = try calendar.isWorkday(day(text))

        // Verify
        #expect(result == expected)
    }

    @Test func entryNamesTheFestival() throws {
        // Act
        let entry = try calendar.entry(on: day("2026-02-14"))
        let plain = try calendar.entry(on: day("2026-03-09"))

        // Verify
        #expect(entry == CalendarEntry(day: day("2026-02-14"), kind: .workday, name: "春节"))
        #expect(plain == nil)
    }

    @Test func coversTheTableYears() {
        // Verify
        #expect(calendar.coveredYears == Set(2004...2026))
    }

    @Test(arguments: ["2027-01-04", "2003-12-31"])
    func yearsBeyondTheTableThrow(text: String) {
        // Act
        var thrown: DomainError?
        do { _ = try calendar.isWorkday(day(text)) } catch { thrown = error }

        // Verify: never a silent weekday guess.
        #expect(thrown?.code == "calendar.unknown-year")
        #expect(thrown?.kind == .unavailable)
        #expect(thrown?.detail.contains("2004年至2026年") == true)
    }

    @Test func duplicateDaysAreRefused() {
        // Setup
        let entry = CalendarEntry(day: day("2026-03-10"), kind: .holiday, name: "测试")

        // Act
        let code = errorCode { () throws(DomainError) in
            try WorkCalendar(entries: [entry, entry], coveredYears: [2026])
        }

        // Verify
        #expect(code == "calendar.duplicate-day")
    }

    @Test func windowsLineEndingsReadAsLines() throws {
        // Setup: the same notice saved with CRLF (as Excel on Windows saves it) and with LF.
        let lines = ["date,kind,festival,festival_zh", "2026-03-10,holiday,x,y", "2026-03-14,workday,x,y"]
        let windows = lines.joined(separator: "\r\n") + "\r\n"
        let unix = lines.joined(separator: "\n") + "\n"

        // Act
        let fromWindows = try CalendarEntry.parse(csv: windows, file: "notice.csv")
        let fromUnix = try CalendarEntry.parse(csv: unix, file: "notice.csv")
        var thrown: DomainError?
        do { _ = try CalendarEntry.parse(csv: windows + "2026-02-30,holiday,x,y\r\n", file: "notice.csv") } catch {
            thrown = error
        }

        // Verify
        #expect(fromWindows.map(\.day) == [day("2026-03-10"), day("2026-03-14")])
        #expect(fromWindows.map(\.kind) == [.holiday, .workday])
        #expect(fromWindows == fromUnix)
        #expect(thrown?.detail.hasPrefix("notice.csv 第4行") == true)
    }

    @Test(arguments: [
        ("day,kind,festival,festival_zh\n2026-03-10,holiday,x,y\n", 1),
        ("date,kind,festival,festival_zh\n2026-03-10,holiday,x\n", 2),
        ("date,kind,festival,festival_zh\n2026-03-10,rest,x,y\n", 2),
        ("date,kind,festival,festival_zh\n2026-03-10,holiday,x,y\n2026-13-01,holiday,x,y\n", 3),
    ])
    func badCalendarFilesNameTheLine(text: String, line: Int) {
        // Act
        var thrown: DomainError?
        do { _ = try CalendarEntry.parse(csv: text, file: "region.csv") } catch { thrown = error }

        // Verify
        #expect(thrown?.code == "reference-data.invalid-file")
        #expect(thrown?.detail.hasPrefix("region.csv 第\(line)行") == true)
    }
}
