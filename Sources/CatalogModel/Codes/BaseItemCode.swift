public import Kernel

/// 基本编码: an item's code in the base catalog (基本目录), twelve digits.
///
/// Positions 1–2 are the item type (`ItemType.code`), 3–9 the main item (主项) and 10–12 the
/// sub-item (子项, `000` when the item has none). See docs/catalog.md.
public struct BaseItemCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The twelve digits.
    public let rawValue: String

    /// Parses and checks a base code.
    public init(_ text: String) throws(DomainError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw CatalogCodeError.malformed("基本编码", text, "应为12位数字")
        }
        guard ItemType(code: String(text.prefix(2))) != nil else {
            throw CatalogCodeError.malformed("基本编码", text, "前两位事项类型代码 \(text.prefix(2)) 不是可申请的事项类型")
        }
        rawValue = text
    }

    /// The item type its first two digits name.
    public var itemType: ItemType { ItemType(code: String(rawValue.prefix(2)))! }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the digits.
    public static func < (lhs: BaseItemCode, rhs: BaseItemCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension BaseItemCode: Codable {
    /// Decodes and checks the code.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
