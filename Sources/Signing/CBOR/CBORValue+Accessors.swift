extension CBORValue {
    /// An integer item for `value`, choosing major type 0 or 1.
    public static func integer(_ value: Int64) -> CBORValue {
        // -1 - value cannot overflow for negative values: it ends at Int64.max.
        value >= 0 ? .unsigned(UInt64(value)) : .negative(UInt64(-1 - value))
    }

    /// The integer, when this is one that fits in `Int64`.
    public var integerValue: Int64? {
        switch self {
        case .unsigned(let n) where n <= UInt64(Int64.max): Int64(n)
        case .negative(let n) where n <= UInt64(Int64.max): -1 - Int64(n)
        default: nil
        }
    }

    /// The bytes, when this is a byte string.
    public var bytesValue: [UInt8]? {
        if case .bytes(let bytes) = self { bytes } else { nil }
    }

    /// The text, when this is a text string.
    public var textValue: String? {
        if case .text(let text) = self { text } else { nil }
    }

    /// The elements, when this is an array.
    public var arrayValue: [CBORValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// The entries, when this is a map.
    public var mapValue: [CBORValue: CBORValue]? {
        if case .map(let entries) = self { entries } else { nil }
    }
}
