/// A symbol being laid out: function patterns drawn once per version, then data and format
/// information written for each mask tried (ISO/IEC 18004 §6.3, §7.7–7.10).
struct QRMatrix {
    /// Modules along one side.
    let size: Int
    /// Colours row by row, `true` dark.
    private(set) var dark: [Bool]
    /// Modules that belong to a function pattern or to format or version information.
    private var reserved: [Bool]

    /// The function patterns of `version`, with the format areas reserved and version information drawn.
    init(version: Int) {
        size = 17 + 4 * version
        dark = [Bool](repeating: false, count: size * size)
        reserved = dark
        for (row, column) in [(0, 0), (size - 7, 0), (0, size - 7)] { drawFinder(row, column) }
        let centres = QRCodeTables.alignment[version - 1]
        for row in centres {
            for column in centres where !reserved[row * size + column] { drawAlignment(row, column) }
        }
        for index in 8..<(size - 8) {
            set(index, 6, index % 2 == 0)
            set(6, index, index % 2 == 0)
        }
        for index in 0...8 {
            reserved[index * size + 8] = true
            reserved[8 * size + index] = true
        }
        for index in 0..<8 {
            reserved[(size - 1 - index) * size + 8] = true
            reserved[8 * size + size - 1 - index] = true
        }
        set(size - 8, 8, true)
        if version >= 7 { drawVersion(version) }
    }

    /// The modules as rows.
    var rows: [[Bool]] { (0..<size).map { Array(dark[$0 * size..<($0 + 1) * size]) } }

    /// A copy with `codewords` placed under `mask` and the format information for `level` and `mask`.
    func filled(with codewords: [UInt8], level: QRErrorCorrection, mask: Int) -> QRMatrix {
        var copy = self
        copy.place(codewords, mask: mask)
        copy.drawFormat(level: level, mask: mask)
        return copy
    }

    /// The free modules, which must equal eight times the version's total codewords plus its remainder bits.
    var dataModules: Int { reserved.filter { !$0 }.count }

    private mutating func set(_ row: Int, _ column: Int, _ value: Bool) {
        dark[row * size + column] = value
        reserved[row * size + column] = true
    }

    /// A finder with its light separator, clipped at the symbol's edge.
    private mutating func drawFinder(_ top: Int, _ left: Int) {
        for r in -1...7 {
            for c in -1...7 {
                let row = top + r
                let column = left + c
                guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                let ring = (0...6).contains(r) && (c == 0 || c == 6) || (0...6).contains(c) && (r == 0 || r == 6)
                set(row, column, ring || ((2...4).contains(r) && (2...4).contains(c)))
            }
        }
    }

    private mutating func drawAlignment(_ row: Int, _ column: Int) {
        for r in -2...2 {
            for c in -2...2 { set(row + r, column + c, abs(r) == 2 || abs(c) == 2 || (r == 0 && c == 0)) }
        }
    }

    /// Level and mask, BCH(15,5)-protected and XORed with 101010000010010, in both copies.
    private mutating func drawFormat(level: QRErrorCorrection, mask: Int) {
        let data = level.formatBits << 3 | mask
        var remainder = data << 10
        for shift in stride(from: 4, through: 0, by: -1) where remainder & (1 << (shift + 10)) != 0 {
            remainder ^= 0x537 << shift
        }
        let bits = ((data << 10) | remainder) ^ 0x5412
        for index in 0..<15 {
            let bit = (bits >> index) & 1 == 1
            let verticalRow = index < 6 ? index : index < 8 ? index + 1 : size - 15 + index
            set(verticalRow, 8, bit)
            let horizontalColumn = index < 8 ? size - index - 1 : index < 9 ? 15 - index : 14 - index
            set(8, horizontalColumn, bit)
        }
    }

    /// The version number, BCH(18,6)-protected, in the two 6×3 blocks beside the finders.
    private mutating func drawVersion(_ version: Int) {
        var remainder = version << 12
        for shift in stride(from: 5, through: 0, by: -1) where remainder & (1 << (shift + 12)) != 0 {
            remainder ^= 0x1F25 << shift
        }
        let bits = (version << 12) | remainder
        for index in 0..<18 {
            let bit = (bits >> index) & 1 == 1
            set(index / 3, index % 3 + size - 11, bit)
            set(index % 3 + size - 11, index / 3, bit)
        }
    }

    /// Fills the free modules two columns at a time, upwards and downwards in turn, from the right;
    /// modules left over after the last codeword (the remainder bits) stay light before masking.
    private mutating func place(_ codewords: [UInt8], mask: Int) {
        var bit = 0
        var upward = true
        var right = size - 1
        while right > 0 {
            if right == 6 { right -= 1 }
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in stride(from: right, through: right - 1, by: -1) where !reserved[row * size + column] {
                    let byte = bit / 8
                    var value = byte < codewords.count && (codewords[byte] >> (7 - bit % 8)) & 1 == 1
                    if Self.masked(mask, row, column) { value.toggle() }
                    dark[row * size + column] = value
                    bit += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

    /// Whether mask pattern `mask` inverts the module at row `i`, column `j` (table 10).
    static func masked(_ mask: Int, _ i: Int, _ j: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i * j) % 3 + (i + j) % 2) % 2 == 0
        }
    }
}
