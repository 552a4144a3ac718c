import Kernel
import Testing

/// The examples of RFC 9285 §4.3 (encoding) and §4.4 (decoding), and the invalid strings of §6.
@Suite("Base45 (RFC 9285)")
struct Base45Tests {
    @Test(
        "the RFC's examples encode and decode both ways",
        arguments: [
            ("AB", "BB8"),
            ("Hello!!", "%69 VD92EX0"),
            ("base-45", "UJCLQE7W581"),
            ("ietf!", "QED8WEX0"),
            ("", ""),
        ])
    func rfcExamples(plain: String, encoded: String) throws {
        // Setup
        let bytes = Array(plain.utf8)

        // Act
        let text = Base45.encode(bytes)
        let decoded = try Base45.decode(encoded)

        // Verify
        #expect(text == encoded)
        #expect(decoded == bytes)
    }

    @Test("every byte value survives a round trip, in pairs and as a final single byte")
    func allBytes() throws {
        // Setup
        let bytes = (0...255).map { UInt8($0) } + [0xFF, 0xFF, 0x00]

        // Act
        let text = Base45.encode(bytes)
        let decoded = try Base45.decode(text)

        // Verify
        #expect(text.utf8.count == (bytes.count / 2) * 3 + 2)
        #expect(decoded == bytes)
        #expect(Base45.encode([0xFF, 0xFF]) == "FGW")
    }

    @Test("characters outside the alphabet are rejected where they stand")
    func invalidCharacters() {
        // Setup: lowercase, '=' padding from base64 habits, a non-ASCII character
        let cases: [(String, Int)] = [("bb8", 0), ("BB8===", 3), ("BB8水", 3), ("%69 VD92EX0\n", 11)]

        for (text, offset) in cases {
            // Act
            let error = #expect(throws: Base45.DecodingError.self) { try Base45.decode(text) }

            // Verify
            #expect(error == .invalidCharacter(offset: offset))
        }
    }

    @Test("a lone final character is rejected")
    func dangling() {
        #expect(throws: Base45.DecodingError.danglingCharacter) { try Base45.decode("A") }
        #expect(throws: Base45.DecodingError.danglingCharacter) { try Base45.decode("BB8A") }
    }

    @Test("groups worth more than their bytes are rejected: GGW is 65536 (RFC 9285 §6), :: is 2024")
    func outOfRange() {
        #expect(throws: Base45.DecodingError.valueOutOfRange(offset: 0)) { try Base45.decode("GGW") }
        #expect(throws: Base45.DecodingError.valueOutOfRange(offset: 3)) { try Base45.decode("BB8:::") }
        #expect(throws: Base45.DecodingError.valueOutOfRange(offset: 3)) { try Base45.decode("BB8::") }
        // The largest legal values still decode.
        #expect((try? Base45.decode("FGW")) == [0xFF, 0xFF])
        #expect((try? Base45.decode("U5")) == [0xFF])
    }
}
