public import Kernel

/// 业务办理项编码: one business item of an implementation, 33 characters — the implementation
/// code and a two-digit sequence from 01.
public struct BusinessItemCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 33 characters.
    public let rawValue: String
    /// The implementation it belongs to.
    public let implementation: ImplementationCode
    /// 1…99.
    public let sequence: Int

    /// Parses and checks a business item code.
    public init(_ text: String) throws(DomainError) {
        guard text.utf8.count == 33, text.unicodeScalars.allSatisfy({ $0.isASCII }) else {
            throw CatalogCodeError.malformed("业务办理项编码", text, "应为33位：31位实施编码和2位业务办理项序号")
        }
        let tail = String(text.suffix(2))
        guard let sequence = Int(tail), tail.allSatisfy(\.isASCIIDigit), (1...99).contains(sequence) else {
            throw CatalogCodeError.malformed("业务办理项编码", text, "最后两位业务办理项序号应为01到99")
        }
        implementation = try ImplementationCode(String(text.prefix(31)))
        self.sequence = sequence
        rawValue = text
    }

    /// Builds the code from its parts.
    public init(implementation: ImplementationCode, sequence: Int) throws(DomainError) {
        guard (1...99).contains(sequence) else {
            throw CatalogCodeError.malformed("业务办理项编码", implementation.rawValue, "业务办理项序号应为01到99")
        }
        self.implementation = implementation
        self.sequence = sequence
        rawValue = implementation.rawValue + (sequence < 10 ? "0" : "") + String(sequence)
    }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the characters.
    public static func < (lhs: BusinessItemCode, rhs: BusinessItemCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension BusinessItemCode: Codable {
    /// Decodes and checks the code.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the characters.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
