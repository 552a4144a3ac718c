import Foundation
import Kernel

extension Platform {
    /// Years after the last known one in which deadlines are counted by the weekday rule until
    /// their arrangement is loaded: the longest statutory limits run a few months, so two suffice.
    static let assumedCalendarYears = 2

    /// The national calendar with the operator's file laid over it (`ZT_CALENDAR_FILE`,
    /// `ZT_CALENDAR_YEARS`), counting the years after it by assumption (docs/statutory-clock.md).
    static func workCalendar(_ configuration: AppConfiguration) throws -> WorkCalendar {
        var calendar = try WorkCalendar.national()
        if !configuration.calendarFile.isEmpty {
            let text: String
            do {
                text = try String(contentsOfFile: configuration.calendarFile, encoding: .utf8)
            } catch {
                throw ConfigurationError(message: "无法读取 ZT_CALENDAR_FILE（\(configuration.calendarFile)）：\(error)")
            }
            let entries = try CalendarEntry.parse(csv: text, file: configuration.calendarFile)
            calendar = try calendar.applying(entries, declaringYears: Set(configuration.calendarYears))
        } else if !configuration.calendarYears.isEmpty {
            throw ConfigurationError(message: "设置了 ZT_CALENDAR_YEARS 却没有 ZT_CALENDAR_FILE：年份的安排要放在文件里。")
        }
        return calendar.assumingWeekdayRule(yearsAfterCoverage: assumedCalendarYears)
    }
}
