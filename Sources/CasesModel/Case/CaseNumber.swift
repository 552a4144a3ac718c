public import Kernel

/// A case number (办件编号): 22 digits that name the case to applicants, on receipts and on the phone.
///
/// Layout: division code (6, GB/T 2260, the office that received the case) · receiving day
/// `yyyyMMdd` in Asia/Shanghai (8) · serial per division and day from 1 (7) · check digit (1,
/// ISO/IEC 7064 MOD 11,10 over the first 21). Printed in groups, `130100 20261130 0000012 7`;
/// parsing accepts the groups separated by spaces or hyphens. The check digit catches every
/// single mistyped digit and about 98% of swapped neighbours (see docs/statutory-clock.md).
public struct CaseNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 22 digits without separators.
    public let rawValue: String
    /// The six-digit division code.
    public let division: String
    /// The day the case was received.
    public let day: CalendarDay
    /// The serial within the division and day, 1–9999999.
    public let serial: Int

    /// The largest serial seven digits hold.
    public static let maximumSerial = 9_999_999

    /// Builds the number of the `serial`-th case received by `division` on `day`.
    public init(division: String, day: CalendarDay, serial: Int) throws(DomainError) {
        guard (try? DivisionCode(division)) != nil else {
            throw Self.invalid("division", "办件编号的行政区划代码“\(division)”不是六位数字（首位不能为0）。")
        }
        guard (1...Self.maximumSerial).contains(serial) else {
            throw Self.invalid("serial", "办件流水号应为1至\(Self.maximumSerial)，收到 \(serial)；当日编号已用完时请联系运维人员。")
        }
        guard (1000...9999).contains(day.year) else {
            throw Self.invalid("date", "办件编号的日期 \(day) 超出可编号的年份范围（1000年至9999年）。")
        }
        let body = division + Self.dateDigits(day) + Self.padded(serial, 7)
        rawValue = body + String(Self.checkDigit(body))
        self.division = division
        self.day = day
        self.serial = serial
    }

    /// Reads a number as people type it: 22 digits, optionally grouped with spaces or hyphens.
    public init(parsing text: String) throws(DomainError) {
        let compact = text.filter { $0 != " " && $0 != "-" }
        guard compact.count == 22 else {
            throw Self.invalid("length", "办件编号应为22位数字，收到的是\(compact.count)位。")
        }
        guard compact.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw Self.invalid("character", "办件编号只能由数字组成（可用空格或短横线分组）。")
        }
        let digits = Array(compact)
        let division = String(digits[0..<6])
        let dateText = String(digits[6..<14])
        let year = Int(String(digits[6..<10])) ?? 0
        let month = Int(String(digits[10..<12])) ?? 0
        let dayOfMonth = Int(String(digits[12..<14])) ?? 0
        guard let day = try? CalendarDay(year: year, month: month, day: dayOfMonth), year >= 1000 else {
            throw Self.invalid("date", "办件编号第7至14位日期“\(dateText)”不是有效的日期。")
        }
        let serial = Int(String(digits[14..<21])) ?? 0
        guard digits[21] == Self.checkDigit(String(digits[0..<21])) else {
            throw Self.invalid("check-digit", "办件编号第22位校验码不正确，请核对编号是否抄错。")
        }
        try self.init(division: division, day: day, serial: serial)
    }

    /// The number in its printed groups, such as `130100 20261130 0000012 7`.
    public var grouped: String {
        let digits = Array(rawValue)
        return [digits[0..<6], digits[6..<14], digits[14..<21], digits[21...]].map { String($0) }
            .joined(separator: " ")
    }

    /// The 22 digits.
    public var description: String { rawValue }

    /// The ISO/IEC 7064 MOD 11,10 check digit of `digits21`; characters other than ASCII digits are skipped.
    public static func checkDigit(_ digits21: String) -> Character {
        var product = 10
        for byte in digits21.utf8 where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            var sum = (product + Int(byte - UInt8(ascii: "0"))) % 10
            if sum == 0 { sum = 10 }
            product = sum * 2 % 11
        }
        // The check digit makes the final running sum 1 (mod 10).
        return Character(String((11 - product) % 10))
    }

    /// Orders numbers by division, then day, then serial — their digit order.
    public static func < (lhs: CaseNumber, rhs: CaseNumber) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    private static func dateDigits(_ day: CalendarDay) -> String {
        padded(day.year, 4) + padded(day.month, 2) + padded(day.day, 2)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func invalid(_ part: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "cases.case-number-invalid-\(part)", title: "办件编号无效", detail: detail)
    }
}

/// A case number travels in JSON as its 22-digit string.
extension CaseNumber: Codable {
    /// Decodes and checks a number.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the 22 digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
