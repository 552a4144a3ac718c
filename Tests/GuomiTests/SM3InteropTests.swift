import Guomi
import Testing

@Suite("SM3 interop with openssl")
struct SM3InteropTests {
    @Test("SM3 and HMAC-SM3 equal openssl dgst on random inputs", arguments: [0, 1, 63, 64, 65, 1000, 65_537])
    func matchesOpenSSL(length: Int) throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let message = randomBytes(length)
        let key = randomBytes(20)
        try openssl.write("m.bin", message)

        let digest = try openssl.run(["dgst", "-sm3", "-binary", "m.bin"])
        let mac = try openssl.run([
            "dgst", "-sm3", "-binary", "-mac", "HMAC", "-macopt", "hexkey:\(Hex.encode(key))", "m.bin",
        ])

        #expect(digest.status == 0)
        #expect(SM3.hash(message) == digest.output)
        #expect(HMACSM3.authenticationCode(for: message, key: key) == mac.output)
    }
}
