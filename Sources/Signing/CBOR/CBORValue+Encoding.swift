extension CBORValue {
    /// The core deterministic encoding (RFC 8949 §4.2.1): shortest heads, definite lengths, and map keys
    /// sorted by the bytes of their own encoding, so equal values always give equal bytes.
    public func encoded() -> [UInt8] {
        var output: [UInt8] = []
        encode(into: &output)
        return output
    }

    private func encode(into output: inout [UInt8]) {
        switch self {
        case .unsigned(let n): Self.appendHead(major: 0, argument: n, to: &output)
        case .negative(let n): Self.appendHead(major: 1, argument: n, to: &output)
        case .bytes(let bytes):
            Self.appendHead(major: 2, argument: UInt64(bytes.count), to: &output)
            output += bytes
        case .text(let text):
            Self.appendHead(major: 3, argument: UInt64(text.utf8.count), to: &output)
            output += text.utf8
        case .array(let items):
            Self.appendHead(major: 4, argument: UInt64(items.count), to: &output)
            for item in items { item.encode(into: &output) }
        case .map(let entries):
            Self.appendHead(major: 5, argument: UInt64(entries.count), to: &output)
            let encodedEntries = entries.map { (key: $0.key.encoded(), value: $0.value.encoded()) }
            for entry in encodedEntries.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                output += entry.key
                output += entry.value
            }
        case .tagged(let tag, let item):
            Self.appendHead(major: 6, argument: tag, to: &output)
            item.encode(into: &output)
        case .bool(let flag): output.append(flag ? 0xF5 : 0xF4)
        case .null: output.append(0xF6)
        }
    }

    /// The initial byte and argument in the shortest form that holds `argument` (preferred serialisation).
    private static func appendHead(major: UInt8, argument: UInt64, to output: inout [UInt8]) {
        let type = major << 5
        switch argument {
        case 0..<24: output.append(type | UInt8(argument))
        case 24...0xFF: output += [type | 24, UInt8(argument)]
        case 0x100...0xFFFF: output += [type | 25] + bigEndian(argument, count: 2)
        case 0x1_0000...0xFFFF_FFFF: output += [type | 26] + bigEndian(argument, count: 4)
        default: output += [type | 27] + bigEndian(argument, count: 8)
        }
    }

    private static func bigEndian(_ value: UInt64, count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }
}
