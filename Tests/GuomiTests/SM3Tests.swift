import Guomi
import Testing

@Suite("SM3 and HMAC-SM3")
struct SM3Tests {
    @Test("GB/T 32905 example 1: SM3(\"abc\")")
    func standardExampleAbc() {
        let message = Array("abc".utf8)

        let digest = SM3.hash(message)

        #expect(Hex.encode(digest) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test("GB/T 32905 example 2: 64-byte message spanning two blocks after padding")
    func standardExampleSixtyFourBytes() {
        let message = Array(String(repeating: "abcd", count: 16).utf8)

        let digest = SM3.hash(message)

        #expect(Hex.encode(digest) == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }

    @Test("Incremental updates at awkward split points equal the one-shot hash")
    func incrementalMatchesOneShot() {
        let message = randomBytes(1000)
        let expected = SM3.hash(message)

        for split in [0, 1, 55, 56, 63, 64, 65, 127, 128, 999, 1000] {
            var hasher = SM3()
            hasher.update(message[..<split])
            hasher.update(message[split...])
            let digest = hasher.finalize()

            #expect(digest == expected, "split at \(split)")
        }
    }

    @Test("finalize leaves the state usable for further updates")
    func finalizeDoesNotConsume() {
        var hasher = SM3()
        hasher.update(Array("ab".utf8))

        _ = hasher.finalize()
        hasher.update(Array("c".utf8))

        #expect(hasher.finalize() == SM3.hash(Array("abc".utf8)))
    }

    @Test("Non-contiguous collections hash like arrays")
    func nonContiguousInput() {
        let bytes = randomBytes(200)

        let digest = SM3.hash(bytes.lazy.map { $0 })

        #expect(digest == SM3.hash(bytes))
    }

    @Test("SM3 as a Digester existential")
    func digesterConformance() {
        let digester: any Digester.Type = SM3Digester.self

        let digest = digester.hash(Array("abc".utf8))

        #expect(digester.algorithm == "SM3")
        #expect(digester.digestByteCount == 32)
        #expect(digest == SM3.hash(Array("abc".utf8)))
    }

    @Test("HMAC-SM3 follows RFC 2104 (short and long keys)")
    func hmacDefinition() {
        let message = Array("The quick brown fox".utf8)
        for key in [randomBytes(16), randomBytes(64), randomBytes(100)] {
            let block = (key.count > 64 ? SM3.hash(key) : key) + [UInt8](repeating: 0, count: 64 - min(key.count, 64))
            let paddedBlock = Array(block.prefix(64)) + [UInt8](repeating: 0, count: max(0, 64 - block.count))
            let inner = SM3.hash(paddedBlock.map { $0 ^ 0x36 } + message)
            let expected = SM3.hash(paddedBlock.map { $0 ^ 0x5c } + inner)

            let code = HMACSM3.authenticationCode(for: message, key: key)

            #expect(code == expected)
            #expect(HMACSM3.isValidAuthenticationCode(code, for: message, key: key))
            #expect(!HMACSM3.isValidAuthenticationCode(code, for: message + [0], key: key))
        }
    }
}
