/// Reads one CBOR item from untrusted bytes without trusting any length it declares.
///
/// Accepted: definite lengths only (RFC 8949 §3.2.2 indefinite lengths are rejected: our encoder never
/// writes them and EU DCCs in the wild are definite), any valid head even when not the shortest (a
/// signature covers the exact bytes, so re-encoding never happens), map keys in any order but never twice.
/// Rejected with a `CBORError`: truncation, declared lengths past the end, nesting past `maxDepth`,
/// trailing bytes, floats and simple values other than false/true/null, and invalid UTF-8.
struct CBORDecoder {
    /// The most elements reserved ahead for one array or map; larger ones grow as they are filled.
    private static let reserveLimit = 1024
    private let bytes: [UInt8]
    private let maxDepth: Int
    private var offset = 0

    init(_ bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    /// The single item that makes up the whole input.
    mutating func decodeWhole() throws(CBORError) -> CBORValue {
        let value = try decodeItem(depth: 1)
        guard offset == bytes.count else { throw .trailingBytes(offset: offset) }
        return value
    }

    private var remaining: Int { bytes.count - offset }

    private mutating func decodeItem(depth: Int) throws(CBORError) -> CBORValue {
        guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
        let start = offset
        let initial = try readByte(itemStart: start)
        let major = initial >> 5
        let info = initial & 0x1F
        if major == 7 { return try simpleValue(initial, at: start) }
        let argument = try readArgument(info, at: start)
        switch major {
        case 0: return .unsigned(argument)
        case 1: return .negative(argument)
        case 2: return .bytes(try readContent(count: argument, at: start))
        case 3:
            let content = try readContent(count: argument, at: start)
            guard let text = String(validating: content, as: UTF8.self) else { throw .invalidUTF8(offset: start) }
            return .text(text)
        case 4:
            // Every element takes at least one byte, so a count beyond the remaining bytes is a lie.
            guard argument <= UInt64(remaining) else { throw .lengthExceedsInput(offset: start) }
            var items: [CBORValue] = []
            // Capped: nested containers each claiming the rest of the input must not reserve it all at once.
            items.reserveCapacity(min(Int(argument), Self.reserveLimit))
            for _ in 0..<argument { items.append(try decodeItem(depth: depth + 1)) }
            return .array(items)
        case 5:
            guard argument <= UInt64(remaining / 2) else { throw .lengthExceedsInput(offset: start) }
            var entries: [CBORValue: CBORValue] = [:]
            entries.reserveCapacity(min(Int(argument), Self.reserveLimit))
            for _ in 0..<argument {
                let keyStart = offset
                let key = try decodeItem(depth: depth + 1)
                let value = try decodeItem(depth: depth + 1)
                guard entries.updateValue(value, forKey: key) == nil else {
                    throw .duplicateMapKey(offset: keyStart)
                }
            }
            return .map(entries)
        default:
            return .tagged(argument, try decodeItem(depth: depth + 1))
        }
    }

    private func simpleValue(_ initial: UInt8, at start: Int) throws(CBORError) -> CBORValue {
        switch initial {
        case 0xF4: return .bool(false)
        case 0xF5: return .bool(true)
        case 0xF6: return .null
        case 0xFC...0xFF: throw .invalidHead(offset: start)
        default: throw .unsupported(offset: start, initialByte: initial)
        }
    }

    private mutating func readByte(itemStart: Int) throws(CBORError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(offset: itemStart) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The argument of a head whose initial byte had additional information `info`.
    private mutating func readArgument(_ info: UInt8, at start: Int) throws(CBORError) -> UInt64 {
        let width: Int
        switch info {
        case 0..<24: return UInt64(info)
        case 24: width = 1
        case 25: width = 2
        case 26: width = 4
        case 27: width = 8
        case 31: throw .indefiniteLength(offset: start)
        default: throw .invalidHead(offset: start)
        }
        guard width <= remaining else { throw .truncated(offset: start) }
        var value: UInt64 = 0
        for byte in bytes[offset..<offset + width] { value = value << 8 | UInt64(byte) }
        offset += width
        return value
    }

    /// The next `count` bytes, checked against what remains before anything is allocated.
    private mutating func readContent(count: UInt64, at start: Int) throws(CBORError) -> [UInt8] {
        guard count <= UInt64(remaining) else { throw .lengthExceedsInput(offset: start) }
        let end = offset + Int(count)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
