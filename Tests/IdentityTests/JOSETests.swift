import Foundation
import Kernel
import Signing
import Testing

@testable import Identity

@Suite("JOSE: base64url, JWK thumbprints, compact JWS")
struct JOSETests {
    @Test("base64url round-trips and refuses padding and foreign characters")
    func base64url() {
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("-_8") == Data([0xFB, 0xFF]))
        #expect(Base64URL.decode("-_8=") == nil)
        #expect(Base64URL.decode("a+b/") == nil)
        #expect(Base64URL.decode("a") == nil)
    }

    @Test("the kid is the RFC 7638 thumbprint")
    func thumbprint() throws {
        // The P-256 example key of RFC 7517 appendix A.1; the thumbprint was computed outside Swift with
        // Python's hashlib over '{"crv":"P-256","kty":"EC","x":…,"y":…}'.
        let point: [UInt8] =
            [0x04] + Array(Base64URL.decode("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")!)
            + Array(Base64URL.decode("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")!)
        let jwk = SigningKey.publicJWK(algorithm: .es256, uncompressedPoint: point)
        #expect(jwk.kid == "oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U")
    }

    @Test(
        "ES256 and SM2 tokens verify; a changed payload, a wrong key or alg none do not",
        arguments: SigningAlgorithm.allCases)
    func signVerify(algorithm: SigningAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let other = try SigningKey.generate(algorithm)
        let token = try CompactJWS.sign(["sub": "abc"], with: key)
        let parts = token.split(separator: ".").map(String.init)

        #expect(CompactJWS.verifiedPayload(token, keys: [key.jwk]) == Data(#"{"sub":"abc"}"#.utf8))
        let forged = parts[0] + "." + Base64URL.encode(Data(#"{"sub":"abd"}"#.utf8)) + "." + parts[2]
        #expect(CompactJWS.verifiedPayload(forged, keys: [key.jwk]) == nil)
        var impostor = other.jwk
        impostor.kid = key.kid
        #expect(CompactJWS.verifiedPayload(token, keys: [impostor]) == nil)
        let none = Base64URL.encode(Data(#"{"alg":"none","kid":"\#(key.kid)"}"#.utf8)) + "." + parts[1] + "."
        #expect(CompactJWS.verifiedPayload(none, keys: [key.jwk]) == nil)
    }

    @Test("a stored key reloads to the same public key")
    func reload() throws {
        for algorithm in SigningAlgorithm.allCases {
            let key = try SigningKey.generate(algorithm)
            #expect(try SigningKey(algorithm: algorithm, privateBytes: key.privateBytes).jwk == key.jwk)
        }
    }
}
