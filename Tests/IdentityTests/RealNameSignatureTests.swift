import Foundation
import Identity
import Testing

@Suite("Real-name service signatures")
struct RealNameSignatureTests {
    let signer = RealNameSignature(keyID: "zt", secret: "a-very-long-shared-secret")
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let body = Array(#"{"idNumberHash":"ab","nameHash":"cd"}"#.utf8)

    func verify(
        method: String = "POST", path: String = "/v1/person-checks", nonce: String = "n1", body: [UInt8]? = nil,
        signature: String, at time: Date? = nil, with verifier: RealNameSignature? = nil
    ) -> Bool {
        (verifier ?? signer).verify(
            method: method, path: path, timestamp: "1790000000", nonce: nonce, body: body ?? self.body,
            signature: signature, now: time ?? now)
    }

    @Test("a fresh, correct signature verifies; any change, a skewed clock or another secret fails")
    func requests() {
        let signature = signer.sign(
            method: "POST", path: "/v1/person-checks", timestamp: "1790000000", nonce: "n1", body: body)
        #expect(verify(signature: signature))
        #expect(verify(signature: signature, at: now.addingTimeInterval(-300)))
        #expect(!verify(body: body + [32], signature: signature))
        #expect(!verify(method: "GET", signature: signature))
        #expect(!verify(path: "/v1/face-sessions", signature: signature))
        #expect(!verify(nonce: "n2", signature: signature))
        #expect(!verify(signature: signature, at: now.addingTimeInterval(301)))
        #expect(!verify(signature: signature, at: now.addingTimeInterval(-301)))
        #expect(!verify(signature: "zz"))
        #expect(!verify(signature: ""))
        #expect(!verify(signature: signature, with: RealNameSignature(keyID: "zt", secret: "another-shared-secret")))
    }

    @Test("an answer's signature is bound to the request's nonce and cannot pass for a request")
    func answers() {
        let answer = signer.sign(
            method: RealNameSignature.answerMethod, path: "/v1/person-checks", timestamp: "1790000000", nonce: "n1",
            body: body)
        #expect(verify(method: "ANSWER", signature: answer))
        #expect(!verify(method: "ANSWER", nonce: "n2", signature: answer))
        #expect(!verify(method: "POST", signature: answer))
    }

    @Test("with no secret nothing verifies, and a short secret is not strong")
    func weakSecrets() {
        let empty = RealNameSignature(keyID: "zt", secret: "")
        let signature = empty.sign(
            method: "POST", path: "/v1/person-checks", timestamp: "1790000000", nonce: "n1", body: body)
        #expect(!verify(signature: signature, with: empty))
        #expect(!RealNameSignature(keyID: "zt", secret: "fifteen-chars!!").hasStrongSecret)
        #expect(signer.hasStrongSecret)
    }
}
