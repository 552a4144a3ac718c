/// A 256-bit unsigned integer in four little-endian 64-bit limbs; the arithmetic never branches on values.
struct U256: Equatable, Sendable {
    var w0: UInt64
    var w1: UInt64
    var w2: UInt64
    var w3: UInt64

    static let zero = U256(w0: 0, w1: 0, w2: 0, w3: 0)

    init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Reads 32 big-endian bytes.
    init(bigEndian bytes: some Collection<UInt8>) {
        precondition(bytes.count == 32)
        var limbs: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() {
            let limb = 3 - index / 8
            limbs[limb] = (limbs[limb] << 8) | UInt64(byte)
        }
        self.init(w0: limbs[0], w1: limbs[1], w2: limbs[2], w3: limbs[3])
    }

    /// The 32 big-endian bytes.
    var bigEndianBytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for limb in [w3, w2, w1, w0] {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: limb >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// All ones if zero, otherwise all zeros.
    var isZeroMask: UInt64 {
        let any = w0 | w1 | w2 | w3
        return ((any | (0 &- any)) >> 63) &- 1
    }

    /// Bits 4i…4i+3, for fixed-window scalar multiplication.
    @inline(__always)
    func nibble(_ i: Int) -> UInt64 {
        let limb: UInt64
        switch i >> 4 {
        case 0: limb = w0
        case 1: limb = w1
        case 2: limb = w2
        default: limb = w3
        }
        return (limb >> UInt64((i & 15) * 4)) & 0xf
    }

    /// Whether bit `i` is set (only used on public exponents).
    func bit(_ i: Int) -> Bool {
        nibble(i >> 2) >> UInt64(i & 3) & 1 == 1
    }

    /// `self - other` and the borrow out (0 or 1).
    @inline(__always)
    func subtracting(_ other: U256) -> (U256, UInt64) {
        var borrow: UInt64 = 0
        let r0 = Limb.sub(w0, other.w0, &borrow)
        let r1 = Limb.sub(w1, other.w1, &borrow)
        let r2 = Limb.sub(w2, other.w2, &borrow)
        let r3 = Limb.sub(w3, other.w3, &borrow)
        return (U256(w0: r0, w1: r1, w2: r2, w3: r3), borrow)
    }

    /// `self + other` and the carry out (0 or 1).
    @inline(__always)
    func adding(_ other: U256) -> (U256, UInt64) {
        var carry: UInt64 = 0
        let r0 = Limb.add(w0, other.w0, &carry)
        let r1 = Limb.add(w1, other.w1, &carry)
        let r2 = Limb.add(w2, other.w2, &carry)
        let r3 = Limb.add(w3, other.w3, &carry)
        return (U256(w0: r0, w1: r1, w2: r2, w3: r3), carry)
    }

    /// `mask` all ones picks `a`, all zeros picks `b`.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: U256, _ b: U256) -> U256 {
        U256(
            w0: (a.w0 & mask) | (b.w0 & ~mask), w1: (a.w1 & mask) | (b.w1 & ~mask),
            w2: (a.w2 & mask) | (b.w2 & ~mask), w3: (a.w3 & mask) | (b.w3 & ~mask))
    }

    /// Whether `self < other`, as a public (variable-time) check for parsing and range tests.
    func isLess(than other: U256) -> Bool {
        subtracting(other).1 == 1
    }
}
