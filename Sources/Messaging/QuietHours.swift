public import Foundation

/// No SMS between 22:00 and 08:00 Beijing time unless urgent.
public struct QuietHours: Sendable {
    /// The first quiet hour (22).
    public var startHour: Int
    /// The first allowed hour after the night (8).
    public var endHour: Int
    private let calendar: Calendar

    /// Creates the rule for Asia/Shanghai.
    public init(startHour: Int = 22, endHour: Int = 8) {
        self.startHour = startHour
        self.endHour = endHour
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        self.calendar = calendar
    }

    /// The earliest instant at or after `instant` when a non-urgent SMS may go out.
    public func nextAllowed(after instant: Date) -> Date {
        let hour = calendar.component(.hour, from: instant)
        if hour >= endHour && hour < startHour { return instant }
        let day = calendar.startOfDay(for: instant)
        let morning = calendar.date(byAdding: .hour, value: endHour, to: day)!
        return hour < endHour ? morning : calendar.date(byAdding: .day, value: 1, to: morning)!
    }
}
