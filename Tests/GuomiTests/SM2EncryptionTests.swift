import Guomi
import Testing

@Suite("SM2 public-key encryption")
struct SM2EncryptionTests {
    @Test("Every encoding round-trips and has the documented layout", arguments: SM2CiphertextEncoding.allCases)
    func roundTrip(encoding: SM2CiphertextEncoding) throws {
        let key = SM2PrivateKey()
        let message = Array("身份证号 110101199003077777".utf8)

        let ciphertext = try key.publicKey.encrypt(message, encoding: encoding)

        #expect(try key.decrypt(ciphertext, encoding: encoding) == message)
        if encoding != .der {
            #expect(ciphertext.count == 65 + 32 + message.count)
            #expect(ciphertext[0] == 0x04)
        }
    }

    @Test("C1C3C2 and C1C2C3 carry the same parts in a different order")
    func orderingsAgree() throws {
        let key = SM2PrivateKey()
        let message = randomBytes(50)
        let c1c3c2 = try key.publicKey.encrypt(message, encoding: .c1c3c2)

        let reordered = Array(c1c3c2[0..<65]) + Array(c1c3c2[(65 + 32)...]) + Array(c1c3c2[65..<(65 + 32)])

        #expect(try key.decrypt(reordered, encoding: .c1c2c3) == message)
        #expect(throws: GuomiError.authenticationFailed) { try key.decrypt(reordered, encoding: .c1c3c2) }
    }

    @Test("Tampered C2 or C3, or the wrong key, fail with authenticationFailed")
    func tampering() throws {
        let key = SM2PrivateKey()
        let ciphertext = try key.publicKey.encrypt(randomBytes(40), encoding: .c1c3c2)

        for index in [65, 65 + 31, 65 + 32, ciphertext.count - 1] {
            var tampered = ciphertext
            tampered[index] ^= 0x01
            #expect(throws: GuomiError.authenticationFailed) { try key.decrypt(tampered, encoding: .c1c3c2) }
        }
        #expect(throws: GuomiError.authenticationFailed) { try SM2PrivateKey().decrypt(ciphertext, encoding: .c1c3c2) }
    }

    @Test("A C1 that is not on the curve is rejected with pointNotOnCurve")
    func invalidPoint() throws {
        let key = SM2PrivateKey()
        var ciphertext = try key.publicKey.encrypt([1, 2, 3], encoding: .c1c3c2)

        ciphertext[64] ^= 0x01

        #expect(throws: GuomiError.pointNotOnCurve) { try key.decrypt(ciphertext, encoding: .c1c3c2) }
    }

    @Test("Empty plaintext and truncated ciphertext are rejected")
    func invalidLengths() throws {
        let key = SM2PrivateKey()

        #expect(throws: GuomiError.invalidPlaintext) { try key.publicKey.encrypt([]) }
        #expect(throws: GuomiError.invalidCiphertextLength(97)) {
            try key.decrypt([UInt8](repeating: 4, count: 97), encoding: .c1c3c2)
        }
    }
}
