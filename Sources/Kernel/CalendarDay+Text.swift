/// `CalendarDay` as ISO 8601 text (`2026-02-14`), which is also its JSON form.
extension CalendarDay: CustomStringConvertible, Codable {
    /// Parses exactly `YYYY-MM-DD`; anything else, or a day that does not exist, throws.
    public init(parsing text: String) throws(DomainError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
            let day = Self.number(bytes[8..<10])
        else {
            throw DomainError(
                .invalid, code: "calendar.invalid-day", title: "日期格式错误",
                detail: "“\(text)”不是“年-月-日”格式的日期，请写成如 2026-02-14 的形式。")
        }
        try self.init(year: year, month: month, day: day)
    }

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        let civil = CivilDate(dayNumber: dayNumber)
        return Self.padded(civil.year, 4) + "-" + Self.padded(civil.month, 2) + "-" + Self.padded(civil.day, 2)
    }

    /// Decodes a day from its `YYYY-MM-DD` text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    /// Encodes the day as its `YYYY-MM-DD` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
