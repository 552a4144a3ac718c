/// A checked citizen identity number (公民身份号码, GB 11643): 18 characters.
///
/// Layout: division code (6) · birth date YYYYMMDD (8) · sequence (3, odd for men) ·
/// check character (ISO 7064 MOD 11-2, `X` for ten). A lower-case `x` is accepted and
/// stored as `X`, because people type it that way; nothing else is normalised.
public struct ResidentIDNumber: Hashable, Sendable, CustomStringConvertible {
    /// The 18 characters, check character upper-case.
    public let rawValue: String
    /// The division where the number was first issued; may be a historical code.
    public let division: DivisionCode
    /// The holder's birth date.
    public let birthDate: CalendarDay
    /// The holder's sex as encoded in the sequence digits.
    public let sex: Sex

    /// Birth dates before this are taken for typing errors, since nobody born then holds a number.
    static let earliestBirthYear = 1900

    /// Checks `text` against GB 11643 as of `today`; throws `DomainError(.invalid)` naming the faulty part.
    public init(_ text: String, today: CalendarDay, divisions: DivisionTable) throws(DomainError) {
        var bytes = Array(text.utf8)
        guard text.count == 18 else {
            throw Self.invalid("length", "身份证号应为18位，收到的是\(text.count)位。")
        }
        if bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        guard bytes.count == 18, bytes[0..<17].allSatisfy(Self.isDigit),
            Self.isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X")
        else {
            throw Self.invalid("character", "身份证号前17位必须是数字，最后一位是数字或X。")
        }
        let digits = bytes.map { Int($0) - Int(UInt8(ascii: "0")) }
        let code = try? DivisionCode(String(decoding: bytes[0..<6], as: UTF8.self))
        guard let code, divisions.contains(code) else {
            throw Self.invalid("division", "身份证号前6位地址码“\(String(text.prefix(6)))”不是已知的行政区划代码。")
        }
        let year = Self.number(digits[6..<10])
        let month = Self.number(digits[10..<12])
        let day = Self.number(digits[12..<14])
        let birthText = Self.slice(text, 6, 14)
        guard let birth = try? CalendarDay(year: year, month: month, day: day) else {
            throw Self.invalid("birth-date", "身份证号第7至14位出生日期“\(birthText)”不是有效的日期。")
        }
        guard year >= Self.earliestBirthYear, birth <= today else {
            throw Self.invalid(
                "birth-date", "身份证号第7至14位出生日期“\(birthText)”\(birth > today ? "晚于今天" : "早于1900年")，请核对号码。")
        }
        let expected = Self.checkCharacter(digits[0..<17])
        guard bytes[17] == expected else {
            throw Self.invalid("check-digit", "身份证号第18位校验码不正确，请核对号码是否抄错。")
        }
        rawValue = String(decoding: bytes, as: UTF8.self)
        division = code
        birthDate = birth
        sex = digits[16] % 2 == 1 ? .male : .female
    }

    /// Checks `text` as of today on `clock`, against the bundled division table.
    public init(_ text: String, clock: any Clock) throws(DomainError) {
        try self.init(text, today: CalendarDay.today(clock), divisions: DivisionTable.standard())
    }

    /// The number with the middle hidden, such as `130***********1234`, for pages and logs.
    public var masked: String { Masking.idNumber(rawValue) }

    /// The full number; mask it before showing it to anyone who does not need it.
    public var description: String { rawValue }

    /// The ISO 7064 MOD 11-2 check character of the first 17 digits.
    static func checkCharacter(_ digits: ArraySlice<Int>) -> UInt8 {
        // Weight of position i (from the left) is 2^(17-i) mod 11; accumulate Horner-style.
        var sum = 0
        for digit in digits { sum = (sum + digit) * 2 % 11 }
        let value = (12 - sum % 11) % 11
        return value == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(value)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func number(_ digits: ArraySlice<Int>) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    private static func slice(_ text: String, _ start: Int, _ end: Int) -> Substring {
        text.dropFirst(start).prefix(end - start)
    }

    private static func invalid(_ part: String, _ detail: String) -> DomainError {
        DomainError(.invalid, code: "resident-id.invalid-\(part)", title: "身份证号无效", detail: detail)
    }
}
