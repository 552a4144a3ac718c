/// A six-digit administrative division code (行政区划代码, GB/T 2260), such as 130102.
///
/// The value only checks the form; whether the code names a division is the
/// `DivisionTable`'s business, because old codes stay meaningful in old records.
public struct DivisionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The six digits.
    public let rawValue: String

    /// Creates a code from six ASCII digits, the first of them 1–9.
    public init(_ text: String) throws(DomainError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            bytes[0] != UInt8(ascii: "0")
        else {
            throw DomainError(
                .invalid, code: "division.invalid-code", title: "行政区划代码格式错误",
                detail: "“\(text)”不是六位数字的行政区划代码（首位不能为0）。")
        }
        rawValue = text
    }

    /// The code of the province-level division this code lies in, such as 130000.
    public var provinceCode: DivisionCode {
        // Safe: the first two digits of a valid code followed by zeros are a valid code.
        try! DivisionCode(String(rawValue.prefix(2)) + "0000")
    }

    /// The code itself.
    public var description: String { rawValue }

    /// Orders codes numerically, which is also their string order.
    public static func < (lhs: DivisionCode, rhs: DivisionCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A division code travels in JSON as its six-digit string.
extension DivisionCode: Codable {
    /// Decodes and checks a six-digit code.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the six-digit string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
