/// Montgomery arithmetic (R = 2^256) modulo an odd 256-bit modulus, written without data-dependent branches.
///
/// The modulus and −m⁻¹ mod 2^64 are passed as arguments so the SM2 field and the group order share one
/// implementation; callers pass literals so the optimiser folds them.
enum Montgomery {
    /// a·b·R⁻¹ mod m for a, b < m (CIOS method; the running value stays below 2m).
    @inline(__always)
    static func multiply(_ a: U256, _ b: U256, _ m: U256, _ mInv: UInt64) -> U256 {
        var t = Accumulator()
        step(&t, a, b.w0, m, mInv)
        step(&t, a, b.w1, m, mInv)
        step(&t, a, b.w2, m, mInv)
        step(&t, a, b.w3, m, mInv)
        return reduceOnce(U256(w0: t.t0, w1: t.t1, w2: t.t2, w3: t.t3), carry: t.t4, m)
    }

    /// The five-word running value of the CIOS loop.
    struct Accumulator {
        var t0: UInt64 = 0
        var t1: UInt64 = 0
        var t2: UInt64 = 0
        var t3: UInt64 = 0
        var t4: UInt64 = 0
    }

    /// One outer iteration: t = (t + a·bi + q·m) / 2^64 with q chosen to clear the low word.
    @inline(__always)
    static func step(_ t: inout Accumulator, _ a: U256, _ bi: UInt64, _ m: U256, _ mInv: UInt64) {
        var carry: UInt64 = 0
        let s0 = Limb.mulAdd(t.t0, a.w0, bi, &carry)
        let s1 = Limb.mulAdd(t.t1, a.w1, bi, &carry)
        let s2 = Limb.mulAdd(t.t2, a.w2, bi, &carry)
        let s3 = Limb.mulAdd(t.t3, a.w3, bi, &carry)
        var top: UInt64 = 0
        let s4 = Limb.add(t.t4, carry, &top)
        let q = s0 &* mInv
        carry = 0
        _ = Limb.mulAdd(s0, q, m.w0, &carry)
        t.t0 = Limb.mulAdd(s1, q, m.w1, &carry)
        t.t1 = Limb.mulAdd(s2, q, m.w2, &carry)
        t.t2 = Limb.mulAdd(s3, q, m.w3, &carry)
        var top2: UInt64 = 0
        t.t3 = Limb.add(s4, carry, &top2)
        t.t4 = top &+ top2
    }

    /// Maps a value below 2m (with a possible 257th bit in `carry`) into [0, m).
    @inline(__always)
    static func reduceOnce(_ t: U256, carry: UInt64, _ m: U256) -> U256 {
        let (difference, borrow) = t.subtracting(m)
        let useDifference = carry | (borrow ^ 1)
        return U256.select(0 &- useDifference, difference, t)
    }

    /// (a + b) mod m for a, b < m.
    @inline(__always)
    static func add(_ a: U256, _ b: U256, _ m: U256) -> U256 {
        let (sum, carry) = a.adding(b)
        return reduceOnce(sum, carry: carry, m)
    }

    /// (a − b) mod m for a, b < m.
    @inline(__always)
    static func subtract(_ a: U256, _ b: U256, _ m: U256) -> U256 {
        let (difference, borrow) = a.subtracting(b)
        let mask = 0 &- borrow
        let correction = U256(w0: m.w0 & mask, w1: m.w1 & mask, w2: m.w2 & mask, w3: m.w3 & mask)
        return difference.adding(correction).0
    }

    /// a^e in the Montgomery domain, where `one` is R mod m; branches only on the public exponent.
    static func power(_ a: U256, _ exponent: U256, one: U256, _ m: U256, _ mInv: UInt64) -> U256 {
        var result = one
        for i in stride(from: 255, through: 0, by: -1) {
            result = multiply(result, result, m, mInv)
            if exponent.bit(i) {
                result = multiply(result, a, m, mInv)
            }
        }
        return result
    }
}
