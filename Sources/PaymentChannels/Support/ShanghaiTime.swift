public import Foundation
import Kernel

/// Wall-clock time in Asia/Shanghai as `yyyy-MM-dd HH:mm:ss`, the form Alipay uses for every
/// timestamp it sends and expects (`timestamp`, `time_expire`, `notify_time`, `gmt_payment`, bills).
public enum ShanghaiTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        return calendar
    }()

    /// The instant as `2026-02-14 09:30:05`, seconds truncated.
    public static func text(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return padded(parts.year, 4) + "-" + padded(parts.month, 2) + "-" + padded(parts.day, 2) + " "
            + padded(parts.hour, 2) + ":" + padded(parts.minute, 2) + ":" + padded(parts.second, 2)
    }

    /// The instant named by exactly `yyyy-MM-dd HH:mm:ss`, or nil for any other text or a time that does not exist.
    static func date(_ text: some StringProtocol) -> Date? {
        let bytes = Array(text.utf8)
        let separators: [Int: UInt8] = [4: 0x2D, 7: 0x2D, 10: 0x20, 13: 0x3A, 16: 0x3A]
        guard bytes.count == 19 else { return nil }
        for (index, byte) in bytes.enumerated() {
            if let separator = separators[index] {
                guard byte == separator else { return nil }
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return nil
            }
        }
        func number(_ range: Range<Int>) -> Int {
            bytes[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        let parts = DateComponents(
            year: number(0..<4), month: number(5..<7), day: number(8..<10), hour: number(11..<13),
            minute: number(14..<16), second: number(17..<19))
        // Calendar rolls 02-30 over into March; reading the result back refuses such days.
        guard let date = calendar.date(from: parts), Self.text(date) == String(text) else { return nil }
        return date
    }

    private static func padded(_ value: Int?, _ width: Int) -> String {
        let digits = String(value ?? 0)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
