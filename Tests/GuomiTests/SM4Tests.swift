import Guomi
import Testing

@Suite("SM4 block cipher and modes")
struct SM4Tests {
    let standardKey = Hex.decode("0123456789abcdeffedcba9876543210")

    @Test("GB/T 32907 example 1: one block")
    func standardExampleOneBlock() throws {
        let cipher = try SM4(key: standardKey)

        let ciphertext = try cipher.encryptBlock(standardKey)

        #expect(Hex.encode(ciphertext) == "681edf34d206965e86b3e94f536e4246")
        #expect(try cipher.decryptBlock(ciphertext) == standardKey)
    }

    @Test("GB/T 32907 example 2: encrypting the block 1,000,000 times")
    func standardExampleMillionIterations() throws {
        let cipher = try SM4(key: standardKey)
        let ecb = try SM4ECB(key: standardKey)
        var block = standardKey

        for _ in 0..<1_000_000 {
            block = try cipher.encryptBlock(block)
        }

        #expect(Hex.encode(block) == "595298c7c6fd271f0402f804c33d3f66")
        #expect(Array(ecb.encrypt(standardKey).prefix(16)) == (try cipher.encryptBlock(standardKey)))
    }

    @Test("Wrong key lengths are rejected with a typed error", arguments: [0, 15, 17, 32])
    func wrongKeyLength(length: Int) {
        #expect(throws: GuomiError.invalidKeyLength(expected: 16, actual: length)) {
            try SM4GCMCipher(key: [UInt8](repeating: 1, count: length))
        }
        #expect(throws: GuomiError.invalidKeyLength(expected: 16, actual: length)) {
            try SM4CBC(key: [UInt8](repeating: 1, count: length))
        }
    }

    @Test("CBC round-trips every length around block boundaries and rejects corrupted padding")
    func cbcRoundTripAndPadding() throws {
        let key = randomBytes(16)
        let cbc = try SM4CBC(key: key)
        let raw = try SM4(key: key)
        let iv = randomBytes(16)
        for length in [0, 1, 15, 16, 17, 31, 32, 100] {
            let plaintext = randomBytes(length)

            let ciphertext = try cbc.encrypt(plaintext, iv: iv)

            #expect(ciphertext.count == (length / 16 + 1) * 16)
            #expect(try cbc.decrypt(ciphertext, iv: iv) == plaintext)
        }
        let ciphertext = try cbc.encrypt(randomBytes(16), iv: iv)
        let zeroBlock = [UInt8](repeating: 0, count: 16)
        let decryptsToZeros = try raw.encryptBlock(zeroBlock)  // a final pad byte of 0 is never valid
        #expect(throws: GuomiError.invalidCiphertextLength(15)) {
            try cbc.decrypt(Array(ciphertext.prefix(15)), iv: iv)
        }
        #expect(throws: GuomiError.invalidNonceLength(8)) { try cbc.encrypt([], iv: randomBytes(8)) }
        #expect(throws: GuomiError.invalidPadding) { try cbc.decrypt(decryptsToZeros, iv: zeroBlock) }
    }

    @Test("CTR is its own inverse and continues the counter across the 64-bit boundary")
    func ctrInverseAndCarry() throws {
        let key = randomBytes(16)
        let ctr = try SM4CTR(key: key)
        let ecb = try SM4(key: key)
        let counter = Hex.decode("0000000000000000ffffffffffffffff")
        let plaintext = randomBytes(40)

        let ciphertext = try ctr.crypt(plaintext, counter: counter)

        let secondBlockStream = try ecb.encryptBlock(Hex.decode("00000000000000010000000000000000"))
        #expect(zip(ciphertext[16..<32], plaintext[16..<32]).map { $0 ^ $1 } == secondBlockStream)
        #expect(try ctr.crypt(ciphertext, counter: counter) == plaintext)
    }
}
