/// A finite point (x, y) on the SM2 curve, coordinates in Montgomery form.
struct AffinePoint: Equatable, Sendable {
    var x: U256
    var y: U256

    /// The base point G of the recommended curve.
    static let generator = AffinePoint(
        x: SM2Field.toMontgomery(
            U256(
                w0: 0x715a_4589_334c_74c7, w1: 0x8fe3_0bbf_f266_0be1, w2: 0x5f99_0446_6a39_c994,
                w3: 0x32c4_ae2c_1f19_8119)),
        y: SM2Field.toMontgomery(
            U256(
                w0: 0x02df_32e5_2139_f0a0, w1: 0xd0a9_877c_c62a_4740, w2: 0x59bd_cee3_6b69_2153,
                w3: 0xbc37_36a2_f4f6_779c)))

    /// Parses the uncompressed SEC 1 form 04 ‖ x ‖ y and checks the point lies on the curve.
    init(uncompressed bytes: [UInt8]) throws {
        guard bytes.count == 65, bytes[0] == 0x04,
            let x = SM2Field.element(bytes[1..<33]),
            let y = SM2Field.element(bytes[33..<65])
        else { throw GuomiError.pointNotOnCurve }
        self.init(x: x, y: y)
        guard isOnCurve else { throw GuomiError.pointNotOnCurve }
    }

    init(x: U256, y: U256) {
        self.x = x
        self.y = y
    }

    /// y² = x³ − 3x + b.
    var isOnCurve: Bool {
        let x3 = SM2Field.mul(SM2Field.sqr(x), x)
        let threeX = SM2Field.add(SM2Field.add(x, x), x)
        let rhs = SM2Field.add(SM2Field.sub(x3, threeX), SM2Field.bMont)
        return SM2Field.sqr(y) == rhs
    }

    /// 04 ‖ x ‖ y.
    var uncompressed: [UInt8] {
        [0x04] + SM2Field.bytes(x) + SM2Field.bytes(y)
    }
}
