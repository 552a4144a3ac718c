import Foundation
import Signing
public import Storage

/// Checks e-receipt QR codes with nothing but the published keys, as `LicenseVerifier` does for
/// licenses: same COSE, zlib and Base45 layers, another prefix and claim.
public struct ReceiptVerifier: Sendable {
    /// The prefix of a receipt QR payload.
    public static let prefix = "ZTR1:"

    private let keys: [String: VerifyingKey]
    private let issuer: String
    private let format = SignedCode(prefix: ReceiptVerifier.prefix)

    /// A verifier trusting the published keys of `issuer`.
    public init(keys: [PublishedIssuerKey], issuer: String) {
        self.keys = Dictionary(
            keys.filter { $0.issuer == issuer }.compactMap { key in VerifyingKey(jwk: key.jwk).map { (key.jwk.kid, $0) }
            },
            uniquingKeysWith: { first, _ in first })
        self.issuer = issuer
    }

    /// Checks `text`.
    public func verify(_ text: String) -> ReceiptVerification {
        let payload: [UInt8]
        do {
            payload = try format.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)) { kid in
                keys[String(decoding: kid, as: UTF8.self)]
            }
        } catch .cose(.unknownKey) {
            return Self.result(.unknownKey, "签名密钥不在已公布的票据签名公钥中，无法确认真伪。")
        } catch .cose(.badSignature) {
            return Self.result(.badSignature, "签名验证失败：票据二维码内容被篡改，或不是本平台开具的。")
        } catch .wrongPrefix {
            return Self.result(.malformed, "这不是政通电子票据二维码（应以 \(Self.prefix) 开头）。")
        } catch {
            return Self.result(.malformed, "二维码内容不完整或已损坏，无法识别：\(error.domainError.detail)")
        }
        guard let claims = ReceiptClaims(cbor: payload), claims.issuer == issuer else {
            return Self.result(.malformed, "签名有效，但内容不是本平台的电子票据。")
        }
        return ReceiptVerification(
            verdict: .valid, reason: "签名有效，票据由本平台开具。", claims: claims, checkedOnRecord: false)
    }

    private static func result(_ verdict: ReceiptVerification.Verdict, _ reason: String) -> ReceiptVerification {
        ReceiptVerification(verdict: verdict, reason: reason, claims: nil, checkedOnRecord: false)
    }
}
