/// China's working calendar: which days are worked, counting statutory holidays and 调休 days.
///
/// A day is a workday Monday–Friday and a rest day on weekends, unless an entry says
/// otherwise. Only years the calendar covers can be asked about: for any other year the
/// holidays are unknown, and guessing "weekends only" would put deadlines on 春节 days, so
/// every question about an uncovered day throws `calendar.unknown-year`. A region can add
/// its own days and supply a year the national table does not have yet (see `applying`).
///
/// The one exception is opt-in: `assumingWeekdayRule(yearsAfterCoverage:)` lets a deadline run
/// into the next years before the State Council has announced them (each December, a limit of
/// a few weeks does), counted by the weekday rule alone and marked as assumed. Holidays only
/// ever push a deadline later, so an assumed deadline is never later than the real one.
public struct WorkCalendar: Sendable {
    /// Entries by day number; a dictionary keeps `isWorkday` O(1).
    private let entries: [Int: CalendarEntry]
    /// Years whose holiday arrangement is known.
    public let coveredYears: Set<Int>
    /// Years after the covered ones that are counted by the weekday rule until their arrangement
    /// is loaded; empty unless `assumingWeekdayRule` made them so.
    public private(set) var assumedYears: Set<Int> = []

    /// Creates a calendar from `entries`, answering only for days in `coveredYears`.
    ///
    /// Two entries for the same day are an error; entries outside `coveredYears` are kept
    /// but stay unreachable until the year is covered.
    public init(entries: [CalendarEntry], coveredYears: Set<Int>) throws(DomainError) {
        var byDay: [Int: CalendarEntry] = [:]
        byDay.reserveCapacity(entries.count)
        for entry in entries {
            guard byDay.updateValue(entry, forKey: entry.day.dayNumber) == nil else {
                throw Self.duplicate(entry.day)
            }
        }
        self.entries = byDay
        self.coveredYears = coveredYears
    }

    /// The national calendar from the bundled State Council table (2004–2026), loaded once.
    public static func national() throws(DomainError) -> WorkCalendar {
        try cachedNational.get()
    }

    private static let cachedNational: Result<WorkCalendar, DomainError> = {
        do throws(DomainError) {
            let text = try CSVRows.bundledText("cn-calendar")
            let entries = try CalendarEntry.parse(csv: text, file: "cn-calendar.csv")
            let years = entries.map(\.day.year)
            guard let first = years.min(), let last = years.max() else {
                throw CSVRows.error(file: "cn-calendar.csv", line: 2, "文件中没有任何日期。")
            }
            return .success(try WorkCalendar(entries: entries, coveredYears: Set(first...last)))
        } catch {
            return .failure(error)
        }
    }()

    /// This calendar with a region's own days laid over it.
    ///
    /// An override replaces the national entry for the same day (a local festival, or a
    /// region that keeps working on a national make-up day off). `declaringYears` are years
    /// the caller vouches for completely — for example a year the State Council has
    /// announced but the bundled table does not hold yet, given with all its entries.
    /// A local entry alone never makes a year covered.
    public func applying(
        _ overrides: [CalendarEntry], declaringYears: Set<Int> = []
    ) throws(DomainError) -> WorkCalendar {
        var merged = entries
        var seen = Set<Int>()
        for entry in overrides {
            guard seen.insert(entry.day.dayNumber).inserted else { throw Self.duplicate(entry.day) }
            merged[entry.day.dayNumber] = entry
        }
        var calendar = WorkCalendar(byDay: merged, coveredYears: coveredYears.union(declaringYears))
        calendar.assumedYears = assumedYears.subtracting(calendar.coveredYears)
        return calendar
    }

    private init(byDay: [Int: CalendarEntry], coveredYears: Set<Int>) {
        self.entries = byDay
        self.coveredYears = coveredYears
    }

    /// The entry that changes `day`, or nil if the plain weekday rule applies.
    public func entry(on day: CalendarDay) throws(DomainError) -> CalendarEntry? {
        try requireCovered(day.dayNumber)
        return entries[day.dayNumber]
    }

    /// Whether people work on `day`; O(1).
    public func isWorkday(_ day: CalendarDay) throws(DomainError) -> Bool {
        try isWorkday(dayNumber: day.dayNumber)
    }

    /// `isWorkday` on a raw day number, so that loops need not build values.
    func isWorkday(dayNumber: Int) throws(DomainError) -> Bool {
        try requireCovered(dayNumber)
        if let entry = entries[dayNumber] { return entry.kind == .workday }
        return !CalendarDay(dayNumber: dayNumber).isWeekend
    }

    /// This calendar, also answering for the `count` years after its last covered year by the
    /// weekday rule; see the type's note. Years a later `applying` declares stop being assumed.
    public func assumingWeekdayRule(yearsAfterCoverage count: Int) -> WorkCalendar {
        var calendar = self
        if let last = coveredYears.max(), count > 0 {
            calendar.assumedYears = Set((last + 1)...(last + count))
        }
        return calendar
    }

    /// Whether `day` falls in a year counted by assumption, not by a published arrangement.
    public func isAssumed(_ day: CalendarDay) -> Bool {
        assumedYears.contains(day.year)
    }

    private func requireCovered(_ dayNumber: Int) throws(DomainError) {
        let year = CivilDate(dayNumber: dayNumber).year
        guard coveredYears.contains(year) || assumedYears.contains(year) else { throw unknownYear(year) }
    }

    private func unknownYear(_ year: Int) -> DomainError {
        let known = coveredYears.sorted()
        let span: String
        if let first = known.first, let last = known.last {
            span =
                known.count == last - first + 1 ? "\(first)年至\(last)年" : known.map { "\($0)年" }.joined(separator: "、")
        } else {
            span = "任何年份"
        }
        return DomainError(
            .unavailable, code: "calendar.unknown-year", title: "工作日历未包含该年份",
            detail: "工作日历只有\(span)的节假日安排，无法判断\(year)年的日期是否为工作日。"
                + "请在国务院公布\(year)年放假安排后更新日历，或由本地区补充该年安排。")
    }

    private static func duplicate(_ day: CalendarDay) -> DomainError {
        DomainError(
            .invalid, code: "calendar.duplicate-day", title: "日历日期重复",
            detail: "\(day) 在同一份日历安排中出现了两次，请只保留一条。")
    }
}
