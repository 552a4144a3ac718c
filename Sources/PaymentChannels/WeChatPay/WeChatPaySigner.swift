import Crypto
import Foundation
import _CryptoExtras

/// Builds the `Authorization` header of APIv3 requests: SHA256withRSA (PKCS#1 v1.5) with the
/// merchant's private key over `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`.
struct WeChatPaySigner: Sendable {
    /// The scheme word WeChat Pay expects in `Authorization`.
    static let scheme = "WECHATPAY2-SHA256-RSA2048"

    let merchantID: String
    let serialNumber: String
    let key: _RSA.Signing.PrivateKey

    /// The header value for one request; `target` is the URL's path with its query, as sent.
    func authorization(method: String, target: String, timestamp: Int64, nonce: String, body: [UInt8])
        throws(PaymentChannelError) -> String
    {
        var message = Array("\(method)\n\(target)\n\(timestamp)\n\(nonce)\n".utf8)
        message += body
        message.append(UInt8(ascii: "\n"))
        let signature: String
        do {
            signature = try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation
                .base64EncodedString()
        } catch {
            throw .unavailable("无法生成请求签名")
        }
        return "\(Self.scheme) mchid=\"\(merchantID)\",nonce_str=\"\(nonce)\",signature=\"\(signature)\","
            + "timestamp=\"\(timestamp)\",serial_no=\"\(serialNumber)\""
    }

    /// A fresh 32-character nonce from the system's secure generator.
    static func makeNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789ABCDEF")
        return String((0..<32).map { _ in alphabet[Int.random(in: 0..<16, using: &generator)] })
    }
}
