import Kernel
import Testing

@Suite("QR codes")
struct QRCodeTests {
    /// The modules as the fixtures write them: a hexadecimal string per row.
    static func hexRows(_ code: QRCode) -> [String] {
        code.modules.map { row in
            let padded = row + [Bool](repeating: false, count: (4 - row.count % 4) % 4)
            return stride(from: 0, to: padded.count, by: 4).map { start in
                let nibble = padded[start..<start + 4].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
                return String(nibble, radix: 16)
            }.joined()
        }
    }

    @Test("module for module what an independent encoder draws", arguments: 0..<QRCodeFixtures.cases.count)
    func matchesIndependentEncoder(index: Int) throws {
        let fixture = QRCodeFixtures.cases[index]

        let code = try QRCode(bytes: Array(fixture.text.utf8), version: fixture.version, mask: fixture.mask)

        #expect(code.size == 17 + 4 * fixture.version)
        #expect(Self.hexRows(code) == fixture.rows)
    }

    @Test("the smallest version that holds the bytes is chosen, up to 213 bytes")
    func versionChoice() throws {
        #expect(try QRCode(text: "A").version == 1)
        #expect(try QRCode(bytes: Array(repeating: 0x41, count: 14)).version == 1)
        #expect(try QRCode(bytes: Array(repeating: 0x41, count: 15)).version == 2)
        #expect(try QRCode(bytes: Array(repeating: 0x41, count: 213)).version == 10)
        #expect(throws: QRCodeError.tooLong(214)) { try QRCode(bytes: Array(repeating: 0x41, count: 214)) }
        #expect(throws: QRCodeError.tooLong(20)) { try QRCode(bytes: Array(repeating: 0x41, count: 20), version: 1) }
        #expect(throws: QRCodeError.badMask(8)) { try QRCode(bytes: [0x41], mask: 8) }
    }

    @Test("the chosen mask is the one of least penalty among the eight")
    func maskChoice() throws {
        let text = "https://zt.example/login/scan/abc"
        let automatic = try QRCode(text: text)
        let all = try (0...7).map { try QRCode(bytes: Array(text.utf8), mask: $0) }
        #expect(all.contains(automatic))
    }

    @Test("the SVG has a quiet zone, an accessible name and one square per dark module")
    func svg() throws {
        let code = try QRCode(text: "A")
        let image = code.svg(label: "扫码登录 <二维码>")
        #expect(image.contains(#"viewBox="0 0 29 29""#))
        #expect(image.contains(#"aria-label="扫码登录 &lt;二维码>""#))
        #expect(image.components(separatedBy: "h1v1h-1z").count - 1 == code.modules.joined().filter { $0 }.count)
    }
}
