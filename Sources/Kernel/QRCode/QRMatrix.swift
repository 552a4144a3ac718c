/// Lays out function patterns, format and version information and the masked codewords.
enum QRMatrix {
    static func build(version: Int, mask: Int, codewords: [UInt8]) -> [[Bool]] {
        let size = 17 + 4 * version
        var grid = [[Bool?]](repeating: [Bool?](repeating: nil, count: size), count: size)
        for (row, column) in [(0, 0), (size - 7, 0), (0, size - 7)] { finder(&grid, row, column) }
        let centres = QRCodeTables.alignment[version - 1]
        for row in centres {
            for column in centres where grid[row][column] == nil { alignment(&grid, row, column) }
        }
        for index in 8..<(size - 8) {
            if grid[index][6] == nil { grid[index][6] = index % 2 == 0 }
            if grid[6][index] == nil { grid[6][index] = index % 2 == 0 }
        }
        format(&grid, mask: mask)
        if version >= 7 { versionInformation(&grid, version: version) }
        place(&grid, codewords: codewords, mask: mask)
        return grid.map { $0.map { $0 ?? false } }
    }

    private static func finder(_ grid: inout [[Bool?]], _ top: Int, _ left: Int) {
        let size = grid.count
        for r in -1...7 {
            for c in -1...7 {
                let row = top + r
                let column = left + c
                guard (0..<size).contains(row), (0..<size).contains(column) else { continue }
                let ring = (0...6).contains(r) && (c == 0 || c == 6) || (0...6).contains(c) && (r == 0 || r == 6)
                grid[row][column] = ring || ((2...4).contains(r) && (2...4).contains(c))
            }
        }
    }

    private static func alignment(_ grid: inout [[Bool?]], _ row: Int, _ column: Int) {
        for r in -2...2 {
            for c in -2...2 { grid[row + r][column + c] = abs(r) == 2 || abs(c) == 2 || (r == 0 && c == 0) }
        }
    }

    /// Level M (indicator 00) and the mask, BCH(15,5)-protected and XORed with 101010000010010.
    private static func format(_ grid: inout [[Bool?]], mask: Int) {
        let size = grid.count
        let data = mask
        var remainder = data << 10
        for shift in stride(from: 4, through: 0, by: -1) where remainder & (1 << (shift + 10)) != 0 {
            remainder ^= 0x537 << shift
        }
        let bits = ((data << 10) | remainder) ^ 0x5412
        for index in 0..<15 {
            let dark = (bits >> index) & 1 == 1
            let verticalRow = index < 6 ? index : index < 8 ? index + 1 : size - 15 + index
            grid[verticalRow][8] = dark
            let horizontalColumn = index < 8 ? size - index - 1 : index < 9 ? 15 - index : 14 - index
            grid[8][horizontalColumn] = dark
        }
        grid[size - 8][8] = true
    }

    /// The version number, BCH(18,6)-protected, in the two 6×3 blocks beside the finders.
    private static func versionInformation(_ grid: inout [[Bool?]], version: Int) {
        let size = grid.count
        var remainder = version << 12
        for shift in stride(from: 5, through: 0, by: -1) where remainder & (1 << (shift + 12)) != 0 {
            remainder ^= 0x1F25 << shift
        }
        let bits = (version << 12) | remainder
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            grid[index / 3][index % 3 + size - 11] = dark
            grid[index % 3 + size - 11][index / 3] = dark
        }
    }

    /// Fills the free modules two columns at a time, upwards and downwards in turn, from the right.
    private static func place(_ grid: inout [[Bool?]], codewords: [UInt8], mask: Int) {
        let size = grid.count
        var bit = 0
        var upward = true
        var right = size - 1
        while right > 0 {
            if right == 6 { right -= 1 }
            for step in 0..<size {
                let row = upward ? size - 1 - step : step
                for column in [right, right - 1] where grid[row][column] == nil {
                    let byte = bit / 8
                    var dark = byte < codewords.count && (codewords[byte] >> (7 - bit % 8)) & 1 == 1
                    if masked(mask, row, column) { dark.toggle() }
                    grid[row][column] = dark
                    bit += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

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

    /// The four penalty rules of ISO/IEC 18004 §7.8.3, lower is better.
    static func penalty(_ modules: [[Bool]]) -> Int {
        let size = modules.count
        var score = 0
        let columns = (0..<size).map { column in modules.map { $0[column] } }
        for line in modules + columns {
            var run = 1
            for index in 1..<size {
                if line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            let finderLike: [Bool] = [true, false, true, true, true, false, true]
            for start in 0...(size - 11) {
                let window = Array(line[start..<start + 11])
                if Array(window[0..<7]) == finderLike && window[7...].allSatisfy({ !$0 }) { score += 40 }
                if window[0..<4].allSatisfy({ !$0 }) && Array(window[4...]) == finderLike { score += 40 }
            }
        }
        for row in 0..<(size - 1) {
            for column in 0..<(size - 1) {
                let colour = modules[row][column]
                if modules[row][column + 1] == colour && modules[row + 1][column] == colour
                    && modules[row + 1][column + 1] == colour
                {
                    score += 3
                }
            }
        }
        let dark = modules.joined().filter { $0 }.count
        score += abs(dark * 100 / (size * size) - 50) / 5 * 10
        return score
    }
}
