import Foundation

/// Formats instants for people in Asia/Shanghai, whatever the server's zone.
enum BeijingTime {
    static func format(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
                timeZone: TimeZone(identifier: "Asia/Shanghai")!, calendar: Calendar(identifier: .gregorian)))
    }
}
