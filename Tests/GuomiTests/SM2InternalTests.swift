import Testing

@testable import Guomi

@Suite("SM2 internals: worked example and scalar multiplication")
struct SM2InternalTests {
    @Test("GM/T 0003.5 worked example on the recommended curve (fixed k)")
    func standardSignatureExample() throws {
        let key = try SM2PrivateKey(
            rawRepresentation: Hex.decode("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"))
        let k = U256(bigEndian: Hex.decode("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21"))

        let signature = try key.signature(for: Array("message digest".utf8), id: SM2.defaultID) { k }

        #expect(
            Hex.encode(key.publicKey.x963Representation)
                == "0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020"
                + "ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13")
        #expect(
            Hex.encode(signature.rawRepresentation)
                == "f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3"
                + "b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa")
        #expect(key.publicKey.isValidSignature(signature, for: Array("message digest".utf8)))
    }

    /// Textbook double-and-add with the fully general (branching) addition, as an oracle.
    static func reference(_ k: U256) -> JacobianPoint {
        var result = JacobianPoint.infinity
        for bit in stride(from: 255, through: 0, by: -1) {
            result = result.addingPublic(result)
            if k.bit(bit) {
                result = result.addingPublic(JacobianPoint(AffinePoint.generator))
            }
        }
        return result
    }

    static let edgeScalars: [String] = [
        "0000000000000000000000000000000000000000000000000000000000000001",
        "0000000000000000000000000000000000000000000000000000000000000010",
        "000000000000000000000000000000000000000000000000000000000000000f",
        "f000000000000000000000000000000000000000000000000000000000000000",
        "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f",
        "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122",
    ]

    @Test("Fixed-base and variable-base multiplication agree with double-and-add", arguments: edgeScalars)
    func scalarMultiplicationAgrees(hex: String) {
        let k = U256(bigEndian: Hex.decode(hex))

        let fixed = ScalarMultiplication.base(k).affine
        let variable = ScalarMultiplication.variable(AffinePoint.generator, k).affine

        let expected = Self.reference(k).affine
        #expect(fixed == expected)
        #expect(variable == expected)
    }

    @Test("Random scalars agree too, and (n−1)·G + G is the point at infinity")
    func randomScalars() {
        for _ in 0..<8 {
            let k = SM2Scalar.random()

            let fixed = ScalarMultiplication.base(k).affine

            #expect(fixed == Self.reference(k).affine)
            #expect(ScalarMultiplication.variable(AffinePoint.generator, k).affine == fixed)
        }
        let nMinusOne = SM2Scalar.n.subtracting(U256(w0: 1, w1: 0, w2: 0, w3: 0)).0
        let sum = ScalarMultiplication.base(nMinusOne).addingPublic(JacobianPoint(AffinePoint.generator))
        #expect(sum.isInfinity)
    }
}
