/// One day that the holiday arrangement changes from the plain weekday/weekend rule.
public struct CalendarEntry: Hashable, Sendable {
    /// What the day becomes.
    public enum Kind: String, Hashable, Sendable {
        /// A day off, even if it is a Monday–Friday.
        case holiday
        /// A working day, even if it is a Saturday or Sunday (调休 make-up day).
        case workday
    }

    /// The day concerned.
    public var day: CalendarDay
    /// Whether the day is off or worked.
    public var kind: Kind
    /// The Chinese name of the festival or occasion, such as 春节.
    public var name: String

    /// Creates an entry.
    public init(day: CalendarDay, kind: Kind, name: String) {
        self.day = day
        self.kind = kind
        self.name = name
    }

    /// Parses entries in the calendar file format `date,kind,festival,festival_zh`.
    ///
    /// Regions keep their own days in the same format as the national file.
    public static func parse(csv text: String, file: String = "calendar") throws(DomainError) -> [CalendarEntry] {
        let table = try CSVRows(text, header: ["date", "kind", "festival", "festival_zh"], file: file)
        var entries: [CalendarEntry] = []
        entries.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard let day = try? CalendarDay(parsing: String(row.fields[0])) else {
                throw CSVRows.error(file: file, line: row.line, "日期“\(row.fields[0])”无效。")
            }
            guard let kind = Kind(rawValue: String(row.fields[1])) else {
                throw CSVRows.error(file: file, line: row.line, "类型应为 holiday 或 workday。")
            }
            let chinese = String(row.fields[3])
            entries.append(CalendarEntry(day: day, kind: kind, name: chinese.isEmpty ? String(row.fields[2]) : chinese))
        }
        return entries
    }
}
