import Guomi
import Testing

@Suite("SM4-GCM")
struct SM4GCMTests {
    @Test("RFC 8998 Appendix A.1 SM4-GCM vector")
    func rfc8998Vector() throws {
        let gcm = try SM4GCM(key: Hex.decode("0123456789ABCDEFFEDCBA9876543210"))
        let nonce = Hex.decode("00001234567800000000ABCD")
        let aad = Hex.decode("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2")
        let plaintext = Hex.decode(
            """
            AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD
            EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA
            """)

        let sealed = try gcm.seal(plaintext, nonce: nonce, authenticating: aad)

        #expect(
            Hex.encode(sealed.ciphertext)
                == ("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                    + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"))
        #expect(Hex.encode(sealed.tag) == "83de3541e4c2b58177e065a9bf7b62ec")
        #expect(try gcm.open(sealed.ciphertext, nonce: nonce, tag: sealed.tag, authenticating: aad) == plaintext)
    }

    @Test("Matches a bit-serial reference GCM built on SM4 blocks", arguments: [0, 1, 16, 31, 64, 200])
    func matchesReference(length: Int) throws {
        let key = randomBytes(16)
        let gcm = try SM4GCM(key: key)
        for nonceLength in [12, 8, 20] {
            let nonce = randomBytes(nonceLength)
            let aad = randomBytes(length / 3)
            let plaintext = randomBytes(length)

            let sealed = try gcm.seal(plaintext, nonce: nonce, authenticating: aad)

            let reference = try ReferenceGCM(key: key).seal(plaintext, nonce: nonce, aad: aad)
            #expect(sealed.ciphertext == reference.ciphertext)
            #expect(sealed.tag == reference.tag)
        }
    }

    @Test("Tampering with nonce, ciphertext, tag or AAD is rejected")
    func tamperingIsRejected() throws {
        let cipher = try SM4GCMCipher(key: randomBytes(16))
        let aad = Array("record-42".utf8)
        let sealed = try cipher.seal(Array("机密数据 secret".utf8), authenticating: aad)

        for index in [0, 11, 12, sealed.count - 17, sealed.count - 1] {
            var tampered = sealed
            tampered[index] ^= 0x80
            #expect(throws: GuomiError.authenticationFailed) { try cipher.open(tampered, authenticating: aad) }
        }
        #expect(throws: GuomiError.authenticationFailed) { try cipher.open(sealed, authenticating: aad + [0]) }
        #expect(throws: GuomiError.invalidCiphertextLength(27)) {
            try cipher.open(Array(sealed.prefix(27)), authenticating: aad)
        }
        #expect(try cipher.open(sealed, authenticating: aad) == Array("机密数据 secret".utf8))
    }

    @Test("Each seal uses a fresh nonce and the layout is nonce ‖ ciphertext ‖ tag")
    func combinedLayout() throws {
        let cipher: any Cipher = try SM4GCMCipher(key: randomBytes(16))
        let plaintext = randomBytes(33)

        let first = try cipher.seal(plaintext, authenticating: [])
        let second = try cipher.seal(plaintext, authenticating: [])

        #expect(cipher.algorithm == "SM4-GCM")
        #expect(first.count == 12 + 33 + 16)
        #expect(first.prefix(12) != second.prefix(12))
        #expect(try cipher.open(second, authenticating: []) == plaintext)
    }
}
