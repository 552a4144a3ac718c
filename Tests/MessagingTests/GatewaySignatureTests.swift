import Foundation
import Messaging
import Testing

@Suite("Gateway signatures")
struct GatewaySignatureTests {
    let signer = GatewaySignature(keyID: "k1", secret: "a-very-long-shared-secret")
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let body = Array(#"{"phone":"13800000000"}"#.utf8)

    func sign(_ body: [UInt8], at time: Date) -> (String, String) {
        let timestamp = String(Int(time.timeIntervalSince1970))
        return (timestamp, signer.sign(method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n1", body: body))
    }

    @Test("a fresh, correct signature verifies")
    func valid() {
        let (timestamp, signature) = sign(body, at: now)
        #expect(
            signer.verify(
                method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n1", body: body, signature: signature,
                now: now))
    }

    @Test("a changed body, path, nonce, secret or stale timestamp fails")
    func invalid() {
        let (timestamp, signature) = sign(body, at: now)
        #expect(
            !signer.verify(
                method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n1", body: body + [32],
                signature: signature, now: now))
        #expect(
            !signer.verify(
                method: "POST", path: "/v1/other", timestamp: timestamp, nonce: "n1", body: body, signature: signature,
                now: now))
        #expect(
            !signer.verify(
                method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n2", body: body, signature: signature,
                now: now))
        #expect(
            !signer.verify(
                method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n1", body: body, signature: signature,
                now: now.addingTimeInterval(301)))
        #expect(
            !signer.verify(
                method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n1", body: body, signature: "zz",
                now: now))
        let other = GatewaySignature(keyID: "k1", secret: "another-shared-secret-value")
        #expect(
            !other.verify(
                method: "POST", path: "/v1/sms", timestamp: timestamp, nonce: "n1", body: body, signature: signature,
                now: now))
    }
}

@Suite("Gateway signatures without a secret")
struct EmptySecretTests {
    @Test("with no secret configured nothing verifies, not even a signature made with the empty key")
    func emptySecret() {
        let signer = GatewaySignature(keyID: "k1", secret: "")
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let signature = signer.sign(method: "POST", path: "/p", timestamp: "1790000000", nonce: "n", body: [])
        #expect(
            !signer.verify(
                method: "POST", path: "/p", timestamp: "1790000000", nonce: "n", body: [], signature: signature,
                now: now))
    }
}
