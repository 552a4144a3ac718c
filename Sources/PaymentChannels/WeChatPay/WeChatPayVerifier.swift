import Crypto
import Foundation
import Kernel
import _CryptoExtras

/// Checks that a response or notification comes from WeChat Pay: the `Wechatpay-Serial` names our
/// configured public key, the timestamp is fresh, and `Wechatpay-Signature` is SHA256withRSA over
/// `TIMESTAMP\nNONCE\nBODY\n` under that key.
struct WeChatPayVerifier: Sendable {
    let publicKeyID: String
    let key: _RSA.Signing.PublicKey
    /// How far the signed timestamp may stray from `clock`'s now, either way.
    let freshness: TimeInterval
    let clock: any Clock

    /// Throws `.badSignature` unless `headers` (names in lower case) sign `body`.
    func verify(headers: [String: String], body: [UInt8]) throws(PaymentChannelError) {
        guard let serial = headers["wechatpay-serial"], serial == publicKeyID,
            let timestampText = headers["wechatpay-timestamp"], timestampText.count <= 12,
            let timestamp = Int64(timestampText),
            let nonce = headers["wechatpay-nonce"], !nonce.isEmpty, nonce.utf8.count <= 64,
            let signatureText = headers["wechatpay-signature"], signatureText.utf8.count <= 1024,
            let signature = Data(base64Encoded: signatureText)
        else { throw .badSignature }
        // A replayed message carries an old timestamp; its signature still verifies, so time must be checked first.
        guard abs(clock.now().timeIntervalSince1970 - TimeInterval(timestamp)) <= freshness else {
            throw .badSignature
        }
        var message = Array("\(timestampText)\n\(nonce)\n".utf8)
        message += body
        message.append(UInt8(ascii: "\n"))
        guard
            key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: .insecurePKCS1v1_5)
        else { throw .badSignature }
    }
}
