/// Why bytes are not an acceptable CBOR item; offsets count bytes from the start of the input.
public enum CBORError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ends inside the item that starts at or before `offset`.
    case truncated(offset: Int)
    /// The string, array or map at `offset` declares more content than the bytes that remain.
    case lengthExceedsInput(offset: Int)
    /// Arrays, maps and tags nest deeper than `limit`.
    case tooDeep(limit: Int)
    /// A complete item ends at `offset` but more bytes follow.
    case trailingBytes(offset: Int)
    /// The map key at `offset` repeats an earlier key of the same map.
    case duplicateMapKey(offset: Int)
    /// The item at `offset` has an indefinite length, which signed codes never use.
    case indefiniteLength(offset: Int)
    /// The item at `offset` is a float, `undefined` or another simple value this decoder does not accept.
    case unsupported(offset: Int, initialByte: UInt8)
    /// The head at `offset` uses reserved additional information (28–30) or is a stray "break".
    case invalidHead(offset: Int)
    /// The text string at `offset` is not valid UTF-8.
    case invalidUTF8(offset: Int)

    /// A sentence for logs and developers.
    public var description: String {
        switch self {
        case .truncated(let offset): "input ends inside the item at byte \(offset)"
        case .lengthExceedsInput(let offset): "the item at byte \(offset) declares more content than remains"
        case .tooDeep(let limit): "items nest deeper than \(limit) levels"
        case .trailingBytes(let offset): "unexpected bytes after the item, from byte \(offset)"
        case .duplicateMapKey(let offset): "the map key at byte \(offset) repeats an earlier key"
        case .indefiniteLength(let offset): "the item at byte \(offset) has an indefinite length"
        case .unsupported(let offset, let initialByte):
            "the item at byte \(offset) (initial byte \(initialByte)) is a float or simple value not accepted here"
        case .invalidHead(let offset): "the head at byte \(offset) is reserved or a stray break"
        case .invalidUTF8(let offset): "the text string at byte \(offset) is not valid UTF-8"
        }
    }
}
