import Guomi
import Testing

@Suite("SM4 interop with openssl enc")
struct SM4InteropTests {
    @Test("ECB, CBC and CTR equal openssl enc on random keys and inputs", arguments: [0, 1, 16, 33, 4096 + 5])
    func matchesOpenSSL(length: Int) throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let key = randomBytes(16)
        let iv = randomBytes(16)
        let plaintext = randomBytes(length)
        try openssl.write("p.bin", plaintext)
        let keyArgs = ["-K", Hex.encode(key), "-iv", Hex.encode(iv), "-in", "p.bin"]

        let ecb = try openssl.run(["enc", "-sm4-ecb", "-K", Hex.encode(key), "-in", "p.bin"])
        let cbc = try openssl.run(["enc", "-sm4-cbc"] + keyArgs)
        let ctr = try openssl.run(["enc", "-sm4-ctr"] + keyArgs)

        #expect(ecb.status == 0 && cbc.status == 0 && ctr.status == 0)
        #expect(try SM4ECB(key: key).encrypt(plaintext) == ecb.output)
        #expect(try SM4CBC(key: key).encrypt(plaintext, iv: iv) == cbc.output)
        #expect(try SM4CTR(key: key).crypt(plaintext, counter: iv) == ctr.output)
        #expect(try SM4CBC(key: key).decrypt(cbc.output, iv: iv) == plaintext)
    }

    @Test("We decrypt what openssl enc -sm4-cbc encrypted")
    func decryptsOpenSSLOutput() throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let key = randomBytes(16)
        let iv = randomBytes(16)
        let plaintext = randomBytes(1000)
        try openssl.write("p.bin", plaintext)

        let result = try openssl.run(["enc", "-sm4-cbc", "-K", Hex.encode(key), "-iv", Hex.encode(iv), "-in", "p.bin"])

        #expect(try SM4CBC(key: key).decrypt(result.output, iv: iv) == plaintext)
    }
}
