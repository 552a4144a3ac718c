import Testing

@testable import Kernel

@Suite("QR code geometry and SVG")
struct QRCodeGeometryTests {
    /// Remainder bits by version, from ISO/IEC 18004 table 1: free modules that hold no codeword.
    static func remainderBits(_ version: Int) -> Int {
        switch version {
        case 1: 0
        case 2...6: 7
        case 7...13: 0
        case 14...20: 3
        case 21...27: 4
        case 28...34: 3
        default: 0
        }
    }

    /// Total codewords by version, from ISO/IEC 18004 table 1 (a few rows).
    static let totalCodewords: [Int: Int] = [1: 26, 7: 196, 14: 581, 21: 1156, 27: 1828, 33: 2611, 40: 3706]

    @Test("every level's blocks fill exactly the modules the function patterns leave free", arguments: 1...40)
    func blocksFillTheSymbol(version: Int) {
        let free = QRMatrix(version: version).dataModules

        for level in QRErrorCorrection.allCases {
            let layout = QRCodeTables.layout(version, level)
            #expect(8 * layout.totalCodewords + Self.remainderBits(version) == free)
            if let total = Self.totalCodewords[version] { #expect(layout.totalCodewords == total) }
        }
    }

    @Test("alignment patterns are evenly spaced from the last one inwards and end at the far timing edge")
    func alignmentPositions() {
        for version in 2...40 {
            let centres = QRCodeTables.alignment[version - 1]

            #expect(centres.first == 6)
            #expect(centres.last == 4 * version + 10)
            #expect(centres.count == version / 7 + 2)
            let steps = Set(zip(centres.dropFirst(2), centres.dropFirst()).map { $0 - $1 })
            #expect(steps.count <= 1)
            #expect(steps.allSatisfy { $0 % 2 == 0 })
        }
    }

    @Test("the SVG draws exactly the dark modules inside a four-module quiet zone, and names itself")
    func svg() throws {
        let code = try QRCode(text: "ZT1:" + String(repeating: "A1 ", count: 300), level: .high)

        let image = code.svg(label: "证照二维码 <\"A&B\">")

        let side = code.size + 8
        #expect(image.contains(#"viewBox="0 0 \#(side) \#(side)""#))
        #expect(image.contains(#"aria-label="证照二维码 &lt;&quot;A&amp;B&quot;>""#))
        let path = try #require(image.split(separator: #"d=""#).last?.split(separator: "\"").first)
        var drawn = [[Bool]](repeating: [Bool](repeating: false, count: side), count: side)
        for rectangle in path.split(separator: "z") {
            // "M{x} {y}h{width}v1h-{width}": one run of dark modules
            let parts = rectangle.dropFirst().split(separator: "h")
            let corner = try #require(parts.first?.split(separator: " ").compactMap { Int($0) })
            let width = try #require(parts.dropFirst().first?.split(separator: "v").first.flatMap { Int($0) })
            try #require(corner.count == 2 && parts.count == 3 && parts[2] == "-\(width)")
            for column in corner[0]..<(corner[0] + width) { drawn[corner[1]][column] = true }
        }
        let expected = (0..<side).map { row in
            (0..<side).map { column in
                (4..<(side - 4)).contains(row) && (4..<(side - 4)).contains(column) && code.modules[row - 4][column - 4]
            }
        }
        #expect(drawn == expected)
    }
}
