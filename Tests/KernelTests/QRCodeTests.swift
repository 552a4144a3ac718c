import Foundation
import Kernel
import Testing

@Suite("QR codes")
struct QRCodeTests {
    /// The modules as the fixtures write them: row by row, dark = 1, packed and in Base64.
    static func packed(_ code: QRCode) -> String {
        let bits = code.modules.joined()
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, dark) in bits.enumerated() where dark { bytes[index / 8] |= 0x80 >> (index % 8) }
        return Data(bytes).base64EncodedString()
    }

    @Test("module for module what an independent encoder draws", arguments: QRCodeFixtures.cases)
    func matchesIndependentEncoder(fixture: QRCodeFixtures.Case) throws {
        let code =
            fixture.viaBytes
            ? try QRCode(
                bytes: Array(fixture.text.utf8), level: fixture.level, version: fixture.version, mask: fixture.mask)
            : try QRCode(text: fixture.text, level: fixture.level, version: fixture.version, mask: fixture.mask)

        #expect(code.size == 17 + 4 * fixture.version)
        #expect(code.level == fixture.level)
        #expect(Self.packed(code) == fixture.matrix)
    }

    @Test(
        "the smallest version is the one the independent encoders chose",
        arguments: QRCodeFixtures.cases.filter { !$0.pinned })
    func chosenVersion(fixture: QRCodeFixtures.Case) throws {
        let code = try QRCode(text: fixture.text, level: fixture.level)

        #expect(code.version == fixture.version)
    }

    @Test("a version's capacity fits it and one character more needs the next", arguments: QRCodeFixtures.capacities)
    func capacity(row: QRCodeFixtures.Capacity) throws {
        for (character, count) in [("A", row.alphanumeric), ("a", row.bytes)] {
            let full = String(repeating: character, count: count)
            let over = full + character

            let fitting = try QRCode(text: full, level: row.level)

            #expect(fitting.version == row.version)
            if row.version < 40 {
                #expect(try QRCode(text: over, level: row.level).version == row.version + 1)
            } else {
                #expect(throws: QRCodeError.tooLong(count + 1)) { try QRCode(text: over, level: row.level) }
            }
        }
    }

    @Test("alphanumeric text takes fewer modules than the same bytes, and level M is the default")
    func modeAndDefaultLevel() throws {
        let text = String(repeating: "A", count: 20)

        let asText = try QRCode(text: text)
        let asBytes = try QRCode(bytes: Array(text.utf8))

        #expect(asText.version == 1)
        #expect(asBytes.version == 2)
        #expect(asText.level == .medium)
        #expect(try QRCode(text: "a" + text.dropFirst()).version == 2)
    }

    @Test("input no symbol holds, and bad numbers, are typed errors")
    func errors() throws {
        #expect(throws: QRCodeError.tooLong(3392)) { try QRCode(text: String(repeating: "A", count: 3392)) }
        #expect(throws: QRCodeError.tooLong(2954)) {
            try QRCode(bytes: Array(repeating: 0x61, count: 2954), level: .low)
        }
        #expect(throws: QRCodeError.tooLong(1853)) {
            try QRCode(text: "ZT1:" + String(repeating: "0", count: 1849), level: .high)
        }
        #expect(throws: QRCodeError.tooLong(3_000_000)) {
            try QRCode(text: String(repeating: "政", count: 1_000_000), level: .low)
        }
        #expect(throws: QRCodeError.tooLong(20)) { try QRCode(bytes: Array(repeating: 0x41, count: 20), version: 1) }
        #expect(throws: QRCodeError.badVersion(41)) { try QRCode(text: "A", version: 41) }
        #expect(throws: QRCodeError.badVersion(0)) { try QRCode(bytes: [0x41], version: 0) }
        #expect(throws: QRCodeError.badMask(8)) { try QRCode(bytes: [0x41], mask: 8) }
        #expect(QRCodeError.tooLong(3392).description.contains("3392 字节"))
    }

    @Test("the chosen mask is one of the eight, at the level asked for")
    func maskChoice() throws {
        let text = "https://zt.example/login/scan/abc"

        let automatic = try QRCode(text: text, level: .quartile)
        let all = try (0...7).map { try QRCode(text: text, level: .quartile, mask: $0) }

        #expect(all.contains(automatic))
        #expect(Set(all.map(\.modules)).count == 8)
    }
}
