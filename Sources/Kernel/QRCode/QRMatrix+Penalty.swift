extension QRMatrix {
    /// The four penalty rules of ISO/IEC 18004 §7.8.3; the mask of the lowest score is used.
    var penalty: Int {
        var score = 0
        var line = [Bool](repeating: false, count: size)
        for across in [true, false] {
            for index in 0..<size {
                for position in 0..<size {
                    line[position] = dark[across ? index * size + position : position * size + index]
                }
                score += Self.runPenalty(line) + Self.finderLikePenalty(line)
            }
        }
        for row in 0..<(size - 1) {
            for column in 0..<(size - 1) {
                let colour = dark[row * size + column]
                if dark[row * size + column + 1] == colour && dark[(row + 1) * size + column] == colour
                    && dark[(row + 1) * size + column + 1] == colour
                {
                    score += 3
                }
            }
        }
        let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
        score += abs(darkCount * 100 / (size * size) - 50) / 5 * 10
        return score
    }

    /// Rule 1: every run of five or more modules of one colour costs its length less two.
    private static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var run = 1
        for index in 1..<line.count {
            if line[index] == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += run - 2 }
                run = 1
            }
        }
        if run >= 5 { score += run - 2 }
        return score
    }

    /// Rule 3: dark–light–dark×3–light–dark with four light modules on either side costs 40.
    /// The last eleven modules are kept as the low bits of an integer, oldest highest.
    private static func finderLikePenalty(_ line: [Bool]) -> Int {
        let lightAfter = 0b101_1101_0000
        let lightBefore = 0b000_0101_1101
        var score = 0
        var window = 0
        for index in 0..<line.count {
            window = (window << 1 | (line[index] ? 1 : 0)) & 0x7FF
            if index >= 10 && (window == lightAfter || window == lightBefore) { score += 40 }
        }
        return score
    }
}
