import Guomi
import Testing

@Suite("SM2 keys")
struct SM2KeyTests {
    @Test("PEM and DER round-trip for private and public keys")
    func roundTrip() throws {
        let key = SM2PrivateKey()

        let privateCopy = try SM2PrivateKey(pemRepresentation: key.pemRepresentation)
        let publicCopy = try SM2PublicKey(pemRepresentation: key.publicKey.pemRepresentation)

        #expect(privateCopy.rawRepresentation == key.rawRepresentation)
        #expect(privateCopy.publicKey == key.publicKey)
        #expect(publicCopy == key.publicKey)
        #expect(key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(key.publicKey.pemRepresentation.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    }

    @Test("A PKCS#8 key whose embedded public key does not match d is refused")
    func mismatchedEmbeddedPublicKey() throws {
        let key = SM2PrivateKey()
        let impostor = SM2PrivateKey().publicKey.x963Representation

        let forged = Array(key.derRepresentation.dropLast(65)) + impostor

        #expect(throws: GuomiError.pointNotOnCurve) { try SM2PrivateKey(derRepresentation: forged) }
        #expect(try SM2PrivateKey(derRepresentation: key.derRepresentation).publicKey == key.publicKey)
    }

    @Test("d = 1 gives the base point G from the standard")
    func generatorFromScalarOne() throws {
        let one = [UInt8](repeating: 0, count: 31) + [1]

        let key = try SM2PrivateKey(rawRepresentation: one)

        #expect(
            Hex.encode(key.publicKey.x963Representation)
                == "04" + "32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7"
                + "bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0")
    }

    @Test("Private scalars outside [1, n-2] and wrong lengths are rejected")
    func invalidScalars() {
        let n = Hex.decode("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123")
        var nMinusOne = n
        nMinusOne[31] -= 1

        #expect(throws: GuomiError.invalidPrivateKey) {
            try SM2PrivateKey(rawRepresentation: [UInt8](repeating: 0, count: 32))
        }
        #expect(throws: GuomiError.invalidPrivateKey) { try SM2PrivateKey(rawRepresentation: nMinusOne) }
        #expect(throws: GuomiError.invalidPrivateKey) { try SM2PrivateKey(rawRepresentation: n) }
        #expect(throws: GuomiError.invalidKeyLength(expected: 32, actual: 31)) {
            try SM2PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 31))
        }
    }

    @Test("Public points off the curve, out of range or compressed are rejected with pointNotOnCurve")
    func invalidPoints() throws {
        var bytes = SM2PrivateKey().publicKey.x963Representation
        bytes[64] ^= 0x01
        let p = Hex.decode("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF")

        #expect(throws: GuomiError.pointNotOnCurve) { try SM2PublicKey(x963Representation: bytes) }
        #expect(throws: GuomiError.pointNotOnCurve) { try SM2PublicKey(x963Representation: [0x04] + p + p) }
        #expect(throws: GuomiError.pointNotOnCurve) {
            try SM2PublicKey(x963Representation: [0x04] + [UInt8](repeating: 0, count: 64))
        }
        #expect(throws: GuomiError.pointNotOnCurve) { try SM2PublicKey(x963Representation: Array(bytes.prefix(33))) }
    }

    @Test("Keys for other curves or with the wrong PEM label are refused")
    func wrongAlgorithmOrLabel() throws {
        let key = SM2PrivateKey()
        var der = key.publicKey.derRepresentation
        let curveOffset = der.count - 66 - 2 - 1  // last byte of the curve OID precedes the BIT STRING header
        der[curveOffset] ^= 0x01

        #expect(throws: GuomiError.unsupportedAlgorithm("curve is not sm2p256v1")) {
            try SM2PublicKey(derRepresentation: der)
        }
        #expect(throws: GuomiError.malformedPEM("expected PUBLIC KEY, found PRIVATE KEY")) {
            try SM2PublicKey(pemRepresentation: key.pemRepresentation)
        }
        #expect(throws: GuomiError.self) { try SM2PrivateKey(pemRepresentation: "not a key") }
    }
}
