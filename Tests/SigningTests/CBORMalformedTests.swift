import Signing
import Testing

/// Hostile and malformed inputs: each gets its own typed error, never a crash or a large allocation.
/// Well-formedness cases follow RFC 8949 Appendix F; the rest are this decoder's documented rules.
@Suite("CBOR: malformed and hostile input")
struct CBORMalformedTests {
    static let cases: [(String, CBORError)] = [
        // Appendix F.1: the head or content ends early.
        ("", .truncated(offset: 0)), ("18", .truncated(offset: 0)), ("1901", .truncated(offset: 0)),
        ("1a010203", .truncated(offset: 0)), ("1b01020304050607", .truncated(offset: 0)),
        ("38", .truncated(offset: 0)), ("8118", .truncated(offset: 1)), ("a10118", .truncated(offset: 2)),
        // Declared lengths beyond the input are refused before anything is allocated.
        ("5b ffffffffffffffff 010203", .lengthExceedsInput(offset: 0)),
        ("7a ffffffff 00", .lengthExceedsInput(offset: 0)),
        ("9b ffffffffffffffff", .lengthExceedsInput(offset: 0)),
        ("bb 7fffffffffffffff 0000", .lengthExceedsInput(offset: 0)),
        ("6261", .lengthExceedsInput(offset: 0)), ("81", .lengthExceedsInput(offset: 0)),
        ("a101a1", .lengthExceedsInput(offset: 2)), ("8201", .lengthExceedsInput(offset: 0)),
        // Appendix F.2: reserved additional information and a stray break.
        ("1c", .invalidHead(offset: 0)), ("3d", .invalidHead(offset: 0)), ("5e", .invalidHead(offset: 0)),
        ("dc00", .invalidHead(offset: 0)), ("fc", .invalidHead(offset: 0)), ("ff", .invalidHead(offset: 0)),
        ("8201ff", .invalidHead(offset: 2)),
        // Indefinite lengths (Appendix A examples) are well-formed but refused here.
        ("5f42010243030405ff", .indefiniteLength(offset: 0)),
        ("7f657374726561646d696e67ff", .indefiniteLength(offset: 0)),
        ("9fff", .indefiniteLength(offset: 0)), ("83018202039f0405ff", .indefiniteLength(offset: 5)),
        ("bf61610161629f0203ffff", .indefiniteLength(offset: 0)),
        // Floats, undefined and other simple values are out of the subset.
        ("f93c00", .unsupported(offset: 0, initialByte: 0xF9)),
        ("fb3ff199999999999a", .unsupported(offset: 0, initialByte: 0xFB)),
        ("f7", .unsupported(offset: 0, initialByte: 0xF7)), ("f0", .unsupported(offset: 0, initialByte: 0xF0)),
        ("f8ff", .unsupported(offset: 0, initialByte: 0xF8)),
        // Text must be UTF-8; one item only; map keys once.
        ("62c328", .invalidUTF8(offset: 0)), ("8161ff", .invalidUTF8(offset: 1)), ("63eda080", .invalidUTF8(offset: 0)),
        ("0000", .trailingBytes(offset: 1)), ("a0 a0", .trailingBytes(offset: 1)),
        ("a2 01 02 01 03", .duplicateMapKey(offset: 3)), ("a2 6161 00 6161 01", .duplicateMapKey(offset: 4)),
    ]

    @Test("each malformed input gets the error that names its fault", arguments: cases)
    func malformed(input: String, expected: CBORError) {
        // Act
        let error = #expect(throws: CBORError.self) { try CBORValue(decoding: hex(input)) }

        // Verify
        #expect(error == expected)
    }

    @Test("nesting stops at the depth limit, however deep the input goes")
    func depth() throws {
        // Setup: arrays and tags nested 100 000 deep would overflow the stack of a naive decoder
        let deepArrays = [UInt8](repeating: 0x81, count: 100_000) + [0x00]
        let deepTags = [UInt8](repeating: 0xC1, count: 100_000) + [0x00]
        let atLimit = [UInt8](repeating: 0x81, count: 15) + [0x00]
        let pastLimit = [UInt8](repeating: 0x81, count: 16) + [0x00]

        // Act / Verify
        #expect(throws: CBORError.tooDeep(limit: 16)) { try CBORValue(decoding: deepArrays) }
        #expect(throws: CBORError.tooDeep(limit: 16)) { try CBORValue(decoding: deepTags) }
        #expect(throws: CBORError.tooDeep(limit: 16)) { try CBORValue(decoding: pastLimit) }
        #expect(throws: CBORError.tooDeep(limit: 4)) { try CBORValue(decoding: atLimit, maxDepth: 4) }
        let decoded = try CBORValue(decoding: atLimit)
        #expect(decoded.encoded() == atLimit)
    }

    @Test("well-formed but not deterministic input is accepted, as signed bytes are never re-encoded")
    func lenientOnPreferredForm() throws {
        // Setup: a one-byte head for 0, keys out of order, a two-byte length for a short string
        let inputs = ["1800", "a2 03 04 01 02", "7900 01 61"]

        // Act
        let values = try inputs.map { try CBORValue(decoding: hex($0)) }

        // Verify
        #expect(values[0] == .unsigned(0))
        #expect(values[1] == .map([.unsigned(1): .unsigned(2), .unsigned(3): .unsigned(4)]))
        #expect(values[2] == .text("a"))
        #expect(hexString(values[1].encoded()) == "a201020304")
    }
}
