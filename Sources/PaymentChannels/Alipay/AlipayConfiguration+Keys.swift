import Foundation
import Kernel
import _CryptoExtras

/// Reading the RSA keys an operator pastes from Alipay's open platform.
extension AlipayConfiguration {
    static func readPrivateKey(_ text: String) throws(DomainError) -> _RSA.Signing.PrivateKey {
        let problem = invalid(
            "应用私钥无法读取：应为 2048 位及以上的 RSA 私钥，PEM 格式（PKCS#8 或 PKCS#1）或支付宝密钥工具生成的 Base64 文本。")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            if trimmed.hasPrefix("-----BEGIN") { return try _RSA.Signing.PrivateKey(pemRepresentation: trimmed) }
            guard let der = bareBase64(trimmed) else { throw problem }
            return try _RSA.Signing.PrivateKey(derRepresentation: der)
        } catch {
            throw problem
        }
    }

    static func readPublicKey(_ text: String) throws(DomainError) -> _RSA.Signing.PublicKey {
        let problem = invalid("支付宝公钥无法读取：应为 2048 位及以上的 RSA 公钥，PEM 格式或开放平台显示的 Base64 文本。")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            if trimmed.hasPrefix("-----BEGIN") { return try _RSA.Signing.PublicKey(pemRepresentation: trimmed) }
            guard let der = bareBase64(trimmed) else { throw problem }
            return try _RSA.Signing.PublicKey(derRepresentation: der)
        } catch {
            throw problem
        }
    }

    /// Base64 as Alipay's tools print it, possibly wrapped over several lines.
    private static func bareBase64(_ text: String) -> Data? {
        let joined = text.filter { !$0.isWhitespace }
        guard !joined.isEmpty else { return nil }
        return Data(base64Encoded: joined)
    }
}
