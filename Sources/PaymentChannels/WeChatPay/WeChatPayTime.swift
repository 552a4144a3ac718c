import Foundation
import Kernel

/// WeChat Pay's time texts: RFC 3339 with an offset in the API (`2026-02-14T10:08:24+08:00`) and
/// Beijing time without an offset in bills (`2026-02-14 10:08:24`).
///
/// Written by hand because China has kept UTC+8 without daylight saving since 1991, and a strict
/// parser of two fixed shapes is easier to trust than a general date formatter.
enum WeChatPayTime {
    /// Beijing time's offset from UTC.
    static let beijingOffset = 8 * 3600

    /// `date` as `yyyy-MM-ddTHH:mm:ss+08:00`, rounded down to the second.
    static func rfc3339(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + beijingOffset
        let days = Int((Double(seconds) / 86400).rounded(.down))
        let secondOfDay = seconds - days * 86400
        let day = CalendarDay(dayNumber: days)
        return day.description + "T" + pad(secondOfDay / 3600, 2) + ":"
            + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "+08:00"
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss` with an optional fraction and a `Z` or `±HH:MM` offset.
    static func parseRFC3339(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40, bytes[10] == UInt8(ascii: "T") else { return nil }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let zone = Array(bytes[index...])
        let offset: Int
        if zone == Array("Z".utf8) {
            offset = 0
        } else if zone.count == 6, zone[0] == UInt8(ascii: "+") || zone[0] == UInt8(ascii: "-"),
            zone[3] == UInt8(ascii: ":"), let hours = number(zone[1..<3]), let minutes = number(zone[4..<6]),
            hours < 24, minutes < 60
        {
            offset = (zone[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        return local(bytes[0..<19], separator: UInt8(ascii: "T"), offset: offset)
    }

    /// Parses a bill's `yyyy-MM-dd HH:mm:ss`, which is Beijing time.
    static func parseBillTime(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19 else { return nil }
        return local(bytes[...], separator: UInt8(ascii: " "), offset: beijingOffset)
    }

    private static func local(_ bytes: ArraySlice<UInt8>, separator: UInt8, offset: Int) -> Date? {
        let b = Array(bytes)
        guard b.count == 19, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == separator,
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10]),
            let hour = number(b[11..<13]), let minute = number(b[14..<16]), let second = number(b[17..<19]),
            let calendarDay = try? CalendarDay(year: year, month: month, day: day), hour < 24, minute < 60,
            second < 60
        else { return nil }
        let seconds = calendarDay.dayNumber * 86400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
