/// Constant-time scalar multiplication on the SM2 curve.
///
/// Both routines use 4-bit fixed windows: every window does the same work, and the table entry is picked by
/// reading all entries and keeping one through a mask, so neither branches nor memory addresses depend on
/// the secret scalar. The scalar must be below n, which rules out the P = ±Q cases of the addition formulas
/// (the running sum is always a smaller multiple than the entry being added).
enum ScalarMultiplication {
    /// All ones when a == b, else zero, without a comparison instruction.
    @inline(__always)
    static func equalMask(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let difference = a ^ b
        return ((difference | (0 &- difference)) >> 63) &- 1
    }

    /// For window i (0…63) and digit d (1…15), entry 15·i + d − 1 is d·16^i·G, in affine form.
    static let baseTable: [AffinePoint] = {
        var table = [AffinePoint]()
        table.reserveCapacity(64 * 15)
        var windowBase = JacobianPoint(AffinePoint.generator)
        for _ in 0..<64 {
            var multiple = windowBase
            for digit in 1...15 {
                table.append(multiple.affine!)
                multiple = digit == 1 ? windowBase.doubled() : multiple.adding(windowBase)
            }
            windowBase = multiple
        }
        return table
    }()

    /// k·G for a secret k in [0, n): 64 mixed additions from the precomputed table, no doublings.
    static func base(_ k: U256) -> JacobianPoint {
        baseTable.withUnsafeBufferPointer { table in
            var accumulator = JacobianPoint.infinity
            var accumulatorIsInfinity: UInt64 = ~0
            for window in 0..<64 {
                let digit = k.nibble(window)
                var entry = AffinePoint(x: .zero, y: .zero)
                for index in 0..<15 {
                    let mask = equalMask(UInt64(index + 1), digit)
                    let candidate = table[window * 15 + index]
                    entry.x = U256.select(mask, candidate.x, entry.x)
                    entry.y = U256.select(mask, candidate.y, entry.y)
                }
                let digitIsZero = equalMask(digit, 0)
                let sum = accumulator.adding(entry)
                let next = JacobianPoint.select(accumulatorIsInfinity, JacobianPoint(entry), sum)
                accumulator = JacobianPoint.select(digitIsZero, accumulator, next)
                accumulatorIsInfinity &= digitIsZero
            }
            return JacobianPoint.select(accumulatorIsInfinity, .infinity, accumulator)
        }
    }

    /// k·P for a secret k in [0, n) and a validated point P: four doublings and one addition per window.
    static func variable(_ point: AffinePoint, _ k: U256) -> JacobianPoint {
        let single = JacobianPoint(point)
        var table = [single, single.doubled()]
        table.reserveCapacity(15)
        for _ in 3...15 {
            table.append(table[table.count - 1].adding(single))
        }
        return table.withUnsafeBufferPointer { table in
            var accumulator = JacobianPoint.infinity
            var accumulatorIsInfinity: UInt64 = ~0
            for window in stride(from: 63, through: 0, by: -1) {
                accumulator = accumulator.doubled().doubled().doubled().doubled()
                let digit = k.nibble(window)
                var entry = JacobianPoint(x: .zero, y: .zero, z: .zero)
                for index in 0..<15 {
                    entry = JacobianPoint.select(equalMask(UInt64(index + 1), digit), table[index], entry)
                }
                let digitIsZero = equalMask(digit, 0)
                let sum = accumulator.adding(entry)
                let next = JacobianPoint.select(accumulatorIsInfinity, entry, sum)
                accumulator = JacobianPoint.select(digitIsZero, accumulator, next)
                accumulatorIsInfinity &= digitIsZero
            }
            return JacobianPoint.select(accumulatorIsInfinity, .infinity, accumulator)
        }
    }
}
