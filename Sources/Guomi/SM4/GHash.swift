/// The GHASH universal hash of GCM (NIST SP 800-38D), with constant-time carry-less multiplication.
///
/// Blocks are held as two big-endian 64-bit words, which is the bit-reflected form of the field element;
/// products are computed with integer multiplies on "holey" operands so no table is indexed by secret data.
struct GHash {
    let h1: UInt64
    let h0: UInt64
    var y1: UInt64 = 0
    var y0: UInt64 = 0

    init(h1: UInt64, h0: UInt64) {
        self.h1 = h1
        self.h0 = h0
    }

    /// Absorbs `bytes`, zero-padding a final partial block as GCM does for AAD and ciphertext.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            var x1: UInt64 = 0
            var x0: UInt64 = 0
            if bytes.count - offset >= 16 {
                x1 = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                x0 = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            } else {
                for index in offset..<bytes.count {
                    let position = index - offset
                    if position < 8 {
                        x1 |= UInt64(bytes[index]) << UInt64(56 - 8 * position)
                    } else {
                        x0 |= UInt64(bytes[index]) << UInt64(56 - 8 * (position - 8))
                    }
                }
            }
            absorb(x1, x0)
            offset += 16
        }
    }

    /// Absorbs one block given as two big-endian words.
    @inline(__always)
    mutating func absorb(_ x1: UInt64, _ x0: UInt64) {
        (y1, y0) = GHash.multiply(y1 ^ x1, y0 ^ x0, h1, h0)
    }

    /// 32×32→64 carry-less product: operands are split into four interleaved bit classes so integer
    /// carries land in the unused bits between them and are masked away.
    @inline(__always)
    static func clmul32(_ x: UInt32, _ y: UInt32) -> UInt64 {
        let xa = UInt64(x) & 0x1111_1111
        let xb = UInt64(x) & 0x2222_2222
        let xc = UInt64(x) & 0x4444_4444
        let xd = UInt64(x) & 0x8888_8888
        let ya = UInt64(y) & 0x1111_1111
        let yb = UInt64(y) & 0x2222_2222
        let yc = UInt64(y) & 0x4444_4444
        let yd = UInt64(y) & 0x8888_8888
        let za = (xa &* ya) ^ (xb &* yd) ^ (xc &* yc) ^ (xd &* yb)
        let zb = (xa &* yb) ^ (xb &* ya) ^ (xc &* yd) ^ (xd &* yc)
        let zc = (xa &* yc) ^ (xb &* yb) ^ (xc &* ya) ^ (xd &* yd)
        let zd = (xa &* yd) ^ (xb &* yc) ^ (xc &* yb) ^ (xd &* ya)
        return (za & 0x1111_1111_1111_1111) | (zb & 0x2222_2222_2222_2222) | (zc & 0x4444_4444_4444_4444)
            | (zd & 0x8888_8888_8888_8888)
    }

    /// 64×64→128 carry-less product by one Karatsuba step.
    @inline(__always)
    static func clmul64(_ x: UInt64, _ y: UInt64) -> (high: UInt64, low: UInt64) {
        let x0 = UInt32(truncatingIfNeeded: x)
        let x1 = UInt32(truncatingIfNeeded: x >> 32)
        let y0 = UInt32(truncatingIfNeeded: y)
        let y1 = UInt32(truncatingIfNeeded: y >> 32)
        let low = clmul32(x0, y0)
        let high = clmul32(x1, y1)
        let middle = clmul32(x0 ^ x1, y0 ^ y1) ^ low ^ high
        return (high ^ (middle >> 32), low ^ (middle << 32))
    }

    /// Multiplies two reflected field elements and reduces modulo x^128 + x^7 + x^2 + x + 1.
    @inline(__always)
    static func multiply(_ a1: UInt64, _ a0: UInt64, _ b1: UInt64, _ b0: UInt64) -> (UInt64, UInt64) {
        let low = clmul64(a0, b0)
        let high = clmul64(a1, b1)
        let mid = clmul64(a0 ^ a1, b0 ^ b1)
        let m1 = mid.high ^ low.high ^ high.high
        let m0 = mid.low ^ low.low ^ high.low
        // The reflected product is one bit short of 256; shift left by one to align it.
        var z0 = low.low
        var z1 = low.high ^ m0
        var z2 = high.low ^ m1
        var z3 = high.high
        z3 = (z3 << 1) | (z2 >> 63)
        z2 = (z2 << 1) | (z1 >> 63)
        z1 = (z1 << 1) | (z0 >> 63)
        z0 <<= 1
        // Fold the low half (the high-degree terms in reflected order) into the top half.
        let d = z1 ^ (z0 << 63) ^ (z0 << 62) ^ (z0 << 57)
        let e1 = (d >> 1) ^ (d >> 2) ^ (d >> 7)
        let e0 = (z0 >> 1) ^ (d << 63) ^ (z0 >> 2) ^ (d << 62) ^ (z0 >> 7) ^ (d << 57)
        return (z3 ^ d ^ e1, z2 ^ z0 ^ e0)
    }
}
