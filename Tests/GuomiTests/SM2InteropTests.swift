import Guomi
import Testing

@Suite("SM2 interop with openssl")
struct SM2InteropTests {
    static let distid = "distid:1234567812345678"

    @Test("OpenSSL signs, we verify; the public key we derive equals OpenSSL's")
    func openSSLSignsWeVerify() throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let message = randomBytes(300)
        try openssl.write("m.bin", message)
        try openssl.run(["genpkey", "-algorithm", "SM2", "-out", "key.pem"])
        try openssl.run(["pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem"])

        let signed = try openssl.run([
            "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", "key.pem", "-in", "m.bin", "-pkeyopt",
            Self.distid,
        ])

        #expect(signed.status == 0)
        let privateKey = try SM2PrivateKey(pemRepresentation: try openssl.readText("key.pem"))
        let publicKey = try SM2PublicKey(pemRepresentation: try openssl.readText("pub.pem"))
        #expect(privateKey.publicKey == publicKey)
        let verifier = SM2Verifier(publicKey: publicKey)
        #expect(verifier.isValidSignature(signed.output, for: message))
        #expect(!verifier.isValidSignature(signed.output, for: message.reversed()))
    }

    @Test("We sign, OpenSSL verifies (default ID and a custom ID)", arguments: ["1234567812345678", "zhengtong@gov"])
    func weSignOpenSSLVerifies(id: String) throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let key = SM2PrivateKey()
        let message = randomBytes(77)
        try openssl.write("m.bin", message)
        try openssl.write("pub.pem", key.publicKey.pemRepresentation)

        try openssl.write("sig.der", try key.signature(for: message, id: Array(id.utf8)).derRepresentation)
        let verify = [
            "pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin", "-inkey", "pub.pem", "-in", "m.bin",
            "-sigfile", "sig.der", "-pkeyopt", "distid:\(id)",
        ]
        let accepted = try openssl.run(verify)
        try openssl.write("m.bin", message + [1])
        let rejected = try openssl.run(verify)

        #expect(accepted.status == 0)
        #expect(rejected.status != 0)
    }

    @Test("Our PEM keys are read by OpenSSL, which derives the same public key")
    func ourKeysReadByOpenSSL() throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let key = SM2PrivateKey()
        try openssl.write("key.pem", key.pemRepresentation)

        let publicPEM = try openssl.run(["pkey", "-in", "key.pem", "-pubout"])
        let reencoded = try openssl.run(["pkey", "-in", "key.pem"])

        #expect(publicPEM.status == 0)
        #expect(try SM2PublicKey(pemRepresentation: String(decoding: publicPEM.output, as: UTF8.self)) == key.publicKey)
        #expect(String(decoding: publicPEM.output, as: UTF8.self) == key.publicKey.pemRepresentation)
        #expect(String(decoding: reencoded.output, as: UTF8.self) == key.pemRepresentation)
    }

    @Test("SEC 1 keys written by openssl ec (label SM2 PRIVATE KEY) are read")
    func sec1KeysFromOpenSSL() throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let key = SM2PrivateKey()
        try openssl.write("key.pem", key.pemRepresentation)

        let sec1 = try openssl.run(["ec", "-in", "key.pem"])

        let text = String(decoding: sec1.output, as: UTF8.self)
        #expect(text.hasPrefix("-----BEGIN SM2 PRIVATE KEY-----"))
        #expect(try SM2PrivateKey(pemRepresentation: text).rawRepresentation == key.rawRepresentation)
    }

    @Test("OpenSSL decrypts what we encrypt, and we decrypt what OpenSSL encrypts")
    func encryptionBothWays() throws {
        let openssl = try OpenSSL()
        defer { openssl.cleanUp() }
        let key = SM2PrivateKey()
        let message = randomBytes(100)
        try openssl.write("key.pem", key.pemRepresentation)
        try openssl.write("pub.pem", key.publicKey.pemRepresentation)
        try openssl.write("m.bin", message)
        try openssl.write("ours.der", try key.publicKey.encrypt(message))

        let decrypted = try openssl.run(["pkeyutl", "-decrypt", "-inkey", "key.pem", "-in", "ours.der"])
        let encrypted = try openssl.run(["pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-in", "m.bin"])

        #expect(decrypted.output == message)
        #expect(try key.decrypt(encrypted.output) == message)
    }
}
