import Signing
import Testing

/// RFC 8949 Appendix A: every example without floating point, both ways.
@Suite("CBOR: RFC 8949 Appendix A examples")
struct CBORVectorTests {
    static let examples: [(CBORValue, String)] = [
        (.unsigned(0), "00"), (.unsigned(1), "01"), (.unsigned(10), "0a"), (.unsigned(23), "17"),
        (.unsigned(24), "1818"), (.unsigned(25), "1819"), (.unsigned(100), "1864"), (.unsigned(1000), "1903e8"),
        (.unsigned(1_000_000), "1a000f4240"), (.unsigned(1_000_000_000_000), "1b000000e8d4a51000"),
        (.unsigned(18_446_744_073_709_551_615), "1bffffffffffffffff"),
        (.tagged(2, .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0])), "c249010000000000000000"),
        (.negative(18_446_744_073_709_551_615), "3bffffffffffffffff"),
        (.tagged(3, .bytes([1, 0, 0, 0, 0, 0, 0, 0, 0])), "c349010000000000000000"),
        (.integer(-1), "20"), (.integer(-10), "29"), (.integer(-100), "3863"), (.integer(-1000), "3903e7"),
        (.bool(false), "f4"), (.bool(true), "f5"), (.null, "f6"),
        (.tagged(0, .text("2013-03-21T20:04:00Z")), "c074323031332d30332d32315432303a30343a30305a"),
        (.tagged(1, .unsigned(1_363_896_240)), "c11a514b67b0"),
        (.tagged(23, .bytes([1, 2, 3, 4])), "d74401020304"),
        (.tagged(24, .bytes([0x64, 0x49, 0x45, 0x54, 0x46])), "d818456449455446"),
        (.tagged(32, .text("http://www.example.com")), "d82076687474703a2f2f7777772e6578616d706c652e636f6d"),
        (.bytes([]), "40"), (.bytes([1, 2, 3, 4]), "4401020304"),
        (.text(""), "60"), (.text("a"), "6161"), (.text("IETF"), "6449455446"), (.text("\"\\"), "62225c"),
        (.text("\u{00fc}"), "62c3bc"), (.text("\u{6c34}"), "63e6b0b4"), (.text("\u{10151}"), "64f0908591"),
        (.array([]), "80"), (.array([.unsigned(1), .unsigned(2), .unsigned(3)]), "83010203"),
        (
            .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])]),
            "8301820203820405"
        ),
        (
            .array((1...25).map { .unsigned(UInt64($0)) }),
            "98190102030405060708090a0b0c0d0e0f101112131415161718181819"
        ),
        (.map([:]), "a0"), (.map([.unsigned(1): .unsigned(2), .unsigned(3): .unsigned(4)]), "a201020304"),
        (.map([.text("a"): .unsigned(1), .text("b"): .array([.unsigned(2), .unsigned(3)])]), "a26161016162820203"),
        (.array([.text("a"), .map([.text("b"): .text("c")])]), "826161a161626163"),
        (
            .map(
                Dictionary(
                    uniqueKeysWithValues: ["a", "b", "c", "d", "e"].map { (CBORValue.text($0), .text($0.uppercased())) }
                )
            ),
            "a56161614161626142616361436164614461656145"
        ),
    ]

    @Test("each example encodes to the RFC's bytes and decodes back", arguments: examples)
    func example(value: CBORValue, encoding: String) throws {
        // Act
        let encoded = value.encoded()
        let decoded = try CBORValue(decoding: hex(encoding))

        // Verify
        #expect(hexString(encoded) == encoding)
        #expect(decoded == value)
    }

    @Test("map keys are sorted by their encoded bytes (RFC 8949 §4.2.1 example order)")
    func deterministicKeyOrder() {
        // Setup: the §4.2.1 keys, listed here out of order
        let keys: [CBORValue] = [
            .bool(false), .text("aa"), .integer(-1), .array([.integer(-1)]), .unsigned(100), .text("z"),
            .array([.unsigned(100)]), .unsigned(10),
        ]
        let value = CBORValue.map(Dictionary(uniqueKeysWithValues: keys.map { ($0, CBORValue.null) }))

        // Act
        let encoded = hexString(value.encoded())

        // Verify: 10, 100, -1, "z", "aa", [100], [-1], false
        #expect(encoded == "a8" + "0af6" + "1864f6" + "20f6" + "617af6" + "626161f6" + "811864f6" + "8120f6" + "f4f6")
    }

    @Test("integers take the shortest head, including the SM2 private-use algorithm value")
    func integers() {
        #expect(hexString(CBORValue.integer(-7).encoded()) == "26")
        #expect(hexString(CBORValue.integer(-65537).encoded()) == "3a00010000")
        #expect(hexString(CBORValue.integer(Int64.min).encoded()) == "3b7fffffffffffffff")
        #expect(hexString(CBORValue.integer(65535).encoded()) == "19ffff")
        #expect(hexString(CBORValue.integer(65536).encoded()) == "1a00010000")
        #expect(CBORValue.integer(-65537).integerValue == -65537)
        #expect(CBORValue.integer(Int64.min).integerValue == Int64.min)
        #expect(CBORValue.negative(UInt64(Int64.max) + 1).integerValue == nil)
    }
}
