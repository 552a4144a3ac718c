/// Arithmetic modulo the SM2 prime p = 2^256 − 2^224 − 2^96 + 2^64 − 1, on values in Montgomery form.
enum SM2Field {
    static var p: U256 {
        U256(w0: 0xffff_ffff_ffff_ffff, w1: 0xffff_ffff_0000_0000, w2: 0xffff_ffff_ffff_ffff, w3: 0xffff_fffe_ffff_ffff)
    }
    // p ≡ −1 (mod 2^64), so −p⁻¹ mod 2^64 is 1 and the Montgomery quotient is just the low word.
    static var pInv: UInt64 { 1 }
    /// R mod p, the Montgomery form of 1.
    static var one: U256 {
        U256(w0: 0x0000_0000_0000_0001, w1: 0x0000_0000_ffff_ffff, w2: 0, w3: 0x0000_0001_0000_0000)
    }
    static var r2: U256 {
        U256(w0: 0x0000_0002_0000_0003, w1: 0x0000_0002_ffff_ffff, w2: 0x0000_0001_0000_0001, w3: 0x0000_0004_0000_0002)
    }
    /// The curve coefficient b in Montgomery form.
    static var bMont: U256 {
        U256(w0: 0x90d2_3063_2bc0_dd42, w1: 0x71cf_379a_e9b5_37ab, w2: 0x5279_8150_5ea5_1c3c, w3: 0x240f_e188_ba20_e2c8)
    }

    @inline(__always)
    static func mul(_ a: U256, _ b: U256) -> U256 { Montgomery.multiply(a, b, p, pInv) }

    @inline(__always)
    static func sqr(_ a: U256) -> U256 { Montgomery.multiply(a, a, p, pInv) }

    @inline(__always)
    static func add(_ a: U256, _ b: U256) -> U256 { Montgomery.add(a, b, p) }

    @inline(__always)
    static func sub(_ a: U256, _ b: U256) -> U256 { Montgomery.subtract(a, b, p) }

    static func toMontgomery(_ a: U256) -> U256 { mul(a, r2) }

    static func fromMontgomery(_ a: U256) -> U256 { mul(a, U256(w0: 1, w1: 0, w2: 0, w3: 0)) }

    /// a⁻¹ by Fermat (a^(p−2)); the exponent is public so the square-and-multiply pattern leaks nothing.
    static func invert(_ a: U256) -> U256 {
        Montgomery.power(a, p.subtracting(U256(w0: 2, w1: 0, w2: 0, w3: 0)).0, one: one, p, pInv)
    }

    /// Parses 32 big-endian bytes into Montgomery form; nil if the value is not below p.
    static func element(_ bytes: some Collection<UInt8>) -> U256? {
        let value = U256(bigEndian: bytes)
        guard value.isLess(than: p) else { return nil }
        return toMontgomery(value)
    }

    /// The 32 big-endian bytes of a Montgomery-form element.
    static func bytes(_ a: U256) -> [UInt8] { fromMontgomery(a).bigEndianBytes }
}
