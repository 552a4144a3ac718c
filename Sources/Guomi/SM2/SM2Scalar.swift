/// Arithmetic modulo the SM2 group order n (private keys, nonces and signature values).
enum SM2Scalar {
    static var n: U256 {
        U256(w0: 0x53bb_f409_39d5_4123, w1: 0x7203_df6b_21c6_052b, w2: 0xffff_ffff_ffff_ffff, w3: 0xffff_fffe_ffff_ffff)
    }
    static var nInv: UInt64 { 0x327f_9e88_7235_0975 }
    /// R mod n, the Montgomery form of 1.
    static var one: U256 {
        U256(w0: 0xac44_0bf6_c62a_bedd, w1: 0x8dfc_2094_de39_fad4, w2: 0, w3: 0x0000_0001_0000_0000)
    }
    static var r2: U256 {
        U256(w0: 0x9011_92af_7c11_4f20, w1: 0x3464_504a_de6f_a2fa, w2: 0x620f_c84c_3aff_e0d4, w3: 0x1eb5_e412_a22b_3d3b)
    }

    /// a·b·R⁻¹ mod n: with one operand in Montgomery form the result is the plain product.
    @inline(__always)
    static func montgomeryMul(_ a: U256, _ b: U256) -> U256 { Montgomery.multiply(a, b, n, nInv) }

    static func add(_ a: U256, _ b: U256) -> U256 { Montgomery.add(a, b, n) }

    static func sub(_ a: U256, _ b: U256) -> U256 { Montgomery.subtract(a, b, n) }

    static func toMontgomery(_ a: U256) -> U256 { montgomeryMul(a, r2) }

    /// Reduces any 256-bit value mod n; one conditional subtraction suffices because 2^256 < 2n.
    static func reduce(_ a: U256) -> U256 { Montgomery.reduceOnce(a, carry: 0, n) }

    /// a⁻¹ mod n in Montgomery form for a plain a ≠ 0 (Fermat; the exponent n − 2 is public).
    static func invertToMontgomery(_ a: U256) -> U256 {
        Montgomery.power(toMontgomery(a), n.subtracting(U256(w0: 2, w1: 0, w2: 0, w3: 0)).0, one: one, n, nInv)
    }

    /// A uniformly random scalar in [1, n − 1] from the OS CSPRNG, by rejection sampling.
    static func random() -> U256 {
        while true {
            let candidate = U256(bigEndian: SecureRandom.bytes(count: 32))
            if candidate.isZeroMask == 0 && candidate.isLess(than: n) {
                return candidate
            }
        }
    }
}
