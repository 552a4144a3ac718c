public import Foundation

/// A day on the calendar (year, month, day) without a time, as counted in Asia/Shanghai.
///
/// Stored as a day number so that day arithmetic and hashing are plain integer work;
/// the working calendar walks days in tight loops and must not allocate.
public struct CalendarDay: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let dayNumber: Int

    /// The time zone in which the platform counts days.
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai")!

    /// A Gregorian calendar set to Asia/Shanghai, for turning instants into days and back.
    static let shanghaiCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// Creates the day with the given day number (days since 1970-01-01).
    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Creates a day from its parts; throws when the parts do not name a real day in years 1–9999.
    public init(year: Int, month: Int, day: Int) throws(DomainError) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysInMonth(year: year, month: month)).contains(day)
        else {
            throw DomainError(
                .invalid, code: "calendar.invalid-day", title: "日期无效",
                detail: "\(year)年\(month)月\(day)日不是有效的日期，请检查年、月、日。")
        }
        self.dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    /// The day on which `date` falls in Asia/Shanghai.
    public init(_ date: Date) {
        let parts = Self.shanghaiCalendar.dateComponents([.year, .month, .day], from: date)
        self.dayNumber = CivilDate.dayNumber(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Today in Asia/Shanghai according to `clock`.
    public static func today(_ clock: any Clock) -> CalendarDay {
        CalendarDay(clock.now())
    }

    /// The year, such as 2026.
    public var year: Int { CivilDate(dayNumber: dayNumber).year }
    /// The month, 1–12.
    public var month: Int { CivilDate(dayNumber: dayNumber).month }
    /// The day of the month, 1–31.
    public var day: Int { CivilDate(dayNumber: dayNumber).day }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        ((dayNumber + 3) % 7 + 7) % 7 + 1
    }

    /// Whether the day is a Saturday or Sunday (before any 调休 adjustment).
    public var isWeekend: Bool { weekday >= 6 }

    /// The instant at which this day starts in Asia/Shanghai.
    public var startDate: Date {
        let civil = CivilDate(dayNumber: dayNumber)
        let parts = DateComponents(year: civil.year, month: civil.month, day: civil.day)
        return Self.shanghaiCalendar.date(from: parts)!
    }

    /// The day `count` natural days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        CalendarDay(dayNumber: dayNumber + count)
    }

    /// The number of natural days from this day to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDay) -> Int {
        other.dayNumber - dayNumber
    }

    /// Orders days chronologically.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }
}
