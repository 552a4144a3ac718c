import Crypto
import Foundation
import _CryptoExtras

/// Alipay's RSA2 signature: SHA256withRSA, PKCS#1 v1.5 padding, Base64 text.
enum AlipaySignature {
    /// The text a request's signature covers: parameters sorted by name, `sign` and empty values
    /// left out, joined as `name=value&…` with raw (not URL-encoded) values. `sign_type` is included.
    static func requestContent(_ parameters: [String: String]) -> String {
        join(parameters.filter { $0.key != "sign" && !$0.key.isEmpty && !$0.value.isEmpty })
    }

    /// The text a notification's signature covers: every decoded parameter except `sign` and
    /// `sign_type`, empty values included, sorted and joined the same way.
    static func notificationContent(_ parameters: [String: String]) -> String {
        join(parameters.filter { $0.key != "sign" && $0.key != "sign_type" })
    }

    /// The Base64 RSA2 signature of `content` under `key`.
    static func sign(_ content: some DataProtocol, with key: _RSA.Signing.PrivateKey) throws(PaymentChannelError)
        -> String
    {
        do {
            let signature = try key.signature(for: SHA256.hash(data: content), padding: .insecurePKCS1v1_5)
            return signature.rawRepresentation.base64EncodedString()
        } catch {
            throw .unavailable("RSA2 签名失败：\(error)")
        }
    }

    /// Whether `signature` (Base64) is `key`'s RSA2 signature of `content`.
    static func isValid(_ signature: String, of content: some DataProtocol, with key: _RSA.Signing.PublicKey) -> Bool {
        // A `+` in Base64 that a sender forgot to percent-encode arrives as a space; Base64 has no spaces.
        let text = signature.replacingOccurrences(of: " ", with: "+")
        guard let raw = Data(base64Encoded: text) else { return false }
        return key.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: raw), for: SHA256.hash(data: content),
            padding: .insecurePKCS1v1_5)
    }

    private static func join(_ parameters: [String: String]) -> String {
        // Byte order of the UTF-8 names, which is what Alipay's SDKs sort by for ASCII names.
        parameters.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            .map { $0.key + "=" + $0.value }
            .joined(separator: "&")
    }
}
