public import Foundation
import Kernel
import Signing
public import Storage

/// Checks license QR codes with nothing but the published keys: works offline, at a counter or in an app.
///
/// It proves who signed what and whether the license has expired; whether the issuer has since
/// suspended or revoked it needs the status list or the platform (`LicenseService.verify`).
public struct LicenseVerifier: Sendable {
    private let keys: [String: (published: PublishedIssuerKey, parsed: VerifyingKey)]
    private let issuerNames: [String: String]
    private let format: SignedCode

    /// A verifier trusting `keys` (the published list; leaked keys are already left out of it).
    public init(
        keys: [PublishedIssuerKey], issuerNames: [String: String] = [:], prefix: String = LicenseService.codePrefix
    ) {
        // Parsed once here: reading a JWK's coordinates costs about as much as a quarter of the SM2 check.
        self.keys = Dictionary(
            keys.compactMap { key in VerifyingKey(jwk: key.jwk).map { (key.jwk.kid, (key, $0)) } },
            uniquingKeysWith: { first, _ in first })
        self.issuerNames = issuerNames
        self.format = SignedCode(prefix: prefix)
    }

    /// Checks `text` at time `now`.
    public func verify(_ text: String, now: Date) -> LicenseVerification {
        var kid = ""
        let payload: [UInt8]
        do {
            payload = try format.decode(Self.trimmed(text)) { (requested: [UInt8]) -> VerifyingKey? in
                kid = String(decoding: requested, as: UTF8.self)
                return keys[kid]?.parsed
            }
        } catch .cose(.unknownKey) {
            return Self.result(.unknownKey, "签名密钥不在已公布的发证机关公钥中（可能已因泄露被吊销），无法确认真伪。")
        } catch .cose(.badSignature) {
            return Self.result(.badSignature, "签名验证失败：二维码内容被篡改，或不是发证机关签发的。")
        } catch .wrongPrefix {
            return Self.result(.malformed, "这不是政通电子证照二维码（应以 \(format.prefix) 开头）。")
        } catch {
            return Self.result(.malformed, "二维码内容不完整或已损坏，无法识别：\(error.domainError.detail)")
        }
        guard let key = keys[kid]?.published, let claims = LicenseClaims(cbor: payload) else {
            return Self.result(.malformed, "签名有效，但内容不是电子证照。")
        }
        var verification = LicenseVerification(
            verdict: .valid, reason: "签名有效，证照在有效期内。", claims: claims, issuerName: issuerNames[claims.issuer],
            kid: kid, algorithm: key.jwk.alg, statusChecked: false)
        if claims.issuer != key.issuer || claims.identifier.issuerCode != key.issuer {
            verification.verdict = .badSignature
            verification.reason = "签名密钥属于另一发证机关，证照声称的发证机关与签名不符。"
        } else if let retired = key.retiredAt, claims.issuedAt > retired.addingTimeInterval(120) {
            verification.verdict = .badSignature
            // Other instances may sign with a key for up to a minute after rotation (the cache).
            verification.reason = "签名密钥已停用，之后不应再签发证照。"
        } else if let expiresAt = claims.expiresAt, now >= expiresAt {
            verification.verdict = .expired
            verification.reason = "证照已超过有效期。"
        }
        return verification
    }

    /// `text` without surrounding whitespace (a pasted scan often ends in a newline). Foundation's trim
    /// copies the whole string on Linux, so it runs only when an end byte could be whitespace.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        return plain(first) && plain(last) ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func result(_ verdict: LicenseVerification.Verdict, _ reason: String) -> LicenseVerification {
        LicenseVerification(
            verdict: verdict, reason: reason, claims: nil, issuerName: nil, kid: nil, algorithm: nil,
            statusChecked: false)
    }
}
