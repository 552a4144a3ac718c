extension SM3 {
    @inline(__always)
    static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }

    @inline(__always)
    static func p0(_ x: UInt32) -> UInt32 { x ^ rotl(x, 9) ^ rotl(x, 17) }

    @inline(__always)
    static func p1(_ x: UInt32) -> UInt32 { x ^ rotl(x, 15) ^ rotl(x, 23) }

    /// Runs the compression function over every 64-byte block of `blocks` (whose count is a multiple of 64).
    mutating func compress(blocks: UnsafeRawBufferPointer) {
        var s0 = v0
        var s1 = v1
        var s2 = v2
        var s3 = v3
        var s4 = v4
        var s5 = v5
        var s6 = v6
        var s7 = v7
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 68) { w in
            var offset = 0
            while offset < blocks.count {
                for j in 0..<16 {
                    w[j] = UInt32(bigEndian: blocks.loadUnaligned(fromByteOffset: offset + 4 * j, as: UInt32.self))
                }
                for j in 16..<68 {
                    w[j] = SM3.p1(w[j - 16] ^ w[j - 9] ^ SM3.rotl(w[j - 3], 15)) ^ SM3.rotl(w[j - 13], 7) ^ w[j - 6]
                }
                var a = s0
                var b = s1
                var c = s2
                var d = s3
                var e = s4
                var f = s5
                var g = s6
                var h = s7
                // T_j <<< j is tracked incrementally so the rounds need no constant table.
                var t: UInt32 = 0x79cc_4519
                for j in 0..<16 {
                    let a12 = SM3.rotl(a, 12)
                    let ss1 = SM3.rotl(a12 &+ e &+ t, 7)
                    let ss2 = ss1 ^ a12
                    let tt1 = (a ^ b ^ c) &+ d &+ ss2 &+ (w[j] ^ w[j + 4])
                    let tt2 = (e ^ f ^ g) &+ h &+ ss1 &+ w[j]
                    d = c
                    c = SM3.rotl(b, 9)
                    b = a
                    a = tt1
                    h = g
                    g = SM3.rotl(f, 19)
                    f = e
                    e = SM3.p0(tt2)
                    t = SM3.rotl(t, 1)
                }
                t = SM3.rotl(0x7a87_9d8a, 16)
                for j in 16..<64 {
                    let a12 = SM3.rotl(a, 12)
                    let ss1 = SM3.rotl(a12 &+ e &+ t, 7)
                    let ss2 = ss1 ^ a12
                    let tt1 = ((a & b) | (a & c) | (b & c)) &+ d &+ ss2 &+ (w[j] ^ w[j + 4])
                    let tt2 = ((e & f) | (~e & g)) &+ h &+ ss1 &+ w[j]
                    d = c
                    c = SM3.rotl(b, 9)
                    b = a
                    a = tt1
                    h = g
                    g = SM3.rotl(f, 19)
                    f = e
                    e = SM3.p0(tt2)
                    t = SM3.rotl(t, 1)
                }
                s0 ^= a
                s1 ^= b
                s2 ^= c
                s3 ^= d
                s4 ^= e
                s5 ^= f
                s6 ^= g
                s7 ^= h
                offset += 64
            }
        }
        v0 = s0
        v1 = s1
        v2 = s2
        v3 = s3
        v4 = s4
        v5 = s5
        v6 = s6
        v7 = s7
    }
}
